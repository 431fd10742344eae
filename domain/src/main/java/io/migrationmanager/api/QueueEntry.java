package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migrationmanager.domain.placement.Placement;
import java.time.Instant;
import java.util.UUID;

/**
 * An instance's migration as the API shows it (spec §2.8): one per instance system-wide, owned by the batch
 * that claimed the instance.
 *
 * @param instanceName the instance's name (after its override), e.g. {@code CentOS9UEFI}
 * @param migrationWindow the assigned window or, before assignment, the window it would get next; the empty
 *     window when none
 * @param lastUpdate when the entry's status or message last changed (the original shows the last worker
 *     contact under the key {@code LastWorkerResponse}; we show this instead)
 */
@JsonPropertyOrder({
  "instance_uuid", "instance_name", "migration_status", "migration_status_message", "batch_name", "last_update",
  "migration_window", "placement"
})
public record QueueEntry(
    @JsonProperty("instance_uuid") UUID instanceUuid,
    @JsonProperty("instance_name") String instanceName,
    @JsonProperty("migration_status") String migrationStatus,
    @JsonProperty("migration_status_message") String migrationStatusMessage,
    @JsonProperty("batch_name") String batchName,
    @JsonProperty("last_update") @GoTime.Wire Instant lastUpdate,
    @JsonProperty("migration_window") MigrationWindow migrationWindow,
    @JsonProperty("placement") Placement placement) {}
