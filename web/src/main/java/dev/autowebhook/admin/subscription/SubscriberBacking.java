package dev.autowebhook.admin.subscription;

import dev.autowebhook.admin.AdminAction;
import dev.autowebhook.admin.Notices;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.subscription.boundary.Subscribers;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;

/**
 * Create or edit one subscriber ({@code subscriber.xhtml?id=N}). A new subscriber's signing
 * secret is shown once, right after saving, and then never again.
 */
@Named
@ViewScoped
public class SubscriberBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Subscribers subscribers;

  private Long id;
  private SubscriberForm form = new SubscriberForm();
  private boolean missing;
  /** Shown once after creating; never read back from the store. */
  private String newSecret;

  /** View action: loads the subscriber named by the id parameter. */
  public void load() {
    if (id == null) {
      return;
    }
    try {
      Subscriber s = subscribers.get(id);
      form = SubscriberForm.of(s, stored(s));
    } catch (NotFoundException e) {
      missing = true;
      Notices.error("Not found", "No subscriber " + id);
    }
  }

  static Map<String, String> stored(Subscriber s) {
    try {
      return Subscribers.customHeaders(s.getCustomHeaders());
    } catch (InvalidInputException e) {
      return Map.of();
    }
  }

  @AdminAction
  public void save() {
    if (id == null) {
      Subscriber s = subscribers.create(form.toIn().applyTo(new Subscriber()));
      newSecret = s.getSigningSecret();
      id = s.getId();
      form = SubscriberForm.of(s, stored(s));
      Notices.info("Subscriber " + s.getName() + " created");
    } else {
      Subscriber s = subscribers.update(id, stored -> form.toIn().applyTo(stored));
      form = SubscriberForm.of(s, stored(s));
      Notices.info("Subscriber " + s.getName() + " saved");
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public SubscriberForm getForm() {
    return form;
  }

  public boolean isMissing() {
    return missing;
  }

  public String getNewSecret() {
    return newSecret;
  }
}
