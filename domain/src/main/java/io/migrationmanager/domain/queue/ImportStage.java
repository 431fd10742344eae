package io.migrationmanager.domain.queue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.migrationmanager.domain.error.ValidationException;

/** How far a queue entry's disk import got (spec §2.8); the wire value is the lower-case name. */
public enum ImportStage {
  /** Background imports (with top-ups) while the source runs. */
  BACKGROUND("background"),
  /** The next import is the final one. */
  FINAL("final"),
  /** All disks are imported. */
  COMPLETE("complete");

  private final String wire;

  ImportStage(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /** Reads a wire value. */
  @JsonCreator
  public static ImportStage parse(String s) {
    for (ImportStage stage : values()) {
      if (stage.wire.equals(s)) {
        return stage;
      }
    }
    throw new ValidationException("\"" + s + "\" is not a valid migration import stage");
  }

  @Override
  public String toString() {
    return wire;
  }
}
