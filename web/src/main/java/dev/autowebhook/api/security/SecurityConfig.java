package dev.autowebhook.api.security;

import dev.autowebhook.api.problem.Problem;
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

/**
 * HTTP Basic for the REST API, checked against the application's users
 * ({@code UserIdentityStore}). Requests without credentials pass through unauthenticated and the
 * resources decide (see {@link RolesCheck}); wrong credentials get 401 as a problem document,
 * never a redirect to a login page.
 */
@ApplicationScoped
@DeclareRoles({"webhook-admin", "webhook-viewer"})
public class SecurityConfig implements HttpAuthenticationMechanism {

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest request,
      HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return context.doNothing();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return unauthorized(response, "Malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return unauthorized(response, "Malformed Basic credentials");
    }
    CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(
        decoded.substring(0, colon), decoded.substring(colon + 1)));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return unauthorized(response, "Invalid user name or password");
    }
    return context.notifyContainerAboutLogin(result);
  }

  static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
    try {
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Basic realm=\"autowebhook\"");
      response.setContentType(Problem.MEDIA_TYPE);
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
          + "\"status\":401,\"detail\":\"" + detail + "\"}");
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
