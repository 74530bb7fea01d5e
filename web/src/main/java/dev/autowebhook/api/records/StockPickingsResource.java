package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.StockPicking;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** StockPicking records at /api/v1/stock-pickings. */
@RequestScoped
@Path("stock-pickings")
@Tag(name = "Business records")
public class StockPickingsResource extends RecordsResource<StockPicking> {

  public StockPickingsResource() {
    super(StockPicking.class);
  }
}
