package dev.autowebhook.api.security;

import dev.autowebhook.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Enforces {@code @RolesAllowed} on resource methods (portable: Jersey and RESTEasy do not by
 * default): 401 without credentials, 403 with the wrong role, both as problem documents. A
 * method with neither {@code @RolesAllowed} nor {@code @PermitAll} is refused (deny by default).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RolesCheck implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext ctx) {
    Method m = resource.getResourceMethod();
    if (m == null || m.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    RolesAllowed allowed = m.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    if (allowed == null && resource.getResourceClass().isAnnotationPresent(PermitAll.class)) {
      return;
    }
    String[] roles = allowed == null ? new String[0] : allowed.value(); // deny by default
    SecurityContext sc = ctx.getSecurityContext();
    if (sc == null || sc.getUserPrincipal() == null) {
      ctx.abortWith(jakarta.ws.rs.core.Response.fromResponse(
              Problem.response(401, "Unauthorized", "Authentication is required"))
          .header("WWW-Authenticate", "Basic realm=\"autowebhook\"").build());
      return;
    }
    for (String role : roles) {
      if (sc.isUserInRole(role)) {
        return;
      }
    }
    ctx.abortWith(Problem.response(403, "Forbidden",
        "This action needs one of the roles " + String.join(", ", roles)));
  }
}
