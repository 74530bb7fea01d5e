package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.SaleOrder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** SaleOrder records at /api/v1/sale-orders. */
@RequestScoped
@Path("sale-orders")
@Tag(name = "Business records")
public class SaleOrdersResource extends RecordsResource<SaleOrder> {

  public SaleOrdersResource() {
    super(SaleOrder.class);
  }
}
