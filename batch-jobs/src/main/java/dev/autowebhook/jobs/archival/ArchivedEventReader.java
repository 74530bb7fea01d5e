package dev.autowebhook.jobs.archival;

import dev.autowebhook.feed.boundary.EventArchive;
import dev.autowebhook.jobs.IdReader;
import dev.autowebhook.operations.boundary.Jobs;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Archived events old enough to leave the database. */
@Named
@Dependent
public class ArchivedEventReader extends IdReader {

  @Inject EventArchive archive;
  @Inject @BatchProperty(name = "archive_days") String archiveDays;

  private Instant cutoff;

  @Override
  public void open(Serializable checkpoint) {
    super.open(checkpoint);
    cutoff = archive.cutoff(Jobs.number("archive_days", archiveDays));
  }

  @Override
  protected List<Long> page(long afterId, int size) {
    return archive.expired(afterId, size, cutoff);
  }
}
