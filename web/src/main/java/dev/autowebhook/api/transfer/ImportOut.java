package dev.autowebhook.api.transfer;

import dev.autowebhook.transfer.boundary.ConfigTransfer;

/**
 * The answer to an import: per kind, what was created and updated (on a dry run: what would be).
 * Never a secret: a created subscriber's signing secret is obtained by rotating it.
 */
public record ImportOut(boolean dryRun, ImportChangesOut subscribers, ImportChangesOut templates,
    ImportChangesOut configs) {

  static ImportOut of(ConfigTransfer.Outcome o) {
    return new ImportOut(o.dryRun(), ImportChangesOut.of(o.subscribers()),
        ImportChangesOut.of(o.templates()), ImportChangesOut.of(o.configs()));
  }
}
