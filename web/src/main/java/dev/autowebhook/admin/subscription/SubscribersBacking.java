package dev.autowebhook.admin.subscription;

import dev.autowebhook.admin.AdminAction;
import dev.autowebhook.admin.Notices;
import dev.autowebhook.delivery.boundary.ConnectionTests;
import dev.autowebhook.subscription.boundary.Subscribers;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The subscribers list and its actions: enable/disable, Test Connection with its diagnosis,
 * rotate the signing secret (the new one shown once), delete.
 */
@Named
@ViewScoped
public class SubscribersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Subscribers subscribers;
  @Inject ConnectionTests connectionTests;

  private transient List<Subscriber> all;
  private ConnectionTests.Outcome tested;
  private String testedName;
  private Long rotating;
  private String rotatingName;
  private Long graceSeconds;
  private String rotatedSecret;

  public List<Subscriber> getAll() {
    if (all == null) {
      all = subscribers.all();
    }
    return all;
  }

  @AdminAction
  public void enable(Subscriber s, boolean enabled) {
    Subscriber saved = subscribers.update(s.getId(), stored -> stored.setEnabled(enabled));
    all = null;
    Notices.info(saved.getName() + (enabled ? " enabled" : " disabled"));
  }

  @AdminAction
  public void test(Subscriber s) {
    tested = connectionTests.test(s.getId());
    testedName = s.getName();
  }

  /** Opens the rotation dialog for a subscriber. */
  public void askRotate(Subscriber s) {
    rotating = s.getId();
    rotatingName = s.getName();
    graceSeconds = null;
    rotatedSecret = null;
  }

  @AdminAction
  public void rotate() {
    Subscriber s = subscribers.rotateSecret(rotating, graceSeconds);
    rotatedSecret = s.getSigningSecret();
    Notices.info("Signing secret of " + s.getName() + " rotated: copy the new one now");
  }

  @AdminAction
  public void delete(Subscriber s) {
    subscribers.delete(s.getId());
    all = null;
    Notices.info("Subscriber " + s.getName() + " deleted");
  }

  public ConnectionTests.Outcome getTested() {
    return tested;
  }

  public String getTestedName() {
    return testedName;
  }

  public String getRotatingName() {
    return rotatingName;
  }

  public Long getGraceSeconds() {
    return graceSeconds;
  }

  public void setGraceSeconds(Long graceSeconds) {
    this.graceSeconds = graceSeconds;
  }

  public String getRotatedSecret() {
    return rotatedSecret;
  }
}
