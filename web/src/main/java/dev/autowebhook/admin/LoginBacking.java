package dev.autowebhook.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The login form: hands the credentials to the application's authentication mechanism
 * ({@code SecurityConfig}), which checks them against the users and opens the UI session.
 */
@Named
@RequestScoped
public class LoginBacking {

  @Inject SecurityContext security;

  private String username;

  private String password;

  private boolean expired;

  public String login() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ext = faces.getExternalContext();
    AuthenticationStatus status = security.authenticate((HttpServletRequest) ext.getRequest(),
        (HttpServletResponse) ext.getResponse(), AuthenticationParameters.withParams()
            .credential(new UsernamePasswordCredential(username.trim(), password))
            .newAuthentication(true));
    if (status == AuthenticationStatus.SUCCESS) {
      return "/admin/dashboard.xhtml?faces-redirect=true";
    }
    if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
      return null;
    }
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
        "Wrong user name or password, or no access to the admin UI", null));
    faces.validationFailed();
    return null;
  }

  /** The login page when already logged in goes straight to the dashboard. */
  public String skipWhenLoggedIn() {
    return security.getCallerPrincipal() == null ? null
        : "/admin/dashboard.xhtml?faces-redirect=true";
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

  public boolean isExpired() {
    return expired;
  }

  public void setExpired(boolean expired) {
    this.expired = expired;
  }
}
