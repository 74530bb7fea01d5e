package dev.autowebhook.capture.control;

import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.capture.entity.EntityChanged;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of the current transaction, coalesced per record: many updates become one update
 * from the first old state to the last new one; create then update is a create of the final
 * state; create then delete leaves nothing (the record never existed outside the transaction);
 * update then delete is a delete of the state the transaction started from.
 *
 * <p>One instance per transaction, kept as a resource of the transaction synchronization
 * registry: a {@code @TransactionScoped} bean did the same through a CDI proxy that looked the
 * registry up in JNDI on every call, and those lookups queued on a lock shared by all requests.
 */
public final class PendingChanges {

  private static final Object KEY = PendingChanges.class;

  private final Map<String, EntityChanged> changes = new LinkedHashMap<>();
  private int depth;

  /** The changes of the transaction of the calling thread (created on first use). */
  public static PendingChanges of(TransactionSynchronizationRegistry tx) {
    PendingChanges p = (PendingChanges) tx.getResource(KEY);
    if (p == null) {
      p = new PendingChanges();
      tx.putResource(KEY, p);
    }
    return p;
  }

  void add(EntityChanged c) {
    EntityChanged prev = changes.get(c.key());
    if (prev == null) {
      changes.put(c.key(), c);
      return;
    }
    EntityChanged merged = coalesce(prev, c);
    if (merged == null) {
      changes.remove(c.key());
    } else {
      changes.put(c.key(), merged);
    }
  }

  static EntityChanged coalesce(EntityChanged first, EntityChanged next) {
    ChangeKind kind;
    if (first.kind() == ChangeKind.CREATE) {
      if (next.kind() == ChangeKind.DELETE) {
        return null;
      }
      kind = ChangeKind.CREATE;
    } else if (next.kind() == ChangeKind.DELETE) {
      kind = ChangeKind.DELETE;
    } else if (first.kind() == ChangeKind.DELETE) {
      kind = ChangeKind.UPDATE; // deleted then re-created with the same id: net effect an update
    } else {
      kind = ChangeKind.UPDATE;
    }
    return new EntityChanged(first.model(), first.recordId(), kind,
        kind == ChangeKind.CREATE ? null : first.before(),
        kind == ChangeKind.DELETE ? null : next.after());
  }

  /** Enters a captured boundary method; true when it is the outermost of the transaction. */
  public boolean enter() {
    return depth++ == 0;
  }

  public void exit() {
    depth--;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Removes and returns the coalesced changes, in the order records were first touched. */
  public List<EntityChanged> drain() {
    List<EntityChanged> out = new ArrayList<>(changes.values());
    changes.clear();
    return out;
  }
}
