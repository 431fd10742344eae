package io.migrationmanager.domain.queue;

import io.migrationmanager.domain.instance.InstanceRecord;

/**
 * A queue entry as the batch rules see it: the instance, where its migration stands and the window it holds.
 *
 * @param migrationWindow the name of the batch window assigned to the entry, or {@code null}
 */
public record QueuedInstance(
    InstanceRecord instance, MigrationStatus status, ImportStage importStage, String migrationWindow) {

  public QueuedInstance {
    importStage = importStage == null ? ImportStage.BACKGROUND : importStage;
  }

  /** Whether the entry is past the point of no return ({@link MigrationStatus#isCommitted}). */
  public boolean isCommitted() {
    return status.isCommitted(importStage);
  }
}
