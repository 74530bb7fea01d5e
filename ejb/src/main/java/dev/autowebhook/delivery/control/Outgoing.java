package dev.autowebhook.delivery.control;

import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.Uids;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request to make, captured when its deliveries were claimed so that sending needs no
 * database: the body bytes, the target and the retry budget. Usually one delivery; for a config
 * that batches, {@link #batch} joins several deliveries of one subscriber into a single request
 * whose members keep their own attempt numbers (and so their own status and retries).
 */
public record Outgoing(
    long deliveryId,
    String eventUid,
    String model,
    String event,
    String priority,
    int attemptNo,
    AttemptTrigger trigger,
    Target target,
    byte[] body,
    String batchKey,
    int batchSize,
    List<Outgoing> members) {

  public Outgoing {
    members = members == null ? List.of() : List.copyOf(members);
  }

  /** A delivery sent on its own. */
  public static Outgoing single(long deliveryId, String eventUid, String model, String event,
      String priority, int attemptNo, AttemptTrigger trigger, Target target, byte[] body) {
    return new Outgoing(deliveryId, eventUid, model, event, priority, attemptNo, trigger, target,
        body, null, 0, List.of());
  }

  /** Copy that waits to be sent in a batch of up to {@code size} with the same key. */
  public Outgoing inBatch(String key, int size) {
    return new Outgoing(deliveryId, eventUid, model, event, priority, attemptNo, trigger, target,
        body, key, size, List.of());
  }

  /**
   * One request for several deliveries of the same subscriber and model. The body is
   * {@code {"type":"batch","id","model","count","events":[…]}} where each element is exactly the
   * body the delivery would have had alone; the batch id is the request's {@code webhook-id}.
   */
  public static Outgoing batch(List<Outgoing> deliveries) {
    Outgoing first = deliveries.get(0);
    String id = Uids.next("bat_");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = Jsonp.PROVIDER.createObjectBuilder().add("type", "batch").add("id", id)
        .add("model", first.model()).add("count", deliveries.size()).build().toString();
    out.writeBytes(head.substring(0, head.length() - 1).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(",\"events\":[".getBytes(StandardCharsets.UTF_8));
    int maxAttempt = 0;
    for (int i = 0; i < deliveries.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(deliveries.get(i).body());
      maxAttempt = Math.max(maxAttempt, deliveries.get(i).attemptNo());
    }
    out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    return new Outgoing(0, id, first.model(), "batch", first.priority(), maxAttempt,
        first.trigger(), first.target(), out.toByteArray(), first.batchKey(), first.batchSize(),
        deliveries);
  }

  public boolean isBatch() {
    return !members.isEmpty();
  }

  /** The deliveries this request carries: its members, or itself. */
  public List<Outgoing> deliveries() {
    return isBatch() ? members : List.of(this);
  }

  public long subscriberId() {
    return target.subscriberId();
  }

  @Override
  public String toString() {
    // never print headers or secrets
    return "Outgoing[" + (isBatch() ? "batch of " + members.size() : "delivery=" + deliveryId)
        + ", id=" + eventUid + ", subscriber=" + target.subscriberId() + " (" + target.name()
        + "), attempt=" + attemptNo
        + "]";
  }
}
