package io.migrationmanager.server.service;

import io.migrationmanager.activities.incus.IncusTargetInspector;
import io.migrationmanager.activities.mysql.MysqlBatchRepository;
import io.migrationmanager.activities.mysql.MysqlQueueRepository;
import io.migrationmanager.api.Batch;
import io.migrationmanager.api.BatchConstraint;
import io.migrationmanager.api.BatchPlan;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.Instance;
import io.migrationmanager.api.MigrationNetwork;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.domain.batch.BatchEdits;
import io.migrationmanager.domain.batch.BatchRules;
import io.migrationmanager.domain.batch.BatchStatus;
import io.migrationmanager.domain.batch.WindowChoice;
import io.migrationmanager.domain.batch.WindowSelector;
import io.migrationmanager.domain.batch.Windows;
import io.migrationmanager.domain.error.ConflictException;
import io.migrationmanager.domain.error.DomainException;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceFilters;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.InstanceRepository;
import io.migrationmanager.domain.instance.InstanceViews;
import io.migrationmanager.domain.instance.Restrictions;
import io.migrationmanager.domain.network.NetworkRecord;
import io.migrationmanager.domain.network.NetworkRepository;
import io.migrationmanager.domain.placement.Placement;
import io.migrationmanager.domain.placement.PlacementScripts;
import io.migrationmanager.domain.placement.PlacementValidation;
import io.migrationmanager.domain.placement.Placements;
import io.migrationmanager.domain.placement.TargetDetails;
import io.migrationmanager.domain.queue.ImportStage;
import io.migrationmanager.domain.queue.MigrationStatus;
import io.migrationmanager.domain.queue.QueueRecord;
import io.migrationmanager.domain.queue.QueuedInstance;
import io.migrationmanager.domain.target.TargetRepository;
import io.migrationmanager.lang.expr.Program;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Batches (spec §2.6, §6.4): create and edit with their rules, which instances a batch matches and may claim,
 * where each goes, when, and the dry-run plan of a start.
 */
public class BatchService {
  static final String INITIAL_CHECKS = "Performing initial migration checks";
  static final String NO_LONGER_MATCHES = "Instance no longer matches batch expression";
  static final String UNBLOCKED = "Instance has been unblocked";

  private final MysqlBatchRepository batches;
  private final MysqlQueueRepository queue;
  private final InstanceRepository instances;
  private final NetworkRepository networks;
  private final TargetRepository targets;
  private final PlacementScripts scripts;
  private final Function<String, TargetDetails> targetDetails;
  private final Clock clock;

  public BatchService(
      MysqlBatchRepository batches,
      MysqlQueueRepository queue,
      InstanceRepository instances,
      NetworkRepository networks,
      TargetRepository targets,
      PlacementScripts scripts,
      Function<String, TargetDetails> targetDetails,
      Clock clock) {
    this.batches = batches;
    this.queue = queue;
    this.instances = instances;
    this.networks = networks;
    this.targets = targets;
    this.scripts = scripts;
    this.targetDetails = targetDetails;
    this.clock = clock;
  }

  /** Live details of a registered target, read through the Incus API. */
  public static Function<String, TargetDetails> incusDetails(TargetRepository targets) {
    return name ->
        targets.find(name).map(t -> IncusTargetInspector.inspect(name, TargetService.client(t))).orElse(null);
  }

  public List<Batch> list() {
    return batches.list();
  }

  public Batch get(String name) {
    return batches.find(name).orElseThrow(() -> new NotFoundException("Batch \"" + name + "\" not found"));
  }

  /** Creates a batch ({@code Defined}) and assigns the instances it matches. */
  public Batch create(BatchPut input) {
    if (input == null) {
      throw new ValidationException("Request body is empty: expected a batch");
    }
    BatchPut b = BatchRules.withDefaults(input);
    BatchRules.validateCreate(b, clock.instant());
    checkTargetsExist(b);
    scripts.validate(b.name(), b.config().placementScriptlet());
    if (batches.find(b.name()).isPresent()) {
      throw new ConflictException("Batch \"" + b.name() + "\" already exists");
    }
    Batch batch = Batch.of(b, BatchStatus.DEFINED, BatchStatus.DEFINED.wire(), null);
    batches.create(batch, matching(b));
    return get(b.name());
  }

