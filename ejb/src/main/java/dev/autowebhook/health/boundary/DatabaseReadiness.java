package dev.autowebhook.health.boundary;

import dev.autowebhook.health.control.Verdict;
import dev.autowebhook.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Up when the application's data source answers {@code SELECT 1} within
 * {@code autowebhook.health.database-timeout-seconds}. The query runs on a managed thread and the
 * probe waits at most that long, also when the pool has no free connection to give.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = SchemaMigration.DATASOURCE)
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "autowebhook.health.database-timeout-seconds", defaultValue = "3")
  int timeoutSeconds;

  @Override
  public HealthCheckResponse call() {
    long t0 = System.nanoTime();
    Throwable error = null;
    Future<Void> running = null;
    try {
      running = executor.submit(this::query);
      running.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      error = e.getCause();
    } catch (TimeoutException e) {
      running.cancel(true);
      error = e;
    } catch (RuntimeException e) {
      error = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = e;
    }
    return Responses.of("database", Verdict.database((System.nanoTime() - t0) / 1_000_000, error));
  }

  private Void query() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      st.setQueryTimeout(timeoutSeconds);
      st.execute("SELECT 1");
    }
    return null;
  }
}
