package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migrationmanager.domain.placement.Placement;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /1.0/batches/<name>/:plan}: what starting the batch now would do with each matched instance,
 * computed without changing anything.
 *
 * @param startable whether {@code batch start} would succeed now
 * @param problem why it would not (the start's error message), empty when it would
 */
@JsonPropertyOrder({"batch", "startable", "problem", "instances"})
public record BatchPlan(
    @JsonProperty("batch") String batch,
    @JsonProperty("startable") boolean startable,
    @JsonProperty("problem") String problem,
    @JsonProperty("instances") List<Item> instances) {

  /** What happens to one matched instance. */
  public static final String CLAIMED = "claimed";

  public static final String BLOCKED = "blocked";
  public static final String CONFLICT = "conflict";
  public static final String READY = "ready";
  public static final String CANNOT_PLACE = "cannot place";

  /**
   * One matched instance.
   *
   * @param outcome {@code ready} (it would be queued and migrate), {@code blocked} (queued as Blocked),
   *     {@code cannot place} (queued, then Blocked by placement validation), {@code conflict} (queued as
   *     Conflict), or {@code claimed} (another batch already owns it)
   * @param status the queue status starting would give it (empty when claimed by another batch)
   * @param reason why it is blocked, in conflict or cannot be placed; or which batch claimed it
   * @param claimedBy the batch that already queued the instance
   * @param placement where it would go
   * @param constraint the constraint that applies to it (the last matching one), empty when none
   * @param migrationWindow the window it would migrate in (empty window: right after its background import)
   * @param windowNote why no window, or a note on the choice
   */
  @JsonPropertyOrder({
    "instance_uuid", "location", "name", "outcome", "status", "reason", "claimed_by", "placement", "constraint",
    "migration_window", "window_note"
  })
  public record Item(
      @JsonProperty("instance_uuid") UUID instanceUuid,
      @JsonProperty("location") String location,
      @JsonProperty("name") String name,
      @JsonProperty("outcome") String outcome,
      @JsonProperty("status") String status,
      @JsonProperty("reason") String reason,
      @JsonProperty("claimed_by") @JsonInclude(JsonInclude.Include.NON_EMPTY) String claimedBy,
      @JsonProperty("placement") @JsonInclude(JsonInclude.Include.NON_NULL) Placement placement,
      @JsonProperty("constraint") String constraint,
      @JsonProperty("migration_window") @JsonInclude(JsonInclude.Include.NON_NULL) MigrationWindow migrationWindow,
      @JsonProperty("window_note") String windowNote) {}
}
