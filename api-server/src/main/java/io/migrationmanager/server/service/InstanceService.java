package io.migrationmanager.server.service;

import io.migrationmanager.api.Instance;
import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.api.Source;
import io.migrationmanager.domain.batch.BatchStatus;
import io.migrationmanager.domain.error.ConflictException;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.InstanceRepository;
import io.migrationmanager.domain.instance.InstanceViews;
import io.migrationmanager.domain.instance.OverrideRules;
import io.migrationmanager.domain.instance.PowerState;
import io.migrationmanager.domain.instance.SourceVmActions;
import io.migrationmanager.domain.instance.SourceVmActions.QueueClaim;
import io.migrationmanager.domain.source.SourceRepository;
import io.migrationmanager.domain.source.SourceRules;
import io.migrationmanager.domain.source.SourceVmControl;
import io.migrationmanager.domain.source.VmwareEndpoint;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Reading instances, editing their overrides (spec §2.4, §2.4.3), and the actions on their source VMs: power,
 * enabling and resetting background import (spec §3.3).
 */
public class InstanceService {
  private final InstanceRepository instances;
  private final SourceRepository sources;
  private final SourceVmControl vms;
  private final Jdbi jdbi;
  private final Clock clock;

  private Consumer<UUID> overrideChanged = uuid -> {};

  public InstanceService(
      InstanceRepository instances, SourceRepository sources, SourceVmControl vms, Jdbi jdbi, Clock clock) {
    this.instances = instances;
    this.sources = sources;
    this.vms = vms;
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** All instances, in import order. */
  public List<Instance> list() {
    return instances.list().stream().map(InstanceViews::toApi).toList();
  }

  public List<InstanceRecord> records() {
    return instances.list();
  }

  public InstanceRecord record(UUID uuid) {
    return instances.find(uuid).orElseThrow(() -> new NotFoundException("Instance \"" + uuid + "\" not found"));
  }

  public Instance get(UUID uuid) {
    return InstanceViews.toApi(record(uuid));
  }

  public InstanceOverride getOverride(UUID uuid) {
    return record(uuid).overrides();
  }

  /** Replaces the override (full replace; {@code last_update} is set here). */
  public InstanceOverride putOverride(UUID uuid, InstanceOverride next) {
    if (next == null) {
      throw new ValidationException("Request body is empty: expected an instance override");
    }
    OverrideRules.validate(next);
    InstanceRecord current = record(uuid);
    checkQueueRules(current, next);
    InstanceOverride stored = next.withLastUpdate(clock.instant());
    instances.updateOverride(uuid, stored);
    overrideChanged.accept(uuid);
    return stored;
  }

  /** Tells {@code listener} of every changed override (a queued migration may be unblocked by it). */
  public void onOverrideChanged(Consumer<UUID> listener) {
    this.overrideChanged = listener;
  }

  /** Resets the override to none (same rules as a replacement). */
  public void deleteOverride(UUID uuid) {
    putOverride(uuid, InstanceOverride.EMPTY);
  }

  /**
   * Powers the source VM on or off ({@code state} {@code on} or {@code off}) and stores the new power state. The
   * original toggles the stored {@code running} whatever was asked (spec §13 quirk 19); here it is the requested
   * state.
   */
  public void power(UUID uuid, String state) {
    PowerState target = PowerState.parse(state);
    InstanceRecord instance = record(uuid);
    SourceVmActions.refuseWhileQueued(instance, queueClaim(uuid), "power " + target.wire());
    VmwareEndpoint endpoint = endpoint(instance);
    String vm = instance.properties().sourceSpecificId();
    if (target.running()) {
      vms.powerOn(endpoint, vm);
    } else {
      vms.powerOff(endpoint, vm);
    }
    InstanceRecord current = record(uuid);
    instances.updateProperties(
        current.withProperties(
            SourceVmActions.withPowerState(current.properties(), target), current.lastUpdateFromSource()));
  }

  /**
   * Turns change block tracking on for the source VM (powering it off and back on, removing its snapshots), then
   * resets background import as {@link #resetBackgroundImport} does.
   */
  public void enableBackgroundImport(UUID uuid) {
    InstanceRecord instance = record(uuid);
    SourceVmActions.refuseWhileQueued(instance, queueClaim(uuid), "enable background import for");
    vms.enableChangeTracking(endpoint(instance), instance.properties().sourceSpecificId());
    storeReset(uuid);
  }

  /**
   * Turns background import back on for an instance whose source VM has change block tracking on: the next sync
   * looks for the disks' change-tracking files again.
   */
  public void resetBackgroundImport(UUID uuid) {
    InstanceRecord instance = record(uuid);
    SourceVmActions.checkReset(instance, queueClaim(uuid));
    if (!vms.changeTrackingEnabled(endpoint(instance), instance.properties().sourceSpecificId())) {
      throw SourceVmActions.noChangeTracking(instance);
    }
    storeReset(uuid);
  }

  private void storeReset(UUID uuid) {
    InstanceRecord current = record(uuid);
    if (!current.properties().backgroundImport()) {
      instances.updateProperties(
          current.withProperties(
              SourceVmActions.resetBackgroundImport(current.properties()), current.lastUpdateFromSource()));
    }
  }

  /** How to reach the instance's source. */
  private VmwareEndpoint endpoint(InstanceRecord instance) {
    Source source =
        sources
            .find(instance.source())
            .orElseThrow(() -> new NotFoundException("Source \"" + instance.source() + "\" not found"));
    return SourceRules.endpoint(source);
  }

  /** The queue entry claiming the instance, with its batch's status and background-import relaxation. */
  private Optional<QueueClaim> queueClaim(UUID uuid) {
    return jdbi.withHandle(
        h -> h.createQuery(
                "SELECT b.name, b.status, JSON_UNQUOTE(JSON_EXTRACT(b.config, "
                    + "'$.instance_restriction_overrides.allow_no_background_import')) AS allow_no_bg "
                    + "FROM queue q JOIN instances i ON i.id = q.instance_id JOIN batches b ON b.id = q.batch_id "
                    + "WHERE i.uuid = :u")
            .bind("u", uuid.toString())
            .map(
                (rs, ctx) -> new QueueClaim(
                    rs.getString("name"),
                    BatchStatus.RUNNING.wire().equals(rs.getString("status")),
                    "true".equals(rs.getString("allow_no_bg"))))
            .findOne());
  }

  /**
   * Once an instance is queued, its override may not newly disable migration, and (unless the entry was
   * canceled) may not change the name or OS information the migration already uses.
   */
  private void checkQueueRules(InstanceRecord current, InstanceOverride next) {
    Optional<String> status =
        jdbi.withHandle(
            h -> h.createQuery(
                    "SELECT q.migration_status FROM queue q JOIN instances i ON i.id = q.instance_id WHERE i.uuid = :u")
                .bind("u", current.uuid().toString())
                .mapTo(String.class)
                .findOne());
    if (status.isEmpty()) {
      return;
    }
    String location = current.properties().location();
    if (next.disableMigration() && !current.overrides().disableMigration()) {
      throw new ConflictException("Migration has already started for instance \"" + location + "\"");
    }
    if (!"Canceled".equals(status.get()) && OverrideRules.changesIdentity(current.overrides(), next)) {
      throw new ConflictException(
          "Cannot override OS information for instance \"" + location + "\" after migration has started");
    }
  }
}
