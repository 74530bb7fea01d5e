package dev.autowebhook.api.payload;

import dev.autowebhook.payload.entity.PayloadTemplate;

/**
 * A payload template as clients write it; accepts exactly what {@link TemplateOut} returns
 * (read-only fields such as id are ignored). Absent fields keep their stored value on update; an
 * empty {@code model} clears it.
 */
public record TemplateIn(String name, String body, String model) {

  public PayloadTemplate applyTo(PayloadTemplate t) {
    if (name != null) {
      t.setName(name.trim());
    }
    if (body != null) {
      t.setBody(body);
    }
    if (model != null) {
      t.setModel(model.isBlank() ? null : model.trim());
    }
    return t;
  }
}
