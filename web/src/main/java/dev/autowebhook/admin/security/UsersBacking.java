package dev.autowebhook.admin.security;

import dev.autowebhook.admin.AdminAction;
import dev.autowebhook.admin.Notices;
import dev.autowebhook.security.boundary.ApiTokens;
import dev.autowebhook.security.boundary.Users;
import dev.autowebhook.security.entity.ApiToken;
import dev.autowebhook.security.entity.AppUser;
import dev.autowebhook.security.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Accounts and API tokens, through the same boundaries as {@code /api/v1/admin/users} and
 * {@code /api/v1/admin/tokens}: a new password is never shown back, a new token only once.
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Users users;
  @Inject ApiTokens tokens;

  private String username;
  private String password;
  private Role role = Role.WEBHOOK_VIEWER;

  private String tokenUser;
  private String tokenName;
  private LocalDate tokenExpires;
  /** The token just issued: shown once, then forgotten with the view. */
  private String issuedToken;

  public List<AppUser> getUsers() {
    return users.all();
  }

  public List<ApiToken> getTokens() {
    return tokens.list(null);
  }

  public List<Role> getRoles() {
    return Arrays.asList(Role.values());
  }

  @AdminAction
  public void createUser() {
    AppUser u = users.create(username, password, role);
    Notices.info("User " + u.getUsername() + " created with role " + u.getRole().roleName());
    username = null;
    password = null;
    role = Role.WEBHOOK_VIEWER;
  }

  @AdminAction
  public void issueToken() {
    ApiTokens.Issued issued = tokens.issue(tokenUser, tokenName, tokenExpires == null ? null
        : tokenExpires.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    issuedToken = issued.token();
    Notices.info("Token " + issued.apiToken().getName() + " issued for "
        + issued.apiToken().getUsername() + ": copy it now, it is not shown again");
    tokenName = null;
    tokenExpires = null;
  }

  @AdminAction
  public void revoke(long id) {
    ApiToken t = tokens.revoke(id);
    Notices.info("Token " + t.getName() + " revoked");
  }

  public String getIssuedToken() {
    return issuedToken;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public String getTokenUser() {
    return tokenUser;
  }

  public void setTokenUser(String tokenUser) {
    this.tokenUser = tokenUser;
  }

  public String getTokenName() {
    return tokenName;
  }

  public void setTokenName(String tokenName) {
    this.tokenName = tokenName;
  }

  public LocalDate getTokenExpires() {
    return tokenExpires;
  }

  public void setTokenExpires(LocalDate tokenExpires) {
    this.tokenExpires = tokenExpires;
  }
}
