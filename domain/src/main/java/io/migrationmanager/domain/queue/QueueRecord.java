package io.migrationmanager.domain.queue;

import io.migrationmanager.domain.placement.Placement;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored queue entry (spec §2.8): the claim of one instance by one batch, and where its migration stands.
 *
 * @param secretToken the token an import agent of this migration authenticates with
 * @param migrationWindow the name of the assigned window, or null
 * @param lastUpdate when the status or message last changed
 */
public record QueueRecord(
    UUID instanceUuid,
    String batchName,
    MigrationStatus status,
    String statusMessage,
    ImportStage importStage,
    UUID secretToken,
    int lastWorkerStatus,
    String migrationWindow,
    Placement placement,
    Instant lastBackgroundSync,
    Instant lastUpdate) {

  public QueueRecord {
    statusMessage = statusMessage == null ? "" : statusMessage;
    importStage = importStage == null ? ImportStage.BACKGROUND : importStage;
  }

  /** This entry with a new status and message, updated {@code now}. */
  public QueueRecord withStatus(MigrationStatus s, String message, Instant now) {
    return new QueueRecord(instanceUuid, batchName, s, message, importStage, secretToken, lastWorkerStatus,
        migrationWindow, placement, lastBackgroundSync, now);
  }
}
