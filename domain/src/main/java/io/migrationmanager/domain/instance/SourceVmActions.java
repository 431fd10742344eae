package io.migrationmanager.domain.instance;

import io.migrationmanager.domain.error.ConflictException;
import io.migrationmanager.domain.error.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the actions on an instance's source VM (spec §3.3): {@code :power}, {@code :enable-background-import}
 * and {@code :reset-background-import}, and what they change in the stored properties.
 */
public final class SourceVmActions {
  /**
   * The queue entry that claims an instance.
   *
   * @param batch the name of the entry's batch
   * @param batchRunning the batch's status is {@code Running}
   * @param allowNoBackgroundImport the batch's restriction overrides allow migrating without background import
   */
  public record QueueClaim(String batch, boolean batchRunning, boolean allowNoBackgroundImport) {}

  private SourceVmActions() {}

  /**
   * Refuses an action on the source VM of a queued instance: the migration owns the VM's power state, snapshots
   * and change tracking.
   *
   * @param action what was asked, e.g. {@code power off}
   * @throws ConflictException naming the instance's location and the batch
   */
  public static void refuseWhileQueued(InstanceRecord instance, Optional<QueueClaim> claim, String action) {
    if (claim.isPresent()) {
      throw new ConflictException(
          "Cannot " + action + " instance \"" + instance.properties().location()
              + "\" while it is queued for migration in batch \"" + claim.get().batch() + "\"");
    }
  }

  /**
   * Refuses to turn background import back on for an instance that a running batch may be migrating without it:
   * the batch allows migrating without background import, or the instance ignores restrictions.
   *
   * @throws ConflictException naming the instance's location and the batch
   */
  public static void checkReset(InstanceRecord instance, Optional<QueueClaim> claim) {
    if (claim.isEmpty() || !claim.get().batchRunning() || instance.properties().backgroundImport()) {
      return;
    }
    if (claim.get().allowNoBackgroundImport() || instance.overrides().ignoreRestrictions()) {
      throw new ConflictException(
          "Cannot reset background import of instance \"" + instance.properties().location()
              + "\": running batch \"" + claim.get().batch() + "\" may be migrating it without background import");
    }
  }

  /** The failure of a reset when the source reports change block tracking off. */
  public static ValidationException noChangeTracking(InstanceRecord instance) {
    return new ValidationException(
        "Instance \"" + instance.uuid() + "\" (\"" + instance.properties().location() + "\") on source \""
            + instance.source() + "\" does not have background import support");
  }

  /**
   * The properties after a reset: when background import was off it is on again and every disk's change-tracking
   * file is to be verified again by the next sync; otherwise unchanged.
   */
  public static InstanceProperties resetBackgroundImport(InstanceProperties p) {
    if (p.backgroundImport()) {
      return p;
    }
    List<InstanceDisk> disks = p.disks().stream().map(d -> d.withBackgroundImportVerified(false)).toList();
    return copy(p, p.running(), true, disks);
  }

  /** The properties with the power state the source VM was put in. */
  public static InstanceProperties withPowerState(InstanceProperties p, PowerState state) {
    return copy(p, state.running(), p.backgroundImport(), p.disks());
  }

  private static InstanceProperties copy(
      InstanceProperties p, boolean running, boolean backgroundImport, List<InstanceDisk> disks) {
    return new InstanceProperties(
        p.name(), p.cpus(), p.memory(), p.config(), p.architecture(), p.uuid(), p.sourceSpecificId(), p.location(),
        p.description(), p.os(), p.osVersion(), p.osTemplate(), p.secureBoot(), p.legacyBoot(), p.tpm(), running,
        backgroundImport, p.nics(), disks, p.snapshots());
  }
}
