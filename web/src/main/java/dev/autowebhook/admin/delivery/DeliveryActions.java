package dev.autowebhook.admin.delivery;

import dev.autowebhook.admin.AdminAction;
import dev.autowebhook.admin.Notices;
import dev.autowebhook.delivery.boundary.Deliveries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The delivery actions of the pages (Retry Now, bulk retry, move to dead letter), each with its
 * message. A request-scoped bean of its own because the {@link AdminAction} interceptor is not
 * serializable, so it cannot sit on the view-scoped page beans.
 */
@RequestScoped
public class DeliveryActions {

  @Inject Deliveries deliveries;

  @AdminAction
  public void retry(long id) {
    deliveries.retry(id);
    Notices.info("Delivery " + id + " queued for an attempt now");
  }

  @AdminAction
  public void bury(long id) {
    deliveries.bury(id);
    Notices.info("Delivery " + id + " moved to the dead-letter queue");
  }

  /** All or none; nothing happens (with a hint) for an empty list. */
  @AdminAction
  public void retryAll(List<Long> ids) {
    if (ids.isEmpty()) {
      Notices.warn("Nothing to retry", "Tick the deliveries to retry first.");
      return;
    }
    deliveries.retryAll(ids);
    Notices.info(ids.size() + (ids.size() == 1 ? " delivery" : " deliveries")
        + " queued for an attempt now");
  }
}
