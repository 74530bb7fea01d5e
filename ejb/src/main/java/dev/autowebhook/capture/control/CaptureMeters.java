package dev.autowebhook.capture.control;

import dev.autowebhook.metrics.boundary.Metrics;
import dev.autowebhook.metrics.boundary.Scraping;
import dev.autowebhook.records.boundary.Models;
import io.micrometer.core.instrument.FunctionCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Capture's figures in the Prometheus registry: the failures {@link ChangeListener} counted, and
 * the changes {@link PayloadLimit} refused, per model
 * ({@code autowebhook_capture_refused_total{reason="payload_too_large",model="sale.order"}}). The
 * two are apart because they mean different things: a failure is capture breaking (logged, and by
 * default the business write still commits); a refusal is the limit working (the business write
 * is rolled back and the caller told with a 413).
 */
@ApplicationScoped
public class CaptureMeters {

  static final String REFUSED = "autowebhook.capture.refused";

  @Inject Metrics metrics;
  @Inject PayloadLimit limit;
  @Inject Models models;

  /**
   * Registers on every scrape what is not registered yet (registering again is a no-op): the
   * counters read the listener's and the limit's counts. Every known model's refusal counter is
   * there from the start at 0, so that a first refusal shows as an increase.
   */
  void onScrape(@Observes Scraping scraping) {
    FunctionCounter.builder("autowebhook.capture.failures", ChangeListener.class,
            c -> ChangeListener.failures())
        .description("Change captures that failed since start (logged; the business write"
            + " went on unless AUTOWEBHOOK_CAPTURE_FAIL_ON_ERROR=true)")
        .register(metrics.registry());
    Set<String> keys = new LinkedHashSet<>(models.keys());
    keys.addAll(limit.refusals().keySet());
    for (String model : keys) {
      FunctionCounter.builder(REFUSED, limit, l -> l.refusals(model))
          .description("Changes refused at capture since start, and rolled back with their"
              + " business write (payload_too_large: the event would exceed"
              + " AUTOWEBHOOK_CAPTURE_MAX_PAYLOAD_BYTES)")
          .tags("reason", "payload_too_large", "model", model)
          .register(metrics.registry());
    }
  }
}
