package dev.autowebhook.admin.dashboard;

import dev.autowebhook.delivery.boundary.DeliveryStats;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The dashboard: loads the figures once per request of the page or of its 10-second poll, so the
 * charts and tables refresh without a page reload.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DeliveryStats stats;

  private String window = "hour";
  private transient DeliveryStats.Summary summary;
  private transient DeliveryStats.Timeline timeline;
  private transient List<DeliveryStats.Health> health;

  @PostConstruct
  public void refresh() {
    summary = stats.summary();
    timeline = stats.timeline("day".equals(window) ? DeliveryStats.Window.DAY
        : DeliveryStats.Window.HOUR);
    health = stats.health();
  }

  private void ensureLoaded() {
    if (summary == null) {
      refresh();
    }
  }

  public DeliveryStats.Summary getSummary() {
    ensureLoaded();
    return summary;
  }

  public long count(String status) {
    return getSummary().byStatus().getOrDefault(status, 0L);
  }

  /** Success rate as a percentage with one decimal, or a dash before any finished delivery. */
  public String getSuccessRate() {
    Double rate = getSummary().successRate();
    return rate == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", rate * 100);
  }

  public DeliveryStats.Timeline getTimeline() {
    ensureLoaded();
    return timeline;
  }

  public List<DeliveryStats.Health> getHealth() {
    ensureLoaded();
    return health;
  }

  public String getThroughputChart() {
    return ChartConfigs.throughput(getTimeline());
  }

  public String getLatencyChart() {
    return ChartConfigs.latency(getTimeline());
  }

  public String getStatusChart() {
    return ChartConfigs.statuses(getSummary().byStatus());
  }

  public String getWindow() {
    return window;
  }

  public void setWindow(String window) {
    this.window = "day".equals(window) ? "day" : "hour";
  }
}
