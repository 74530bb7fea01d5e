package dev.autowebhook.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API root: business records, admin API and the built-in inbox under /api/v1. The
 * OpenAPI definition here is completed by {@code dev.autowebhook.api.openapi.ContractFilter}.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info = @Info(title = "Auto Webhook API", version = "1.0",
        description = "Transactional change capture and webhook delivery for Jakarta EE. Every"
            + " write to a tracked business record is captured in the same transaction and"
            + " delivered, signed (Standard Webhooks), to the subscribers of its model.\n\n"
            + "JSON is snake_case; enum values are lower case. Errors are RFC 9457 problem"
            + " documents (`application/problem+json`) with per-field `errors` for invalid input."
            + " Admins and viewers authenticate with HTTP Basic (role `webhook-admin` may write,"
            + " `webhook-viewer` may read); sync clients with `Authorization: Bearer <api token>`.",
        contact = @Contact(name = "Auto Webhook developers", email = "dev@autowebhook.dev"),
        license = @License(name = "Apache-2.0",
            url = "https://www.apache.org/licenses/LICENSE-2.0")),
    servers = @Server(url = "/", description = "This server"),
    tags = {
        @Tag(name = "Business records", description = "The 13 tracked record types: every"
            + " create, update and delete is captured and delivered as a webhook event."),
        @Tag(name = "Subscribers", description = "Webhook endpoints and JMS destinations, with"
            + " Test Connection and signing-secret rotation. Secrets are write-only."),
        @Tag(name = "Webhook configs", description = "One per model: which events go to which"
            + " subscribers, with field filters, a filter rule, a template and batching."),
        @Tag(name = "Payload templates", description = "Handlebars templates rendering the"
            + " request body, validated on save and previewable against a real record."),
        @Tag(name = "Events and deliveries", description = "Deliveries (one per change and"
            + " subscriber), their attempts, Retry Now, dead letters and statistics."),
        @Tag(name = "Pull feed", description = "Events in a stable order after a cursor, for"
            + " clients that pull instead of receiving webhooks; feed retention."),
        @Tag(name = "Smart Sync", description = "Per-device sync state: cursor, app type,"
            + " acknowledgements and statistics. Sync clients see only their own devices."),
        @Tag(name = "API tokens", description = "Bearer tokens for sync clients, shown once"
            + " when issued and stored only as a hash."),
        @Tag(name = "Audit", description = "Who changed what: admin actions, newest first."),
        @Tag(name = "Users", description = "Admin and viewer accounts."),
        @Tag(name = "Inbox", description = "The built-in receiver, target of the default"
            + " subscriber, and what it received.")
    },
    security = @SecurityRequirement(name = "basicAuth"))
@SecurityScheme(securitySchemeName = "basicAuth", type = SecuritySchemeType.HTTP,
    scheme = "basic", description = "Admins and viewers: user name and password.")
@SecurityScheme(securitySchemeName = "bearerAuth", type = SecuritySchemeType.HTTP,
    scheme = "bearer", description = "Sync clients: `Authorization: Bearer <api token>`.")
public class RestApplication extends Application {}
