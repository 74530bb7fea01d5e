package dev.autowebhook.admin.payload;

import dev.autowebhook.admin.AdminAction;
import dev.autowebhook.admin.Notices;
import dev.autowebhook.api.payload.TemplateIn;
import dev.autowebhook.payload.boundary.PayloadTemplates;
import dev.autowebhook.payload.entity.PayloadTemplate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

/**
 * The template edits of the pages, guarded by {@link AdminAction}. A request-scoped bean of its
 * own because the interceptor cannot sit on the view-scoped editor (it is not serializable).
 */
@RequestScoped
public class TemplateActions {

  @Inject PayloadTemplates templates;

  /** Creates ({@code id} null) or updates a template, then opens it again. */
  @AdminAction
  public String save(Long id, TemplateIn in) {
    PayloadTemplate t = id == null ? templates.create(in.applyTo(new PayloadTemplate()))
        : templates.update(id, in::applyTo);
    return done("Template '" + t.getName() + "' saved (version " + t.getVersion() + ")",
        "/admin/template.xhtml?faces-redirect=true&id=" + t.getId());
  }

  @AdminAction
  public String delete(long id, String name) {
    templates.delete(id);
    return done("Template '" + name + "' deleted", "/admin/templates.xhtml?faces-redirect=true");
  }

  private static String done(String notice, String outcome) {
    Notices.info(notice);
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return outcome;
  }
}
