package dev.autowebhook.jobs.archival;

import dev.autowebhook.feed.boundary.EventArchive;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Writes a chunk of archived events to one file and deletes them from the database. */
@Named
@Dependent
public class ArchiveFileWriter extends AbstractItemWriter {

  @Inject EventArchive archive;

  @Override
  public void writeItems(List<Object> items) {
    archive.moveToFile(items.stream().map(Long.class::cast).toList());
  }
}
