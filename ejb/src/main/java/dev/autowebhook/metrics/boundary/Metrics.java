package dev.autowebhook.metrics.boundary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's own Prometheus registry (Micrometer), independent of the server's MP Metrics
 * so that the same figures come out on Payara and WildFly. Meters carry only ids and enum-like
 * values as tags (subscriber id, outcome, channel), never names, URLs or secrets.
 * {@code autowebhook.metrics.public} (default true) lets Prometheus scrape without credentials;
 * false requires an admin or viewer.
 */
@ApplicationScoped
public class Metrics {

  /** The content type of {@link #scrape()}: the Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(
      PrometheusConfig.DEFAULT);

  @Inject Event<Scraping> scraping;

  @Inject
  @ConfigProperty(name = "autowebhook.metrics.public", defaultValue = "true")
  boolean open;

  public MeterRegistry registry() {
    return registry;
  }

  /** True when {@code /metrics} needs no credentials. */
  public boolean isPublic() {
    return open;
  }

  /** Lets the features refresh their gauges, then renders every meter. */
  public String scrape() {
    scraping.fire(new Scraping(Instant.now()));
    return registry.scrape();
  }

  @PreDestroy
  void close() {
    registry.close();
  }
}
