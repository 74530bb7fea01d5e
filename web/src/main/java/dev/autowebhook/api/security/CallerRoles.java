package dev.autowebhook.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;

/**
 * The roles of the caller of a REST request, as {@link SecurityConfig} established them (each
 * group is the role of the same name). Asking the container instead ({@code isUserInRole}) goes
 * through Payara's JACC provider, whose per-request protection-domain lookup is synchronized on
 * one map: under concurrent API calls, requests queued there for longer than their own work.
 */
public final class CallerRoles {

  private static final String ATTRIBUTE = CallerRoles.class.getName();

  private CallerRoles() {}

  /** Called by the authentication mechanism once the container accepted the caller. */
  static void remember(HttpServletRequest request, Set<String> groups) {
    request.setAttribute(ATTRIBUTE, Set.copyOf(groups));
  }

  /** Whether the caller has the role; asks the container when no groups were remembered. */
  public static boolean has(HttpServletRequest request, SecurityContext sc, String role) {
    Object groups = request == null ? null : request.getAttribute(ATTRIBUTE);
    if (groups instanceof Set<?> remembered) {
      return remembered.contains(role);
    }
    return sc.isUserInRole(role);
  }
}
