package dev.autowebhook.security.entity;

/** The two admin roles; sync clients (API tokens) come with the feed. */
public enum Role {
  WEBHOOK_ADMIN("webhook-admin"), WEBHOOK_VIEWER("webhook-viewer");

  private final String roleName;

  Role(String roleName) {
    this.roleName = roleName;
  }

  /** The Jakarta Security role / group name. */
  public String roleName() {
    return roleName;
  }
}
