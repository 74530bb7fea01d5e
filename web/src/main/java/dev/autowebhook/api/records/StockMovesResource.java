package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.StockMove;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** StockMove records at /api/v1/stock-moves. */
@RequestScoped
@Path("stock-moves")
@Tag(name = "Business records")
public class StockMovesResource extends RecordsResource<StockMove> {

  public StockMovesResource() {
    super(StockMove.class);
  }
}
