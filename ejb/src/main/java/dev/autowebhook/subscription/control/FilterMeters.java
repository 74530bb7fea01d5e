package dev.autowebhook.subscription.control;

import dev.autowebhook.metrics.boundary.Metrics;
import dev.autowebhook.metrics.boundary.Scraping;
import dev.autowebhook.records.boundary.Models;
import io.micrometer.core.instrument.FunctionCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The events filter rules dropped, per model, in the Prometheus registry:
 * {@code autowebhook_filter_dropped_total{model="sale.order",reason="no_match"}} (the rule gave
 * false) and {@code reason="error"} (it failed or gave no boolean: a broken rule). The counters
 * read {@link Route.Drops}, which capture increments; they count on this node since it started.
 */
@ApplicationScoped
public class FilterMeters {

  static final String DROPPED = "autowebhook.filter.dropped";
  private static final String DESCRIPTION = "Events a config's filter rule dropped since this"
      + " node started (no_match: the rule gave false; error: it failed or gave no boolean)";

  @Inject Metrics metrics;
  @Inject SubscriptionMatcher matcher;
  @Inject Models models;

  /**
   * Registers on every scrape what is not registered yet (registering again is a no-op): every
   * known model's counters are there from the start at 0, so that a first drop shows as an
   * increase.
   */
  void onScrape(@Observes Scraping scraping) {
    for (String model : models.keys()) {
      Route.Drops drops = matcher.drops(model);
      FunctionCounter.builder(DROPPED, drops, Route.Drops::noMatch)
          .description(DESCRIPTION)
          .tags("reason", "no_match", "model", model)
          .register(metrics.registry());
      FunctionCounter.builder(DROPPED, drops, Route.Drops::errors)
          .description(DESCRIPTION)
          .tags("reason", "error", "model", model)
          .register(metrics.registry());
    }
  }
}
