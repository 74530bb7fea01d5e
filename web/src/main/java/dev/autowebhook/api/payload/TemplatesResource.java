package dev.autowebhook.api.payload;

import dev.autowebhook.api.Roles;
import dev.autowebhook.payload.boundary.PayloadTemplates;
import dev.autowebhook.payload.entity.PayloadTemplate;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API for payload templates (Handlebars request bodies) and their preview. */
@RequestScoped
@Path("admin/templates")
@Tag(name = "Payload templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class TemplatesResource {

  @Inject PayloadTemplates templates;
  @Context UriInfo uri;

  @GET
  @Operation(operationId = "listTemplates", summary = "List payload templates")
  public List<TemplateOut> list() {
    return templates.all().stream().map(TemplateOut::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getTemplate", summary = "Read one payload template")
  public TemplateOut get(@PathParam("id") long id) {
    return TemplateOut.of(templates.get(id));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "createTemplate",
      summary = "Create a template; it must compile and render a sample event to JSON")
  @APIResponse(responseCode = "201", description = "Created",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "TemplateOut"),
          examples = @ExampleObject(name = "created", value = CREATED)))
  @APIResponse(responseCode = "400",
      description = "Syntax error (with line and column), output not JSON, unknown model")
  @APIResponse(responseCode = "409", description = "Name already taken")
  public Response create(@RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TemplateIn"),
      examples = @ExampleObject(name = "slack", summary = "A Slack message per sale order",
          value = CREATE))) TemplateIn in) {
    PayloadTemplate t = templates.create(body(in).applyTo(new PayloadTemplate()));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(t.getId())).build())
        .entity(TemplateOut.of(t)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "updateTemplate",
      summary = "Update; accepts the object exactly as GET returned it")
  @APIResponse(responseCode = "200", description = "Updated",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "TemplateOut")))
  @APIResponse(responseCode = "400",
      description = "Syntax error (with line and column), output not JSON, unknown model")
  @APIResponse(responseCode = "409", description = "Name already taken")
  public TemplateOut update(@PathParam("id") long id, @RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "TemplateIn"))) TemplateIn in) {
    TemplateIn body = body(in);
    return TemplateOut.of(templates.update(id, body::applyTo));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "deleteTemplate", summary = "Delete a payload template")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "409", description = "A webhook config uses the template")
  public Response delete(@PathParam("id") long id) {
    templates.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("preview")
  @Operation(operationId = "previewTemplate",
      summary = "Render a saved or unsaved template against a real record")
  @APIResponse(responseCode = "200",
      description = "The rendered text and whether it is valid JSON",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "PreviewOut"),
          examples = @ExampleObject(name = "rendered", value = PREVIEWED)))
  @APIResponse(responseCode = "400", description = "Syntax error, unknown model or event")
  @APIResponse(responseCode = "404", description = "No such template or record")
  public PreviewOut preview(@RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PreviewIn"),
      examples = {
          @ExampleObject(name = "unsaved", summary = "An unsaved body against sale order 2",
              value = PREVIEW),
          @ExampleObject(name = "saved", summary = "Template 59 as a delete event",
              value = "{\"template_id\": 59, \"record_id\": 2, \"event\": \"delete\"}")}))
      PreviewIn in) {
    PreviewIn p = body(in);
    return PreviewOut.of(templates.preview(p.templateId(), p.body(), p.model(), p.recordId(),
        p.event(), p.subscriber()));
  }

  // OpenAPI examples

  static final String CREATE = """
      {"name": "slack-order", "model": "sale.order",
       "body": "{\\"text\\":\\"Order {{data.name}} ({{event}}): {{data.amount_total}} {{data.currency}}\\"}"}""";

  static final String CREATED = """
      {"id": 59, "name": "slack-order",
       "body": "{\\"text\\":\\"Order {{data.name}} ({{event}}): {{data.amount_total}} {{data.currency}}\\"}",
       "model": "sale.order", "created_at": "2026-11-28T12:23:50.425073Z",
       "updated_at": "2026-11-28T12:23:50.425073Z"}""";

  static final String PREVIEW = """
      {"body": "{\\"text\\":\\"Order {{data.name}} ({{event}}): {{data.amount_total}} {{data.currency}}\\"}",
       "model": "sale.order", "record_id": 2, "event": "update", "subscriber": "erp-orders"}""";

  static final String PREVIEWED = """
      {"output": "{\\"text\\":\\"Order SO0042 (update): 240.00 EUR\\"}", "valid_json": true,
       "json_error": null}""";

  private static <T> T body(T in) {
    if (in == null) {
      throw InvalidInputException.of(List.of(new Violation(null, "a JSON object is required")));
    }
    return in;
  }
}
