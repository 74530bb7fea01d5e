package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.CrmLead;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CrmLead records at /api/v1/crm-leads. */
@RequestScoped
@Path("crm-leads")
@Tag(name = "Business records")
public class CrmLeadsResource extends RecordsResource<CrmLead> {

  public CrmLeadsResource() {
    super(CrmLead.class);
  }
}
