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

  /**
   * The {@code @RolesAllowed} of the method or of the method it overrides or implements (method
   * annotations are not inherited in Java, but JAX-RS contracts may live on an interface).
   */
  static RolesAllowed declared(Method m, Class<?> type) {
    if (m.isAnnotationPresent(RolesAllowed.class)) {
      return m.getAnnotation(RolesAllowed.class);
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Class<?> t : withInterfaces(c)) {
        try {
          Method o = t.getDeclaredMethod(m.getName(), m.getParameterTypes());
          if (o.isAnnotationPresent(RolesAllowed.class)) {
            return o.getAnnotation(RolesAllowed.class);
          }
        } catch (NoSuchMethodException ignored) {
          // not declared there
        }
      }
    }
    return null;
  }

  private static java.util.List<Class<?>> withInterfaces(Class<?> c) {
    java.util.List<Class<?>> all = new java.util.ArrayList<>();
    all.add(c);
    all.addAll(java.util.List.of(c.getInterfaces()));
    return all;
  }

  @Override
  public void filter(ContainerRequestContext ctx) {
    Method m = resource.getResourceMethod();
    if (m == null || m.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    RolesAllowed allowed = declared(m, resource.getResourceClass());
    for (Class<?> c = resource.getResourceClass(); allowed == null && c != null;
        c = c.getSuperclass()) {
      if (c.isAnnotationPresent(PermitAll.class)) {
        return;
      }
      allowed = c.getAnnotation(RolesAllowed.class); // not @Inherited: walk up ourselves
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
