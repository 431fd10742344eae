package io.migrationmanager.server.service;

import io.migrationmanager.api.Instance;
import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.domain.error.ConflictException;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.InstanceRepository;
import io.migrationmanager.domain.instance.InstanceViews;
import io.migrationmanager.domain.instance.OverrideRules;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reading instances and editing their overrides (spec §2.4, §2.4.3). */
public class InstanceService {
  private final InstanceRepository instances;
  private final Jdbi jdbi;
  private final Clock clock;

  public InstanceService(InstanceRepository instances, Jdbi jdbi, Clock clock) {
    this.instances = instances;
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
    return stored;
  }

  /** Resets the override to none (same rules as a replacement). */
  public void deleteOverride(UUID uuid) {
    putOverride(uuid, InstanceOverride.EMPTY);
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
