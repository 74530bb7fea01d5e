package dev.autowebhook.admin.inbox;

import dev.autowebhook.inbox.boundary.Inbox;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * What the built-in receiver got ({@code admin/inbox.xhtml}), newest first and paged in the
 * database, with each body expandable; admins clear it through {@link Inbox}, as the REST API
 * does.
 */
@Named
@ViewScoped
public class InboxBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Inbox inbox;
  @Inject InboxActions actions;

  private final LazyDataModel<InboxRow> messages = new Messages();

  public void clear() {
    actions.clear();
  }

  public LazyDataModel<InboxRow> getMessages() {
    return messages;
  }

  /** One page of the inbox, newest first. */
  private final class Messages extends LazyDataModel<InboxRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      return (int) Math.min(Integer.MAX_VALUE, inbox.count());
    }

    @Override
    public List<InboxRow> load(int first, int pageSize, Map<String, SortMeta> sort,
        Map<String, FilterMeta> filters) {
      return inbox.latest(first, pageSize).stream().map(InboxRow::of).toList();
    }

    @Override
    public String getRowKey(InboxRow row) {
      return String.valueOf(row.id());
    }
  }
}
