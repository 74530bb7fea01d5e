package dev.autowebhook.admin.delivery;

import dev.autowebhook.delivery.entity.DeliveryStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** The dead-letter queue: the events table locked to dead deliveries, to retry them in bulk. */
@Named
@ViewScoped
public class DeadLettersBacking extends EventsBacking {

  @Override
  public DeliveryStatus lockedStatus() {
    return DeliveryStatus.DEAD;
  }
}
