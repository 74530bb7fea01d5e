package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.HrExpense;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HrExpense records at /api/v1/hr-expenses. */
@RequestScoped
@Path("hr-expenses")
@Tag(name = "Business records")
public class HrExpensesResource extends RecordsResource<HrExpense> {

  public HrExpensesResource() {
    super(HrExpense.class);
  }
}
