package dev.autowebhook.api.records;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.api.Params;
import dev.autowebhook.api.Roles;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.records.boundary.Records;
import dev.autowebhook.records.entity.AccountJournal;
import dev.autowebhook.records.entity.AccountMove;
import dev.autowebhook.records.entity.AccountPayment;
import dev.autowebhook.records.entity.BusinessRecord;
import dev.autowebhook.records.entity.CrmLead;
import dev.autowebhook.records.entity.HrEmployee;
import dev.autowebhook.records.entity.HrExpense;
import dev.autowebhook.records.entity.Partner;
import dev.autowebhook.records.entity.ProductCategory;
import dev.autowebhook.records.entity.ProductTemplate;
import dev.autowebhook.records.entity.PurchaseOrder;
import dev.autowebhook.records.entity.SaleOrder;
import dev.autowebhook.records.entity.StockMove;
import dev.autowebhook.records.entity.StockPicking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CRUD of the tracked business records at {@code /api/v1/<plural>} — one resource for the 13
 * collections, since they differ only in the entity. Every write goes through {@link Records},
 * so it is captured in the same transaction.
 */
@RequestScoped
@Path("{collection: sale-orders|purchase-orders|account-moves|account-payments|crm-leads"
    + "|stock-pickings|stock-moves|partners|product-templates|product-categories"
    + "|account-journals|hr-expenses|hr-employees}")
@Tag(name = "Business records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class RecordsResource {

  /** Path segment → entity. */
  static final Map<String, Class<? extends BusinessRecord>> COLLECTIONS = Map.ofEntries(
      Map.entry("sale-orders", SaleOrder.class),
      Map.entry("purchase-orders", PurchaseOrder.class),
      Map.entry("account-moves", AccountMove.class),
      Map.entry("account-payments", AccountPayment.class),
      Map.entry("crm-leads", CrmLead.class),
      Map.entry("stock-pickings", StockPicking.class),
      Map.entry("stock-moves", StockMove.class),
      Map.entry("partners", Partner.class),
      Map.entry("product-templates", ProductTemplate.class),
      Map.entry("product-categories", ProductCategory.class),
      Map.entry("account-journals", AccountJournal.class),
      Map.entry("hr-expenses", HrExpense.class),
      Map.entry("hr-employees", HrEmployee.class));

  @Inject Records records;
  @Context UriInfo uri;

  private static Class<? extends BusinessRecord> type(String collection) {
    return COLLECTIONS.get(collection);
  }

  @GET
  @Operation(operationId = "listRecords",
      summary = "List records, oldest first, paged with offset and limit (max 500)")
  public JsonObject list(@PathParam("collection") String collection,
      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    Records.Page page = records.list(type(collection), Params.intParam("offset", offset, 0),
        Params.intParam("limit", limit, 50));
    return Jsonp.PROVIDER.createObjectBuilder()
        .add("items", Jsonp.PROVIDER.createArrayBuilder(List.copyOf(page.items())))
        .add("total", page.total())
        .add("offset", page.offset())
        .add("limit", page.limit())
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getRecord", summary = "Read one record")
  @APIResponse(responseCode = "404", description = "No such record")
  public JsonObject get(@PathParam("collection") String collection, @PathParam("id") long id) {
    return json(records.get(type(collection), id));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "createRecord", summary = "Create a record (captured as a create event)")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400", description = "Invalid input")
  @APIResponse(responseCode = "409", description = "A unique value (such as the name) is taken")
  public Response create(@PathParam("collection") String collection,
      // examples are named after the collection they belong to (see RecordsOpenApiFilter)
      @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
          examples = {
              @ExampleObject(name = "sale-orders", summary = "An order with one line",
                  value = SALE_ORDER),
              @ExampleObject(name = "partners", summary = "A customer", value = PARTNER)}))
      JsonValue body) {
    JsonObject created = json(records.create(type(collection), object(body)));
    return Response.created(uri.getAbsolutePathBuilder()
        .path(String.valueOf(created.getJsonNumber("id").longValue())).build())
        .entity(created).build();
  }

  @POST
  @Path("batch")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "batchRecords", summary = "Create (no id) or update (with id) many"
      + " records in one transaction, in order: all or none")
  @APIResponse(responseCode = "200", description = "All applied")
  @APIResponse(responseCode = "404", description = "An item's id does not exist; none applied")
  @APIResponse(responseCode = "409", description = "A unique value is taken; none applied")
  public JsonObject batch(@PathParam("collection") String collection,
      @RequestBody(required = true) JsonValue body) {
    if (!(body instanceof JsonArray array)) {
      throw new InvalidInputException("body", "must be a JSON array of records");
    }
    return Jsonp.PROVIDER.createObjectBuilder()
        .add("items", Jsonp.PROVIDER.createArrayBuilder(List.copyOf(
            records.applyAll(type(collection), array))))
        .build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "updateRecord",
      summary = "Update the fields present in the body (captured as an update event)")
  @APIResponse(responseCode = "409", description = "A unique value (such as the name) is taken")
  public JsonObject update(@PathParam("collection") String collection, @PathParam("id") long id,
      @RequestBody(required = true) JsonValue body) {
    return json(records.update(type(collection), id, object(body)));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "deleteRecord", summary = "Delete a record (captured as a delete event)")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "409", description = "Still referenced by other records")
  @APIResponse(responseCode = "413", description = "The delete event (the record's last state)"
      + " would be larger than AUTOWEBHOOK_CAPTURE_MAX_PAYLOAD_BYTES; not deleted")
  public Response delete(@PathParam("collection") String collection, @PathParam("id") long id) {
    records.delete(type(collection), id);
    return Response.noContent().build();
  }

  private static JsonObject object(JsonValue body) {
    if (!(body instanceof JsonObject o)) {
      throw new InvalidInputException("body", "must be a JSON object");
    }
    return o;
  }

  static JsonObject json(Map<String, Object> map) {
    return Jsonp.PROVIDER.createObjectBuilder(map).build();
  }

  // OpenAPI examples

  static final String SALE_ORDER = """
      {"name": "SO0042", "partner_id": 1, "currency": "EUR", "client_order_ref": "PO-7781",
       "lines": [{"description": "Widget", "quantity": 2, "price_unit": 100, "tax_rate": 20}]}""";

  static final String PARTNER = """
      {"name": "Acme Corp", "is_company": true, "email": "ops@acme.test",
       "phone": "+33 1 23 45 67 89", "city": "Lyon", "country_code": "FR",
       "customer_rank": 1}""";
}
