package dev.autowebhook.api.security;

import dev.autowebhook.api.Roles;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Set;

/**
 * Who is logged in to the admin UI, kept in the HTTP session: the name and groups the identity
 * store granted at login (a role change takes effect at the next login).
 */
final class UiSession {

  static final String ATTRIBUTE = "autowebhook.ui.user";
  static final String LOGIN_PAGE = "/login.xhtml";

  /** The logged-in user; serializable so sessions survive a restart where the server keeps them. */
  record User(String name, Set<String> groups) implements Serializable {}

  private UiSession() {}

  static boolean mayUseUi(Set<String> groups) {
    return groups.contains(Roles.ADMIN) || groups.contains(Roles.VIEWER);
  }

  /** Remembers the user under a new session id (no session fixation). */
  static void login(HttpServletRequest request, String name, Set<String> groups) {
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    request.getSession(true).setAttribute(ATTRIBUTE, new User(name, Set.copyOf(groups)));
  }

  static User user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (User) session.getAttribute(ATTRIBUTE);
  }

  /** Sends the browser to the login form, as a JSF partial-response for an ajax request. */
  static AuthenticationStatus toLogin(HttpServletRequest request, HttpServletResponse response,
      HttpMessageContext context) {
    boolean expired = request.getRequestedSessionId() != null
        && !request.isRequestedSessionIdValid();
    String login = request.getContextPath() + LOGIN_PAGE + (expired ? "?expired=true" : "");
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      try {
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<partial-response><redirect url=\"" + login + "\"/></partial-response>");
      } catch (IOException e) {
        // the browser went away
      }
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return context.redirect(login);
  }
}
