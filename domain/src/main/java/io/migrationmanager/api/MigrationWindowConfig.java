package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Settings of a migration window (spec §2.7).
 *
 * @param capacity how many queue entries may be assigned to the window at once; 0 = unlimited
 */
public record MigrationWindowConfig(@JsonProperty("capacity") @JsonSetter(nulls = Nulls.AS_EMPTY) int capacity) {

  /** No settings: unlimited capacity. */
  public static final MigrationWindowConfig NONE = new MigrationWindowConfig(0);
}
