package dev.autowebhook.api.transfer;

import dev.autowebhook.api.Roles;
import dev.autowebhook.api.Params;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.transfer.boundary.ConfigTransfer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Export and import of the configuration as one JSON document. Admins only: the document shows
 * every endpoint, even without its secrets.
 */
@RequestScoped
@Path("admin")
@Tag(name = "Configuration transfer", description = "Subscribers, templates and webhook configs"
    + " as one document keyed by name (without secrets), imported all or nothing.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ConfigTransferResource {

  @Inject ConfigTransfer transfer;

  @GET
  @Path("config-export")
  @Operation(operationId = "exportConfig",
      summary = "Export subscribers, templates and configs as one document, without secrets",
      description = "Configs name their subscribers and template, so the document can be"
          + " imported into another installation. `required_secrets` lists per subscriber the"
          + " write-only values an import must give where the subscriber does not exist yet.")
  @APIResponse(responseCode = "200", description = "The document",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "ConfigDocument"),
          examples = @ExampleObject(name = "document", value = DOCUMENT)))
  public ConfigDocument export() {
    return ConfigDocument.of(transfer.export());
  }

  @POST
  @Path("config-import")
  @Operation(operationId = "importConfig",
      summary = "Import a document: create or update by name, all or nothing",
      description = "Every item is checked first (fields, unique names, references, filter"
          + " rules, templates, models); any error refuses the whole document with every error"
          + " listed (e.g. `subscribers[2].endpoint_url`). Nothing is deleted. New subscribers"
          + " get a fresh signing secret, never shown here: rotate it to read it. Secrets an"
          + " export leaves out must be given for subscribers that do not exist yet.")
  @APIResponse(responseCode = "200", description = "Imported (or, on a dry run, checked)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "ImportOut"),
          examples = @ExampleObject(name = "imported", value = IMPORTED)))
  @APIResponse(responseCode = "400", description = "Invalid items, all of them listed; nothing"
      + " was changed")
  public ImportOut importConfig(
      @Parameter(description = "`true`: only check, and report what would be created or"
          + " updated", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
      @QueryParam("dry_run") String dryRun,
      @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "ConfigDocument"),
          examples = @ExampleObject(name = "document", value = IMPORT))) ConfigDocument in) {
    if (in == null) {
      throw new InvalidInputException("body", "a JSON object is required");
    }
    return ImportOut.of(transfer.apply(in.plan(),
        Boolean.TRUE.equals(Params.boolParam("dry_run", dryRun))));
  }

  // OpenAPI examples

  static final String DOCUMENT = """
      {"format": "autowebhook-config", "version": 1,
       "exported_at": "2026-11-28T12:40:00.125Z",
       "required_secrets": {"erp-orders": ["auth_token", "custom_headers.X-Tenant"]},
       "subscribers": [{"name": "erp-orders", "kind": "http",
         "endpoint_url": "https://erp.example.com/hooks/autowebhook", "jms_destination": null,
         "auth_type": "bearer", "auth_token": null, "api_key": null,
         "api_key_header": "X-API-Key", "basic_username": null, "basic_password": null,
         "custom_headers": {"X-Tenant": "****"}, "timeout_seconds": 10, "verify_tls": true,
         "enabled": true, "rate_limit": 50, "rate_limit_window_seconds": 60, "max_retries": 5,
         "max_concurrency": 8}],
       "templates": [{"name": "slack-order", "model": "sale.order",
         "body": "{\\"text\\":\\"Order {{data.name}} ({{event}})\\"}"}],
       "configs": [{"model": "sale.order", "enabled": true,
         "events": ["create", "update", "delete"], "priority": "high", "category": "sales",
         "include_fields": [], "exclude_fields": ["note"],
         "filter": "state == 'sale' && amount_total > 1000", "subscribers": ["erp-orders"],
         "template": "slack-order", "batch_enabled": false, "batch_size": 100,
         "batch_timeout_seconds": 5}]}""";

  static final String IMPORT = """
      {"format": "autowebhook-config", "version": 1,
       "subscribers": [{"name": "erp-orders", "kind": "http",
         "endpoint_url": "https://erp.example.com/hooks/autowebhook", "auth_type": "bearer",
         "auth_token": "s3cr3t-token", "custom_headers": {"X-Tenant": "acme"}}],
       "templates": [{"name": "slack-order", "model": "sale.order",
         "body": "{\\"text\\":\\"Order {{data.name}} ({{event}})\\"}"}],
       "configs": [{"model": "sale.order", "subscribers": ["erp-orders"],
         "template": "slack-order", "filter": null}]}""";

  static final String IMPORTED = """
      {"dry_run": false,
       "subscribers": {"created": 1, "updated": 0, "created_names": ["erp-orders"],
         "updated_names": []},
       "templates": {"created": 0, "updated": 1, "created_names": [],
         "updated_names": ["slack-order"]},
       "configs": {"created": 0, "updated": 1, "created_names": [],
         "updated_names": ["sale.order"]}}""";
}
