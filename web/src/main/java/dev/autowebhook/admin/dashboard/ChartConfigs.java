package dev.autowebhook.admin.dashboard;

import dev.autowebhook.delivery.boundary.DeliveryStats;
import dev.autowebhook.platform.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Chart.js configurations (the JSON {@code p:chart} takes) for the dashboard's figures. Times are
 * labelled in UTC, as everywhere else in the product.
 */
final class ChartConfigs {

  static final String SENT = "#22c55e";
  static final String FAILED = "#f59e0b";
  static final String DEAD = "#ef4444";
  static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("HH:mm")
      .withZone(ZoneOffset.UTC);

  private ChartConfigs() {}

  /** Stacked bars of attempts per bucket: sent, failed (to retry), dead. */
  static String throughput(DeliveryStats.Timeline t) {
    JsonArrayBuilder sets = Jsonp.PROVIDER.createArrayBuilder()
        .add(dataset("Sent", SENT, t.points(), p -> p.sent()))
        .add(dataset("Failed (will retry)", FAILED, t.points(), p -> p.failed()))
        .add(dataset("Dead", DEAD, t.points(), p -> p.dead()));
    JsonObject scales = Jsonp.PROVIDER.createObjectBuilder()
        .add("x", Jsonp.PROVIDER.createObjectBuilder().add("stacked", true))
        .add("y", Jsonp.PROVIDER.createObjectBuilder().add("stacked", true)
            .add("beginAtZero", true)
            .add("title", title("attempts per " + per(t))))
        .build();
    return chart("bar", labels(t), sets, scales);
  }

  /** Lines of the median and 95th percentile attempt duration per bucket. */
  static String latency(DeliveryStats.Timeline t) {
    JsonArrayBuilder sets = Jsonp.PROVIDER.createArrayBuilder()
        .add(dataset("p50", "#3b82f6", t.points(), DeliveryStats.Point::p50Ms)
            .add("borderColor", "#3b82f6").add("spanGaps", true).add("pointRadius", 3))
        .add(dataset("p95", "#a855f7", t.points(), DeliveryStats.Point::p95Ms)
            .add("borderColor", "#a855f7").add("spanGaps", true).add("pointRadius", 3));
    JsonObject scales = Jsonp.PROVIDER.createObjectBuilder()
        .add("y", Jsonp.PROVIDER.createObjectBuilder().add("beginAtZero", true)
            .add("title", title("ms")))
        .build();
    return chart("line", labels(t), sets, scales);
  }

  /** Deliveries by status as a doughnut (statuses with no delivery left out). */
  static String statuses(Map<String, Long> byStatus) {
    Map<String, String> colors = Map.of("pending", "#38bdf8", "processing", "#8b5cf6",
        "sent", SENT, "failed", FAILED, "dead", DEAD);
    JsonArrayBuilder labels = Jsonp.PROVIDER.createArrayBuilder();
    JsonArrayBuilder data = Jsonp.PROVIDER.createArrayBuilder();
    JsonArrayBuilder background = Jsonp.PROVIDER.createArrayBuilder();
    byStatus.forEach((status, count) -> {
      if (count > 0) {
        labels.add(status);
        data.add(count);
        background.add(colors.getOrDefault(status, "#94a3b8"));
      }
    });
    JsonObject config = Jsonp.PROVIDER.createObjectBuilder()
        .add("type", "doughnut")
        .add("data", Jsonp.PROVIDER.createObjectBuilder().add("labels", labels)
            .add("datasets", Jsonp.PROVIDER.createArrayBuilder().add(
                Jsonp.PROVIDER.createObjectBuilder().add("data", data)
                    .add("backgroundColor", background))))
        .add("options", options().add("plugins", Jsonp.PROVIDER.createObjectBuilder()
            .add("legend", Jsonp.PROVIDER.createObjectBuilder().add("position", "right"))))
        .build();
    return config.toString();
  }

  private static String per(DeliveryStats.Timeline t) {
    int s = t.window().bucketSeconds();
    return s == 60 ? "minute" : s / 60 + " minutes";
  }

  private static JsonArrayBuilder labels(DeliveryStats.Timeline t) {
    JsonArrayBuilder labels = Jsonp.PROVIDER.createArrayBuilder();
    t.points().forEach(p -> labels.add(LABEL.format(p.start())));
    return labels;
  }

  private static JsonObjectBuilder dataset(String label, String color,
      List<DeliveryStats.Point> points, Function<DeliveryStats.Point, Long> value) {
    JsonArrayBuilder data = Jsonp.PROVIDER.createArrayBuilder();
    for (DeliveryStats.Point p : points) {
      Long v = value.apply(p);
      if (v == null) {
        data.addNull();
      } else {
        data.add(v);
      }
    }
    return Jsonp.PROVIDER.createObjectBuilder().add("label", label)
        .add("backgroundColor", color).add("data", data);
  }

  private static JsonObjectBuilder title(String text) {
    return Jsonp.PROVIDER.createObjectBuilder().add("display", true).add("text", text);
  }

  private static JsonObjectBuilder options() {
    return Jsonp.PROVIDER.createObjectBuilder().add("animation", false)
        .add("responsive", true).add("maintainAspectRatio", false);
  }

  private static String chart(String type, JsonArrayBuilder labels, JsonArrayBuilder sets,
      JsonObject scales) {
    return Jsonp.PROVIDER.createObjectBuilder()
        .add("type", type)
        .add("data", Jsonp.PROVIDER.createObjectBuilder().add("labels", labels)
            .add("datasets", sets))
        .add("options", options().add("scales", scales)
            .add("plugins", Jsonp.PROVIDER.createObjectBuilder()
                .add("legend", Jsonp.PROVIDER.createObjectBuilder().add("position", "bottom"))))
        .build().toString();
  }
}
