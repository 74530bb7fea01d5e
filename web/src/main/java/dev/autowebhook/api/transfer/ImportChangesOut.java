package dev.autowebhook.api.transfer;

import dev.autowebhook.transfer.boundary.ConfigTransfer;
import java.util.List;

/** What an import created and updated (matched by name, written again) of one kind. */
public record ImportChangesOut(int created, int updated, List<String> createdNames,
    List<String> updatedNames) {

  static ImportChangesOut of(ConfigTransfer.Changes c) {
    return new ImportChangesOut(c.created().size(), c.updated().size(), c.created(),
        c.updated());
  }
}
