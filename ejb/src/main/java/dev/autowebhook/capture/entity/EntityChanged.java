package dev.autowebhook.capture.entity;

import java.util.Map;

/**
 * The captured fact: record {@code recordId} of {@code model} was created, updated or deleted.
 * {@code before} is the state the transaction started from (null for a create), {@code after} the
 * state it leaves (null for a delete). Both are JSON-ready snapshots.
 */
public record EntityChanged(
    String model, String recordId, ChangeKind kind, Map<String, Object> before,
    Map<String, Object> after) {

  public String key() {
    return model + "#" + recordId;
  }

  /** The last known state of the record: after for create/update, before for delete. */
  public Map<String, Object> data() {
    return after != null ? after : before;
  }
}
