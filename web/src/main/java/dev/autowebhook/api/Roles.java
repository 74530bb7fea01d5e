package dev.autowebhook.api;

/** Role names used in {@code @RolesAllowed}. */
public final class Roles {
  public static final String ADMIN = "webhook-admin";
  public static final String VIEWER = "webhook-viewer";
  public static final String SYNC = "sync-client";

  private Roles() {}
}
