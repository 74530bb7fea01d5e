package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.ProductCategory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ProductCategory records at /api/v1/product-categories. */
@RequestScoped
@Path("product-categories")
@Tag(name = "Business records")
public class ProductCategoriesResource extends RecordsResource<ProductCategory> {

  public ProductCategoriesResource() {
    super(ProductCategory.class);
  }
}
