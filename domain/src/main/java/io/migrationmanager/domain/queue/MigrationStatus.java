package io.migrationmanager.domain.queue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.migrationmanager.domain.error.ValidationException;

/**
 * The migration status of a queue entry (spec §2.8), with the original's wire strings, and the predicates that
 * the batch, window and finalisation rules ask.
 */
public enum MigrationStatus {
  /** A restriction (spec §6.5) or a placement problem keeps the instance from migrating. */
  BLOCKED("Blocked"),
  /** Queued; the target VM has not been created yet. */
  WAITING("Waiting"),
  /** The target VM is being created. */
  CREATING("Creating new VM"),
  /** The worker copies the disks while the source VM runs. */
  BACKGROUND_IMPORT("Performing background import tasks"),
  /** Waiting for a window, a top-up, an import slot or post-import tasks. */
  IDLE("Idle"),
  /** The source is off and the worker copies the last changes. */
  FINAL_IMPORT("Performing final import tasks"),
  /** The worker adapts the guest to Incus. */
  POST_IMPORT("Performing post-import tasks"),
  /** The worker is done; the target VM is about to be reconfigured and started. */
  WORKER_DONE("Worker tasks complete"),
  /** Migrated. */
  FINISHED("Finished"),
  /** Failed; see the status message. */
  ERROR("Error"),
  /** Cancelled by the user. */
  CANCELED("Canceled"),
  /** Needs the user's {@code resolve}. */
  CONFLICT("Conflict");

  /** The status message a resolved conflict gets. */
  public static final String CONFLICT_RESOLVED_MESSAGE = "Conflict resolved";

  private final String wire;

  MigrationStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /** Reads a wire value. */
  @JsonCreator
  public static MigrationStatus parse(String s) {
    for (MigrationStatus status : values()) {
      if (status.wire.equals(s)) {
        return status;
      }
    }
    throw new ValidationException("Invalid migration status \"" + s + "\"");
  }

  /** The original's {@code IsMigrating}: from VM creation until the worker is done. */
  public boolean isMigrating() {
    return switch (this) {
      case CREATING, BACKGROUND_IMPORT, IDLE, FINAL_IMPORT, POST_IMPORT, WORKER_DONE -> true;
      default -> false;
    };
  }

  /** The original's {@code StatusBeforeMigrationWindow}: no window can have been assigned yet. */
  public boolean isBeforeMigrationWindow() {
    return switch (this) {
      case BACKGROUND_IMPORT, BLOCKED, CREATING, IDLE, WAITING -> true;
      default -> false;
    };
  }

  /**
   * The original's {@code StatusBeforePlacement}: the placement may still be recomputed (a conflict only while its
   * import is not complete, since resolving it then goes back to {@code Waiting}).
   */
  public boolean isBeforePlacement(ImportStage stage) {
    return switch (this) {
      case BLOCKED, WAITING, CREATING -> true;
      case CONFLICT -> stage != ImportStage.COMPLETE;
      default -> false;
    };
  }

  /**
   * The original's {@code IsCommitted}: past the point of no return, the source VM is or is about to be powered
   * off. {@code Idle} and {@code Conflict} count only once the final import is complete.
   */
  public boolean isCommitted(ImportStage stage) {
    return switch (this) {
      case FINAL_IMPORT, POST_IMPORT, WORKER_DONE -> true;
      case IDLE, CONFLICT -> stage == ImportStage.COMPLETE;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return wire;
  }
}
