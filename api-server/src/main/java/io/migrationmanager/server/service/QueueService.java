package io.migrationmanager.server.service;

import io.migrationmanager.activities.mysql.MysqlBatchRepository;
import io.migrationmanager.activities.mysql.MysqlQueueRepository;
import io.migrationmanager.api.Batch;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.api.QueueEntry;
import io.migrationmanager.domain.batch.WindowChoice;
import io.migrationmanager.domain.batch.WindowSelector;
import io.migrationmanager.domain.error.ConflictException;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.InstanceRepository;
import io.migrationmanager.domain.placement.Placements;
import io.migrationmanager.domain.queue.MigrationStatus;
import io.migrationmanager.domain.queue.QueueRecord;
import io.migrationmanager.domain.queue.QueuedInstance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The migration queue as users see it (spec §2.8, §6.10). */
public class QueueService {
  private final MysqlQueueRepository queue;
  private final MysqlBatchRepository batches;
  private final InstanceRepository instances;
  private final Clock clock;

  public QueueService(MysqlQueueRepository queue, MysqlBatchRepository batches, InstanceRepository instances, Clock clock) {
    this.queue = queue;
    this.batches = batches;
    this.instances = instances;
    this.clock = clock;
  }

  /** Every entry, sorted by batch then instance name. */
  public List<QueueEntry> list() {
    List<QueueRecord> all = queue.list();
    Map<String, Batch> batchByName = new HashMap<>();
    Map<UUID, InstanceRecord> instanceByUuid = new HashMap<>();
    instances.list().forEach(i -> instanceByUuid.put(i.uuid(), i));
    List<QueueEntry> out = new ArrayList<>();
    Instant now = clock.instant();
    for (QueueRecord e : all) {
      InstanceRecord instance = instanceByUuid.get(e.instanceUuid());
      Batch batch = batchByName.computeIfAbsent(e.batchName(), n -> batches.find(n).orElse(null));
      if (instance == null || batch == null) {
        continue;
      }
      out.add(view(e, instance, batch, all, instanceByUuid, now));
    }
    out.sort(Comparator.comparing(QueueEntry::batchName).thenComparing(QueueEntry::instanceName));
    return out;
  }

  public QueueEntry get(UUID uuid) {
    QueueRecord e = queue.find(uuid).orElseThrow(() -> notFound(uuid));
    InstanceRecord instance = instances.find(uuid).orElseThrow(() -> notFound(uuid));
    Batch batch = batches.find(e.batchName()).orElseThrow(() -> notFound(uuid));
    List<QueueRecord> siblings = queue.listByBatch(e.batchName());
    Map<UUID, InstanceRecord> instanceByUuid = new HashMap<>();
    for (QueueRecord o : siblings) {
      instances.find(o.instanceUuid()).ifPresent(i -> instanceByUuid.put(i.uuid(), i));
    }
    return view(e, instance, batch, siblings, instanceByUuid, clock.instant());
  }

  /** Removes an entry that is not migrating (spec §6.10 "Delete"). */
  public void delete(UUID uuid) {
    QueueRecord e = queue.find(uuid).orElseThrow(() -> notFound(uuid));
    if (e.status().isMigrating()) {
      throw new ConflictException("Cannot delete queue entry \"" + uuid + "\": Currently in a migration phase");
    }
    queue.delete(uuid);
  }

  private QueueEntry view(
      QueueRecord e, InstanceRecord instance, Batch batch, List<QueueRecord> all, Map<UUID, InstanceRecord> instances,
      Instant now) {
    return new QueueEntry(
        e.instanceUuid(), Placements.name(instance), e.status().wire(), e.statusMessage(), e.batchName(), e.lastUpdate(),
        window(e, instance, batch, all, instances, now), e.placement());
  }

  /**
   * The assigned window or, before assignment, the window the entry would get next (spec §2.8); the empty
   * window otherwise.
   */
  private static MigrationWindow window(
      QueueRecord e, InstanceRecord instance, Batch batch, List<QueueRecord> all, Map<UUID, InstanceRecord> instances,
      Instant now) {
    if (e.migrationWindow() != null) {
      return batch.migrationWindows().stream()
          .filter(w -> w.name().equals(e.migrationWindow()))
          .findFirst()
          .orElse(MigrationWindow.EMPTY);
    }
    if (!e.status().isBeforeMigrationWindow()) {
      return MigrationWindow.EMPTY;
    }
    List<QueuedInstance> siblings = new ArrayList<>();
    for (QueueRecord o : all) {
      Optional.ofNullable(instances.get(o.instanceUuid()))
          .filter(i -> o.batchName().equals(batch.name()))
          .ifPresent(i -> siblings.add(new QueuedInstance(i, o.status(), o.importStage(), o.migrationWindow())));
    }
    WindowChoice choice =
        WindowSelector.select(
            batch.migrationWindows(), batch.constraints(),
            new QueuedInstance(instance, e.status(), e.importStage(), null), siblings, now);
    return choice.isWaiting() ? MigrationWindow.EMPTY : choice.window();
  }

  static NotFoundException notFound(UUID uuid) {
    return new NotFoundException("Queue entry \"" + uuid + "\" not found");
  }
}
