package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * A batch's placement defaults (spec §2.6 {@code defaults}).
 *
 * @param migrationNetwork the workers' networks, at most one per (target, project)
 * @param forceConflictResolution keep the old placement instead of raising a conflict when an instance's
 *     placement or placeability changes before cutover, and queue instances that no longer match the include
 *     expression
 */
@JsonPropertyOrder({"placement", "migration_network", "force_conflict_resolution"})
public record BatchDefaults(
    @JsonProperty("placement") BatchPlacement placement,
    @JsonProperty("migration_network") List<MigrationNetwork> migrationNetwork,
    @JsonProperty("force_conflict_resolution") @JsonSetter(nulls = Nulls.AS_EMPTY) boolean forceConflictResolution) {

  /** No defaults chosen yet. */
  public static final BatchDefaults UNSET = new BatchDefaults(BatchPlacement.UNSET, List.of(), false);

  public BatchDefaults {
    placement = placement == null ? BatchPlacement.UNSET : placement;
    migrationNetwork = migrationNetwork == null ? List.of() : List.copyOf(migrationNetwork);
  }
}
