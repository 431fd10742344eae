package io.migrationmanager.activities.sync;

import io.migrationmanager.activities.mysql.MysqlSourceRepository;
import io.migrationmanager.activities.mysql.MysqlSyncStore;
import io.migrationmanager.api.Source;
import io.migrationmanager.api.WarningScope;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.RestrictionOverrides;
import io.migrationmanager.domain.instance.Restrictions;
import io.migrationmanager.domain.source.ConnectivityStatus;
import io.migrationmanager.domain.source.InventoryMerge;
import io.migrationmanager.domain.source.InventoryReader;
import io.migrationmanager.domain.source.SourceInventory;
import io.migrationmanager.domain.source.SourceRules;
import io.migrationmanager.domain.source.SyncWarning;
import io.migrationmanager.domain.warning.WarningMerge;
import io.migrationmanager.domain.warning.WarningType;
import io.migrationmanager.workflows.sync.SyncOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One inventory sync of one source (spec §6.2): read the source, verify change tracking, merge into MySQL,
 * and replace the source's sync warnings. Idempotent: running it twice with an unchanged source changes
 * nothing but the warnings' counters.
 */
public class InventorySync {
  private final MysqlSourceRepository sources;
  private final MysqlSyncStore store;
  private final InventoryReader reader;
  private final Clock clock;

  public InventorySync(MysqlSourceRepository sources, MysqlSyncStore store, InventoryReader reader, Clock clock) {
    this.sources = sources;
    this.store = store;
    this.reader = reader;
    this.clock = clock;
  }

  /** Syncs {@code sourceName}; {@code progress} is told of each phase (activities heartbeat with it). */
  public SyncOutcome sync(String sourceName, Progress progress) {
    Source source =
        sources.find(sourceName).orElseThrow(() -> new NotFoundException("Source \"" + sourceName + "\" not found"));
    ConnectivityStatus status = source.properties().connectivityStatus();
    if (status != ConnectivityStatus.OK) {
      throw new ValidationException(
          "Cannot sync source \"" + sourceName + "\" with connectivity status \"" + status.text() + "\"");
    }
    sources.setSyncStarted(sourceName, clock.instant());
    try {
      return syncOnce(source, progress);
    } finally {
      sources.setSyncStarted(sourceName, null);
    }
  }

  private SyncOutcome syncOnce(Source source, Progress progress) {
    Set<UUID> frozen =
        store.queuedInActiveBatches(source.name()).stream()
            .filter(i -> Restrictions.reason(i, RestrictionOverrides.NONE).isEmpty())
            .map(InstanceRecord::uuid)
            .collect(Collectors.toSet());
    InventoryMerge.Stored stored = store.load(source.name(), frozen);
    SourceInventory inventory;
    try (InventoryReader.Session session = reader.open(SourceRules.endpoint(source))) {
      progress.report("reading inventory");
      SourceInventory read = session.read();
      progress.report("verifying change tracking");
      inventory = withVerifiedTracking(session, read, stored);
    }
    Instant now = clock.instant();
    progress.report("merging");
    InventoryMerge.Plan plan =
        InventoryMerge.plan(source.name(), source.sourceType(), inventory, stored, now, UUID::randomUUID);

    List<SyncWarning> warnings = new ArrayList<>(inventory.warnings());
    warnings.addAll(plan.warnings());
    warnings.addAll(instanceWarnings(stored, plan));
    WarningScope scope = WarningScope.syncOfSource(source.name());
    WarningMerge.Result merged = WarningMerge.merge(store.warnings(scope), scope, warnings, now, UUID::randomUUID);
    store.apply(source.name(), plan, merged);
    return new SyncOutcome(
        true,
        "",
        plan.createInstances().size(),
        plan.updateInstances().size(),
        plan.deleteInstances().size(),
        inventory.networks().size(),
        warnings.size());
  }

  /**
   * Looks up the change-tracking files of the change-tracked instances whose disks are not verified yet
   * (new ones, or disks the stored record has not verified); verified disks keep their state through the merge.
   */
  private static SourceInventory withVerifiedTracking(
      InventoryReader.Session session, SourceInventory inventory, InventoryMerge.Stored stored) {
    Map<UUID, InstanceRecord> known = new HashMap<>();
    stored.instances().forEach(i -> known.put(i.uuid(), i));
    List<InstanceProperties> needing =
        inventory.instances().stream()
            .filter(i -> i.backgroundImport() && !i.supportsBackgroundImport() && !alreadyVerified(i, known.get(i.uuid())))
            .toList();
    if (needing.isEmpty()) {
      return inventory;
    }
    Map<UUID, InstanceProperties> verified = new HashMap<>();
    session.verifyBackgroundImport(needing).forEach(i -> verified.put(i.uuid(), i));
    List<InstanceProperties> instances =
        inventory.instances().stream().map(i -> verified.getOrDefault(i.uuid(), i)).toList();
    return new SourceInventory(instances, inventory.networks(), inventory.warnings());
  }

  /** Whether the stored record already verified every supported disk the source reports now. */
  private static boolean alreadyVerified(InstanceProperties reported, InstanceRecord stored) {
    if (stored == null || !stored.properties().backgroundImport()) {
      return false;
    }
    Set<String> verifiedDisks =
        stored.properties().disks().stream()
            .filter(InstanceDisk::backgroundImportVerified)
            .map(InstanceDisk::name)
            .collect(Collectors.toSet());
    return reported.disks().stream().filter(InstanceDisk::supported).allMatch(d -> verifiedDisks.contains(d.name()));
  }

  /**
   * "Instances partially imported" and "Instance migration is restricted" for every instance the source now
   * has (the original raises the former only for instances that existed before this sync; we raise it for new
   * ones too).
   */
  private static List<SyncWarning> instanceWarnings(InventoryMerge.Stored stored, InventoryMerge.Plan plan) {
    Map<UUID, InstanceRecord> current = new LinkedHashMap<>();
    stored.instances().forEach(i -> current.put(i.uuid(), i));
    plan.deleteInstances().forEach(current::remove);
    plan.createInstances().forEach(i -> current.put(i.uuid(), i));
    plan.updateInstances().forEach(i -> current.put(i.uuid(), i));
    List<SyncWarning> out = new ArrayList<>();
    for (InstanceRecord i : current.values()) {
      if (InventoryMerge.incomplete(i.properties())) {
        out.add(
            new SyncWarning(
                WarningType.INSTANCES_PARTIALLY_IMPORTED,
                "\"" + i.properties().location()
                    + "\" has incomplete properties. Ensure VM is powered on and guest agent is running"));
      }
    }
    for (InstanceRecord i : current.values()) {
      Restrictions.reason(i, RestrictionOverrides.NONE)
          .ifPresent(
              r -> out.add(
                  new SyncWarning(
                      WarningType.INSTANCE_MIGRATION_RESTRICTED, "\"" + i.properties().location() + "\": " + r)));
    }
    return out;
  }

  /** Told of each phase of a sync. */
  @FunctionalInterface
  public interface Progress {
    void report(String phase);
  }
}