  /**
   * Replaces a batch's configuration. While {@code Defined} its instances are matched again; once started,
   * only what spec §6.4 allows may change, and the change applies to its queue entries at once.
   */
  public Batch update(String name, BatchPut input) {
    if (input == null) {
      throw new ValidationException("Request body is empty: expected a batch");
    }
    Batch old = get(name);
    BatchPut next = BatchRules.withDefaults(input);
    BatchRules.validateUpdate(old.put(), next, clock.instant());
    checkTargetsExist(next);
    scripts.validate(next.name(), next.config().placementScriptlet());
    if (!next.name().equals(name) && batches.find(next.name()).isPresent()) {
      throw new ConflictException("Batch \"" + next.name() + "\" already exists");
    }
    BatchEdits.checkUpdate(old.put(), next, old.status(), queued(name));
    boolean defined = old.status() == BatchStatus.DEFINED;
    batches.update(name, Batch.of(next, old.status(), old.statusMessage(), old.startDate()), defined ? matching(next) : null);
    Batch stored = get(next.name());
    if (!defined) {
      reassess(stored);
    }
    return stored;
  }

  /** Deletes a batch that is not running; its queue entries and windows go with it. */
  public void delete(String name) {
    Batch b = get(name);
    if (b.status() == BatchStatus.RUNNING) {
      throw new ConflictException("Cannot delete batch \"" + name + "\" while it is running");
    }
    batches.delete(name);
  }

  /** The instances assigned to the batch. */
  public List<Instance> instances(String name) {
    get(name);
    return batches.assignedInstances(name).stream().map(InstanceViews::toApi).toList();
  }

  /** Starts the batch (spec §6.4 "Start"): claims its unclaimed instances as queue entries. */
  public Batch start(String name) {
    Batch b = get(name);
    Instant now = clock.instant();
    startProblem(b, now).ifPresent(p -> {
      throw new ConflictException(p);
    });
    List<QueueRecord> entries = new ArrayList<>();
    for (Planned p : plan(b, now, true)) {
      if (p.claimedBy == null) {
        entries.add(
            new QueueRecord(
                p.instance.uuid(), name, p.status, p.message, ImportStage.BACKGROUND, UUID.randomUUID(), 0, null,
                p.placement, null, now));
      }
    }
    if (entries.isEmpty()) {
      throw new ConflictException("Cannot start batch \"" + name + "\" with no instances");
    }
    queue.claimAndStart(name, entries, now);
    return get(name);
  }

  /** Stops a running batch. */
  public Batch stop(String name) {
    Batch b = get(name);
    if (b.status() != BatchStatus.RUNNING) {
      throw new ConflictException("Cannot stop batch \"" + name + "\" in its current state '" + b.status().wire() + "'");
    }
    batches.setStatus(name, BatchStatus.STOPPED, BatchStatus.STOPPED.wire(), b.startDate());
    return get(name);
  }

  /**
   * Returns a batch to {@code Defined} (spec §6.10 "Batch reset"): its queue entries are deleted, releasing
   * their instances. Refused while an entry is committed (its source may already be off) unless forced.
   */
  public Batch reset(String name, boolean force) {
    Batch b = get(name);
    if (b.status() == BatchStatus.DEFINED) {
      return b;
    }
    if (!force && queue.listByBatch(name).stream().anyMatch(e -> e.status().isCommitted(e.importStage()))) {
      throw new ConflictException("Queue entries have already begun final import or post-migration steps");
    }
    queue.deleteByBatch(name);
    batches.setStatus(name, BatchStatus.DEFINED, BatchStatus.DEFINED.wire(), null);
    return get(name);
  }

