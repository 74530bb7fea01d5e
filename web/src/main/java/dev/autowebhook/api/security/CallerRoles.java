package dev.autowebhook.api.security;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;

/**
 * Answers the role questions of a REST request from the groups {@link SecurityConfig}
 * established for its caller (each group is the role of the same name), before any authorization
 * filter runs. Left to the container, {@code isUserInRole} goes through Payara's JACC provider,
 * whose protection-domain lookup is synchronized on one map for all requests: under concurrent
 * API calls, requests queued there longer than their own work lasted. Requests authenticated
 * otherwise keep the container's answers.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CallerRoles implements ContainerRequestFilter {

  private static final String ATTRIBUTE = CallerRoles.class.getName();

  @Context HttpServletRequest request;

  /** Called by the authentication mechanism once the container accepted the caller. */
  static void remember(HttpServletRequest request, Set<String> groups) {
    request.setAttribute(ATTRIBUTE, Set.copyOf(groups));
  }

  @Override
  public void filter(ContainerRequestContext ctx) {
    SecurityContext container = ctx.getSecurityContext();
    if (request.getAttribute(ATTRIBUTE) instanceof Set<?> groups && container != null
        && container.getUserPrincipal() != null) {
      ctx.setSecurityContext(new Remembered(container, groups));
    }
  }

  /** The container's security context, with roles from the remembered groups. */
  private record Remembered(SecurityContext container, Set<?> groups) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return container.getUserPrincipal();
    }

    @Override
    public boolean isUserInRole(String role) {
      return groups.contains(role);
    }

    @Override
    public boolean isSecure() {
      return container.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
      return container.getAuthenticationScheme();
    }
  }
}
