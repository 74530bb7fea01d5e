package dev.autowebhook.api.security;

import dev.autowebhook.api.Roles;
import dev.autowebhook.api.problem.Problem;
import dev.autowebhook.security.boundary.ApiTokens;
import dev.autowebhook.security.entity.ApiToken;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The one authentication mechanism of the application. For the REST API: HTTP Basic, checked
 * against the application's users ({@code UserIdentityStore}), and {@code Authorization: Bearer
 * <api token>} for sync clients ({@link ApiTokens}). Requests without credentials pass through
 * unauthenticated and the resources decide (see {@link RolesCheck}); wrong credentials get 401 as
 * a problem document, never a redirect to a login page.
 *
 * <p>For the admin UI: a login form calls {@code SecurityContext.authenticate} with the user name
 * and password; a valid admin or viewer gets a fresh session id and is remembered in the HTTP
 * session until logout or the session timeout. The session is honoured only outside
 * {@code /api/}, so a browser's cookie never authenticates a REST call (no CSRF on the API). An
 * anonymous request for a page under {@code /admin/} is sent to the login form (a JSF ajax request
 * gets a partial-response redirect, since a 302 would be swallowed by the XHR).
 *
 * <p>A token logs in as the user it is bound to with {@code sync-client} as its only group,
 * whatever the user's own role: a token never grants admin or viewer rights. Successful token
 * lookups are cached for 30 s, so a token revoked on another node may work that long.
 */
@ApplicationScoped
@DeclareRoles({"webhook-admin", "webhook-viewer", "sync-client"})
public class SecurityConfig implements HttpAuthenticationMechanism {

  static final String BASIC_CHALLENGE = "Basic realm=\"autowebhook\"";
  static final String BEARER_CHALLENGE = "Bearer realm=\"autowebhook\", error=\"invalid_token\"";

  @Inject IdentityStoreHandler identityStores;
  @Inject ApiTokens tokens;

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest request,
      HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return bearer(header.substring(7).trim(), request, response, context);
    }
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return form(request, response, context);
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return unauthorized(response, BASIC_CHALLENGE, "Malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return unauthorized(response, BASIC_CHALLENGE, "Malformed Basic credentials");
    }
    CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(
        decoded.substring(0, colon), decoded.substring(colon + 1)));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return unauthorized(response, BASIC_CHALLENGE, "Invalid user name or password");
    }
    return loggedIn(request, context.notifyContainerAboutLogin(result), result.getCallerGroups());
  }

  /** Remembers the groups of an accepted caller for {@link CallerRoles}. */
  private static AuthenticationStatus loggedIn(HttpServletRequest request,
      AuthenticationStatus status, Set<String> groups) {
    if (status == AuthenticationStatus.SUCCESS) {
      CallerRoles.remember(request, groups);
    }
    return status;
  }

  /** The admin UI's form login and session; see the class comment. */
  private AuthenticationStatus form(HttpServletRequest request, HttpServletResponse response,
      HttpMessageContext context) {
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential c) {
      CredentialValidationResult result = identityStores.validate(c);
      if (result.getStatus() != CredentialValidationResult.Status.VALID
          || !UiSession.mayUseUi(result.getCallerGroups())) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      UiSession.login(request, result.getCallerPrincipal().getName(), result.getCallerGroups());
      return context.notifyContainerAboutLogin(result);
    }
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return context.doNothing();
    }
    UiSession.User user = UiSession.user(request);
    if (user != null) {
      return context.notifyContainerAboutLogin(user.name(), user.groups());
    }
    if (context.isProtected()) {
      return UiSession.toLogin(request, response, context);
    }
    return context.doNothing();
  }

  /** The token itself is never logged nor echoed. */
  private AuthenticationStatus bearer(String token, HttpServletRequest request,
      HttpServletResponse response, HttpMessageContext context) {
    Optional<ApiToken> valid = tokens.authenticate(token);
    if (valid.isEmpty()) {
      return unauthorized(response, BEARER_CHALLENGE,
          "Unknown, expired or revoked API token");
    }
    return loggedIn(request,
        context.notifyContainerAboutLogin(valid.get().getUsername(), Set.of(Roles.SYNC)),
        Set.of(Roles.SYNC));
  }

  static AuthenticationStatus unauthorized(HttpServletResponse response, String challenge,
      String detail) {
    try {
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", challenge);
      response.setContentType(Problem.MEDIA_TYPE);
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
          + "\"status\":401,\"detail\":\"" + detail + "\"}");
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