  /** Cancels one queue entry (spec §6.10 "Cancel"): any status but {@code Finished}. */
  public void cancel(UUID instance) {
    QueueRecord e = queue.find(instance).orElseThrow(() -> QueueService.notFound(instance));
    if (e.status() == MigrationStatus.FINISHED) {
      throw new ConflictException("Queue entry \"" + instance + "\" is already finished");
    }
    queue.update(
        new QueueRecord(e.instanceUuid(), e.batchName(), MigrationStatus.CANCELED, e.statusMessage(), ImportStage.BACKGROUND,
            e.secretToken(), e.lastWorkerStatus(), null, e.placement(), e.lastBackgroundSync(), clock.instant()));
  }

  /** Retries a canceled entry (spec §6.10 "Retry"): placement again, then {@code Waiting} or {@code Blocked}. */
  public void retry(UUID instance) {
    QueueRecord e = queue.find(instance).orElseThrow(() -> QueueService.notFound(instance));
    if (e.status() != MigrationStatus.CANCELED) {
      throw new ConflictException("Queue entry \"" + instance + "\" has not been cancelled and cleaned up");
    }
    Batch b = get(e.batchName());
    InstanceRecord record =
        instances.find(instance).orElseThrow(() -> new NotFoundException("Instance \"" + instance + "\" not found"));
    Placement placement;
    try {
      placement = Placements.merge(Placements.defaults(b.defaults(), record, networks.list()), scripts.run(b, record));
    } catch (DomainException ex) {
      throw new ValidationException(
          "Failed to run scriptlet for instance \"" + record.properties().location() + "\": " + ex.getMessage());
    }
    Optional<String> reason = Restrictions.reason(record, b.config().instanceRestrictionOverrides());
    queue.update(
        new QueueRecord(e.instanceUuid(), e.batchName(), reason.isPresent() ? MigrationStatus.BLOCKED : MigrationStatus.WAITING,
            reason.orElse(INITIAL_CHECKS), ImportStage.BACKGROUND, e.secretToken(), e.lastWorkerStatus(), null, placement,
            e.lastBackgroundSync(), clock.instant()));
  }

  /** Resolves a conflict (spec §6.10 "Resolve"). */
  public void resolve(UUID instance) {
    QueueRecord e = queue.find(instance).orElseThrow(() -> QueueService.notFound(instance));
    if (e.status() != MigrationStatus.CONFLICT) {
      throw new ConflictException("Queue entry \"" + instance + "\" has no conflict");
    }
    MigrationStatus next = e.importStage() == ImportStage.COMPLETE ? MigrationStatus.WORKER_DONE : MigrationStatus.WAITING;
    queue.update(e.withStatus(next, MigrationStatus.CONFLICT_RESOLVED_MESSAGE, clock.instant()));
  }

  /** What starting the batch now would do, changing nothing. */
  public BatchPlan plan(String name) {
    Batch b = get(name);
    Instant now = clock.instant();
    Optional<String> problem = startProblem(b, now);
    List<BatchPlan.Item> items = new ArrayList<>();
    List<Planned> planned = plan(b, now, false);
    if (problem.isEmpty() && planned.stream().allMatch(p -> p.claimedBy != null)) {
      problem = Optional.of("Cannot start batch \"" + name + "\" with no instances");
    }
    for (Planned p : planned) {
      items.add(
          new BatchPlan.Item(
              p.instance.uuid(), p.instance.properties().location(), Placements.name(p.instance), p.outcome,
              p.status == null ? "" : p.status.wire(), p.message, p.claimedBy == null ? "" : p.claimedBy,
              p.placement, p.constraint, p.window, p.windowNote));
    }
    return new BatchPlan(name, problem.isEmpty(), problem.orElse(""), items);
  }

  private Optional<String> startProblem(Batch b, Instant now) {
    String q = "\"" + b.name() + "\"";
    if (!(b.status() == BatchStatus.DEFINED || b.status() == BatchStatus.ERROR || b.status() == BatchStatus.STOPPED)) {
      return Optional.of("Cannot start batch " + q + " in its current state '" + b.status().wire() + "'");
    }
    if (!b.migrationWindows().isEmpty() && !Windows.hasValidWindow(b.migrationWindows(), now)) {
      return Optional.of("Cannot start batch " + q + " with invalid migration windows: No valid migration windows found");
    }
    return Optional.empty();
  }

