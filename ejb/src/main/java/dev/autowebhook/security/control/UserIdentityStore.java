package dev.autowebhook.security.control;

import dev.autowebhook.security.boundary.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Jakarta Security identity store over the application's own user table: a valid user gets its
 * role as its only group (mapped 1:1 to the role of the same name).
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

  @Inject Users users;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential c)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return users.authenticate(c.getCaller(), c.getPasswordAsString())
        .map(u -> new CredentialValidationResult(u.getUsername(), Set.of(u.getRole().roleName())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
