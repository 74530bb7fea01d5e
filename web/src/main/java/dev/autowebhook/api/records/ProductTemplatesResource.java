package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.ProductTemplate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ProductTemplate records at /api/v1/product-templates. */
@RequestScoped
@Path("product-templates")
@Tag(name = "Business records")
public class ProductTemplatesResource extends RecordsResource<ProductTemplate> {

  public ProductTemplatesResource() {
    super(ProductTemplate.class);
  }
}
