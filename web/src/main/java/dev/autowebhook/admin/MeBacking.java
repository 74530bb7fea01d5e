package dev.autowebhook.admin;

import dev.autowebhook.api.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** The logged-in user as the pages see it ({@code #{me.admin}} shows or hides edit controls). */
@Named("me")
@RequestScoped
public class MeBacking {

  @Inject SecurityContext security;

  public String getName() {
    return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
  }

  public boolean isAdmin() {
    return security.isCallerInRole(Roles.ADMIN);
  }

  public String getRole() {
    return isAdmin() ? Roles.ADMIN : Roles.VIEWER;
  }

  public String logout() throws ServletException {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) ext.getRequest()).logout();
    ext.invalidateSession();
    return "/login.xhtml?faces-redirect=true";
  }
}
