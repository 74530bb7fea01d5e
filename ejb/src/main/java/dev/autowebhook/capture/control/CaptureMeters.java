package dev.autowebhook.capture.control;

import dev.autowebhook.metrics.boundary.Metrics;
import dev.autowebhook.metrics.boundary.Scraping;
import io.micrometer.core.instrument.FunctionCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Capture's figure in the Prometheus registry: the failures {@link ChangeListener} counted. */
@ApplicationScoped
public class CaptureMeters {

  @Inject Metrics metrics;

  /** Registered on the first scrape (a no-op after): the counter reads the listener's count. */
  void onScrape(@Observes Scraping scraping) {
    FunctionCounter.builder("autowebhook.capture.failures", ChangeListener.class,
            c -> ChangeListener.failures())
        .description("Change captures that failed since start (logged; the business write"
            + " went on unless AUTOWEBHOOK_CAPTURE_FAIL_ON_ERROR=true)")
        .register(metrics.registry());
  }
}
