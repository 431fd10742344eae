package io.migrationmanager.domain.batch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.migrationmanager.domain.error.ValidationException;

/**
 * The states of a batch (spec §2.6, §6.4); the wire value is the capitalised name. The UI's {@code Queued} was
 * removed from the original's backend and does not exist here.
 */
public enum BatchStatus {
  /** Being defined; its instance assignment follows its include expression. */
  DEFINED("Defined"),
  /** Started: its queue entries migrate. */
  RUNNING("Running"),
  /** Stopped by the user: no new target VMs and no cutovers. */
  STOPPED("Stopped"),
  /** Every queue entry has finished. */
  FINISHED("Finished"),
  /** Starting failed, or a backup restore cancelled it. */
  ERROR("Error");

  private final String wire;

  BatchStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /** Reads a wire value. */
  @JsonCreator
  public static BatchStatus parse(String s) {
    for (BatchStatus status : values()) {
      if (status.wire.equals(s)) {
        return status;
      }
    }
    throw new ValidationException("Invalid batch status \"" + s + "\"");
  }

  @Override
  public String toString() {
    return wire;
  }
}
