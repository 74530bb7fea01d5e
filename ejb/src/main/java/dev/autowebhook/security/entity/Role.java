package dev.autowebhook.security.entity;

/**
 * Admins (everything), viewers (read-only admin API) and sync clients (the pull feed and their own
 * devices only; API tokens always act with this role, whatever their user's).
 */
public enum Role {
  WEBHOOK_ADMIN("webhook-admin"), WEBHOOK_VIEWER("webhook-viewer"), SYNC_CLIENT("sync-client");

  private final String roleName;

  Role(String roleName) {
    this.roleName = roleName;
  }

  /** The Jakarta Security role / group name. */
  public String roleName() {
    return roleName;
  }
}