  /** One matched instance's fate. */
  private static final class Planned {
    InstanceRecord instance;
    String outcome;
    MigrationStatus status;
    String message = "";
    String claimedBy;
    Placement placement;
    String constraint = "";
    MigrationWindow window;
    String windowNote = "";
  }

  /**
   * Works out, for every instance assigned to {@code b}, what a start would do.
   *
   * @param strict a scriptlet failure aborts (start) instead of being reported per instance (plan)
   */
  private List<Planned> plan(Batch b, Instant now, boolean strict) {
    Map<UUID, QueueRecord> queued = new HashMap<>();
    queue.list().forEach(e -> queued.put(e.instanceUuid(), e));
    Program matcher = InstanceFilters.compile(b.includeExpression());
    List<NetworkRecord> allNetworks = networks.list();
    Map<String, Optional<TargetDetails>> details = new HashMap<>();
    Map<String, String> unreachable = new HashMap<>();
    List<Planned> out = new ArrayList<>();
    List<QueuedInstance> siblings = new ArrayList<>();
    for (InstanceRecord instance : batches.assignedInstances(b.name())) {
      Planned p = new Planned();
      p.instance = instance;
      out.add(p);
      QueueRecord existing = queued.get(instance.uuid());
      if (existing != null) {
        p.claimedBy = existing.batchName();
        p.outcome = BatchPlan.CLAIMED;
        p.message =
            existing.batchName().equals(b.name())
                ? "Already queued (" + existing.status().wire() + ")"
                : "Already queued by batch \"" + existing.batchName() + "\"";
        if (existing.batchName().equals(b.name())) {
          siblings.add(new QueuedInstance(instance, existing.status(), existing.importStage(), existing.migrationWindow()));
        }
        continue;
      }
      try {
        p.placement = Placements.merge(Placements.defaults(b.defaults(), instance, allNetworks), scripts.run(b, instance));
      } catch (DomainException e) {
        String message = "Failed to run scriptlet for instance \"" + instance.properties().location() + "\": " + e.getMessage();
        if (strict) {
          throw new ValidationException(message);
        }
        p.outcome = BatchPlan.CANNOT_PLACE;
        p.status = MigrationStatus.BLOCKED;
        p.message = message;
        continue;
      }
      Optional<String> blocked = Restrictions.reason(instance, b.config().instanceRestrictionOverrides());
      if (!matcher.runBool(InstanceFilters.environment(instance)) && !b.defaults().forceConflictResolution()) {
        p.outcome = BatchPlan.CONFLICT;
        p.status = MigrationStatus.CONFLICT;
        p.message = NO_LONGER_MATCHES;
      } else if (blocked.isPresent()) {
        p.outcome = BatchPlan.BLOCKED;
        p.status = MigrationStatus.BLOCKED;
        p.message = blocked.get();
      } else {
        p.outcome = BatchPlan.READY;
        p.status = MigrationStatus.WAITING;
        p.message = INITIAL_CHECKS;
        String targetName = p.placement.targetName();
        Optional<TargetDetails> target =
            details.computeIfAbsent(
                targetName,
                t -> {
                  try {
                    return Optional.ofNullable(targetDetails.apply(t));
                  } catch (RuntimeException e) {
                    unreachable.put(t, e.getMessage());
                    return Optional.empty();
                  }
                });
        if (unreachable.containsKey(targetName)) {
          p.windowNote = "target \"" + targetName + "\" could not be checked: " + unreachable.get(targetName);
        } else {
          Optional<String> problem =
              PlacementValidation.problem(
                  target.orElse(null), p.placement, instance, MigrationStatus.WAITING, b.defaults().migrationNetwork());
          if (problem.isPresent()) {
            p.outcome = BatchPlan.CANNOT_PLACE;
            p.status = MigrationStatus.BLOCKED;
            p.message = "Cannot place instance: " + problem.get();
          }
        }
      }
      siblings.add(new QueuedInstance(instance, p.status, ImportStage.BACKGROUND, null));
    }
    List<Program> constraintPrograms =
        b.constraints().stream().map(c -> InstanceFilters.compile(c.includeExpression())).toList();
    for (Planned p : out) {
      if (p.claimedBy != null || p.status == null) {
        continue;
      }
      p.constraint = lastMatchingConstraint(b.constraints(), constraintPrograms, p.instance);
      WindowChoice choice =
          WindowSelector.select(
              b.migrationWindows(), b.constraints(), new QueuedInstance(p.instance, p.status, ImportStage.BACKGROUND, null),
              siblings, now);
      if (choice.isWaiting()) {
        p.windowNote = join(p.windowNote, choice.waitReason());
      } else if (choice.window().isEmpty()) {
        p.window = choice.window();
        p.windowNote = join(p.windowNote, "no migration windows: migrates right after its background import");
      } else {
        p.window = choice.window();
      }
    }
    return out;
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "; " + b;
  }

