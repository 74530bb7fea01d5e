package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.PurchaseOrder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** PurchaseOrder records at /api/v1/purchase-orders. */
@RequestScoped
@Path("purchase-orders")
@Tag(name = "Business records")
public class PurchaseOrdersResource extends RecordsResource<PurchaseOrder> {

  public PurchaseOrdersResource() {
    super(PurchaseOrder.class);
  }
}
