package dev.autowebhook.admin.payload;

import dev.autowebhook.payload.boundary.PayloadTemplates;
import dev.autowebhook.payload.entity.PayloadTemplate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The list of payload templates ({@code admin/templates.xhtml}); admins delete from here. */
@Named
@RequestScoped
public class TemplatesBacking {

  @Inject PayloadTemplates templates;
  @Inject TemplateActions actions;

  private List<PayloadTemplate> all;

  public List<PayloadTemplate> getAll() {
    if (all == null) {
      all = templates.all();
    }
    return all;
  }

  public String delete(PayloadTemplate t) {
    return actions.delete(t.getId(), t.getName());
  }
}
