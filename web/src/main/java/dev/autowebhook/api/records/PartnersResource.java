package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.Partner;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Partner records at /api/v1/partners. */
@RequestScoped
@Path("partners")
@Tag(name = "Business records")
public class PartnersResource extends RecordsResource<Partner> {

  public PartnersResource() {
    super(Partner.class);
  }
}
