package dev.autowebhook.admin.payload;

import dev.autowebhook.admin.Notices;
import dev.autowebhook.api.payload.TemplateIn;
import dev.autowebhook.payload.boundary.PayloadTemplates;
import dev.autowebhook.payload.entity.PayloadTemplate;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.records.boundary.Models;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The template editor ({@code admin/template.xhtml?id=N}, or a new template without id): saves
 * through {@link PayloadTemplates} exactly as the REST API does (same mapping, same validation,
 * errors next to the fields) and keeps a live {@link TemplatePreview} of the unsaved body.
 */
@Named
@ViewScoped
public class TemplateBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PayloadTemplates templates;
  @Inject Models models;
  @Inject TemplateActions actions;

  private Long id;
  private String name;
  private String model;
  private String body;
  private long version;
  private final TemplatePreview preview = new TemplatePreview();

  /** Loads the template named by the {@code id} parameter (none: a new one) and previews it. */
  public void load() {
    PayloadTemplate t = id == null ? null : find(id);
    if (t != null) {
      name = t.getName();
      model = t.getModel();
      body = t.getBody();
      version = t.getVersion();
    }
    preview.pick(templates, model != null ? model : "sale.order");
    preview.render(templates, body);
  }

  private PayloadTemplate find(long id) {
    try {
      return templates.get(id);
    } catch (NotFoundException e) {
      Notices.warn("No such template", e.getMessage() + "; this is a new one");
      this.id = null;
      return null;
    }
  }

  /** The template's model changed: preview a record of that model. */
  public void modelChanged() {
    if (model != null) {
      preview.pick(templates, model);
    }
    preview.render(templates, body);
  }

  public void previewModelChanged() {
    preview.pick(templates, preview.getModel());
    preview.render(templates, body);
  }

  public void refreshPreview() {
    preview.render(templates, body);
  }

  public String save() {
    // empty inputs arrive as null, which TemplateIn reads as "keep": send them as cleared
    return actions.save(id, new TemplateIn(orEmpty(name), orEmpty(body), orEmpty(model)));
  }

  public String delete() {
    return actions.delete(id, name);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  public List<String> getModels() {
    return models.keys();
  }

  public TemplatePreview getPreview() {
    return preview;
  }

  public boolean isUnsaved() {
    return id == null;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public long getVersion() {
    return version;
  }
}
