package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.HrEmployee;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HrEmployee records at /api/v1/hr-employees. */
@RequestScoped
@Path("hr-employees")
@Tag(name = "Business records")
public class HrEmployeesResource extends RecordsResource<HrEmployee> {

  public HrEmployeesResource() {
    super(HrEmployee.class);
  }
}
