package dev.autowebhook.api.audit;

import dev.autowebhook.api.Params;
import dev.autowebhook.api.Roles;
import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.audit.entity.AuditRecord;
import dev.autowebhook.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of admin actions, newest first, searchable by actor, action and time. */
@RequestScoped
@Path("admin/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class AuditResource {

  /** One audit line. */
  public record AuditOut(Long id, OffsetDateTime at, String actor, String action,
      String targetType, String targetId, String detail) {
    static AuditOut of(AuditRecord a) {
      return new AuditOut(a.getId(), a.getOccurredAt(), a.getActor(), a.getAction(),
          a.getTargetType(), a.getTargetId(), a.getDetail());
    }
  }

  @Inject AuditLog audit;

  @GET
  @Operation(operationId = "searchAudit",
      summary = "Search the audit log, newest first; all filters combine")
  public List<AuditOut> search(
      @Parameter(description = "User name, or `system` for the application itself")
      @QueryParam("actor") String actor,
      @Parameter(description = "Action, e.g. `subscriber.create` or `config.update`")
      @QueryParam("action") String action,
      @Parameter(description = "Kind of target, e.g. `subscriber`, `config`, `delivery`")
      @QueryParam("target_type") String targetType,
      @QueryParam("since") String since, @QueryParam("until") String until,
      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    int o = Params.intParam("offset", offset, 0);
    int l = Params.intParam("limit", limit, 100);
    if (o < 0) {
      throw new InvalidInputException("offset", "must be 0 or more");
    }
    if (l < 1 || l > 500) {
      throw new InvalidInputException("limit", "must be between 1 and 500");
    }
    OffsetDateTime s = Params.time("since", since);
    OffsetDateTime u = Params.time("until", until);
    return audit.search(blank(actor), blank(action), blank(targetType), s, u, o, l).stream()
        .map(AuditOut::of).toList();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