  private static String lastMatchingConstraint(
      List<BatchConstraint> constraints, List<Program> programs, InstanceRecord instance) {
    String name = "";
    Map<String, Object> env = InstanceFilters.environment(instance);
    for (int i = 0; i < constraints.size(); i++) {
      if (programs.get(i).runBool(env)) {
        name = constraints.get(i).name();
      }
    }
    return name;
  }

  /**
   * Re-evaluates the restrictions of a started batch's waiting and blocked entries, so a changed restriction
   * override unblocks (or blocks) them at once.
   */
  public void reassess(Batch b) {
    queue.listByBatch(b.name()).forEach(e -> reassess(b, e));
  }

  /** Re-evaluates the queue entry of one instance after its override changed. */
  public void reassessInstance(UUID instance) {
    queue.find(instance).ifPresent(e -> batches.find(e.batchName()).ifPresent(b -> reassess(b, e)));
  }

  private void reassess(Batch b, QueueRecord e) {
    if (e.status() != MigrationStatus.BLOCKED && e.status() != MigrationStatus.WAITING) {
      return;
    }
    if (e.statusMessage().startsWith("Cannot place instance: ")) {
      return;
    }
    Optional<InstanceRecord> instance = instances.find(e.instanceUuid());
    if (instance.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Optional<String> reason = Restrictions.reason(instance.get(), b.config().instanceRestrictionOverrides());
    if (reason.isPresent() && !(e.status() == MigrationStatus.BLOCKED && e.statusMessage().equals(reason.get()))) {
      queue.update(e.withStatus(MigrationStatus.BLOCKED, reason.get(), now));
    } else if (reason.isEmpty() && e.status() == MigrationStatus.BLOCKED) {
      queue.update(e.withStatus(MigrationStatus.WAITING, UNBLOCKED, now));
    }
  }

  /** The batch's queue entries as the batch rules see them. */
  List<QueuedInstance> queued(String batch) {
    List<QueuedInstance> out = new ArrayList<>();
    for (QueueRecord e : queue.listByBatch(batch)) {
      instances.find(e.instanceUuid())
          .ifPresent(i -> out.add(new QueuedInstance(i, e.status(), e.importStage(), e.migrationWindow())));
    }
    return out;
  }

  /** The instances the batch's include expression selects. */
  private Set<UUID> matching(BatchPut b) {
    Program p = InstanceFilters.compile(b.includeExpression());
    Set<UUID> out = new LinkedHashSet<>();
    for (InstanceRecord i : instances.list()) {
      if (p.runBool(InstanceFilters.environment(i))) {
        out.add(i.uuid());
      }
    }
    return out;
  }

  private void checkTargetsExist(BatchPut b) {
    String target = b.defaults().placement().target();
    if (targets.find(target).isEmpty()) {
      throw new ValidationException("Target \"" + target + "\" does not exist");
    }
    for (MigrationNetwork n : b.defaults().migrationNetwork()) {
      if (targets.find(n.target()).isEmpty()) {
        throw new ValidationException("Target \"" + n.target() + "\" of migration network \"" + n.network() + "\" does not exist");
      }
    }
  }
}
