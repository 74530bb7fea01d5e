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
  public List<TemplateOut> list() {
    return templates.all().stream().map(TemplateOut::of).toList();
  }

  @GET
  @Path("{id}")
  public TemplateOut get(@PathParam("id") long id) {
    return TemplateOut.of(templates.get(id));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create a template; it must compile and render a sample event to JSON")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400",
      description = "Syntax error (with line and column), output not JSON, unknown model")
  @APIResponse(responseCode = "409", description = "Name already taken")
  public Response create(TemplateIn in) {
    PayloadTemplate t = templates.create(body(in).applyTo(new PayloadTemplate()));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(t.getId())).build())
        .entity(TemplateOut.of(t)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Update; accepts the object exactly as GET returned it")
  public TemplateOut update(@PathParam("id") long id, TemplateIn in) {
    TemplateIn body = body(in);
    return TemplateOut.of(templates.update(id, body::applyTo));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "409", description = "A webhook config uses the template")
  public Response delete(@PathParam("id") long id) {
    templates.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("preview")
  @Operation(summary = "Render a saved or unsaved template against a real record")
  @APIResponse(responseCode = "200",
      description = "The rendered text and whether it is valid JSON")
  @APIResponse(responseCode = "400", description = "Syntax error, unknown model or event")
  @APIResponse(responseCode = "404", description = "No such template or record")
  public PreviewOut preview(PreviewIn in) {
    PreviewIn p = body(in);
    return PreviewOut.of(templates.preview(p.templateId(), p.body(), p.model(), p.recordId(),
        p.event(), p.subscriber()));
  }

  private static <T> T body(T in) {
    if (in == null) {
      throw InvalidInputException.of(List.of(new Violation(null, "a JSON object is required")));
    }
    return in;
  }
}
