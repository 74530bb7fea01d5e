package dev.autowebhook.admin.inbox;

import dev.autowebhook.admin.AdminAction;
import dev.autowebhook.admin.Notices;
import dev.autowebhook.inbox.boundary.Inbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Clearing the inbox from the page, guarded by {@link AdminAction}: a request-scoped bean of its
 * own because the interceptor cannot sit on the view-scoped page bean (it is not serializable).
 */
@RequestScoped
public class InboxActions {

  @Inject Inbox inbox;

  @AdminAction
  public void clear() {
    inbox.clear();
    Notices.info("The inbox is empty");
  }
}
