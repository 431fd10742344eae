package io.migrationmanager.domain.batch;

import io.migrationmanager.api.BatchConfig;
import io.migrationmanager.api.BatchConstraint;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.domain.error.ConflictException;
import io.migrationmanager.domain.instance.Overrides;
import io.migrationmanager.domain.queue.QueuedInstance;
import io.migrationmanager.lang.expr.Program;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an update of a batch changes, and what a batch that is no longer {@code Defined} may change (spec §6.4,
 * the original's {@code canUpdateRunningBatch}): not its name, placement defaults or include expression; its
 * placement scriptlet only while no queue entry still waits for its placement; its constraints only where no
 * committed queue entry matches the constraint; its windows within the limits of {@link Windows#checkReplace}.
 * Everything else (relaxed restrictions, retries, sync interval and limit, rerunning scriptlets, forced conflict
 * resolution) applies live.
 *
 * <p>The placement scriptlet rule asks {@link io.migrationmanager.domain.queue.MigrationStatus#isBeforePlacement},
 * so a {@code Conflict} entry whose import is not complete (which goes back to {@code Waiting} and a new
 * placement when resolved) also holds the scriptlet, as do {@code Blocked}, {@code Waiting} and {@code Creating
 * new VM} entries.
 */
public final class BatchEdits {
  private BatchEdits() {}

  /** The parts that differ between {@code old} and {@code next}. */
  public static Set<BatchChange> changes(BatchPut old, BatchPut next) {
    Set<BatchChange> changes = EnumSet.noneOf(BatchChange.class);
    BatchConfig a = old.config();
    BatchConfig b = next.config();
    mark(changes, BatchChange.NAME, old.name(), next.name());
    mark(changes, BatchChange.INCLUDE_EXPRESSION, old.includeExpression(), next.includeExpression());
    mark(changes, BatchChange.PLACEMENT, old.defaults().placement(), next.defaults().placement());
    mark(changes, BatchChange.PLACEMENT, old.defaults().migrationNetwork(), next.defaults().migrationNetwork());
    mark(changes, BatchChange.PLACEMENT_SCRIPTLET, a.placementScriptlet(), b.placementScriptlet());
    mark(changes, BatchChange.MIGRATION_WINDOWS, old.migrationWindows(), next.migrationWindows());
    mark(changes, BatchChange.CONSTRAINTS, old.constraints(), next.constraints());
    mark(
        changes, BatchChange.RESTRICTION_OVERRIDES, a.instanceRestrictionOverrides(),
        b.instanceRestrictionOverrides());
    mark(changes, BatchChange.POST_MIGRATION_RETRIES, a.postMigrationRetries(), b.postMigrationRetries());
    mark(changes, BatchChange.BACKGROUND_SYNC, a.backgroundSyncInterval(), b.backgroundSyncInterval());
    mark(changes, BatchChange.BACKGROUND_SYNC, a.finalBackgroundSyncLimit(), b.finalBackgroundSyncLimit());
    mark(changes, BatchChange.RERUN_SCRIPTLETS, a.rerunScriptlets(), b.rerunScriptlets());
    mark(
        changes, BatchChange.FORCE_CONFLICT_RESOLUTION, old.defaults().forceConflictResolution(),
        next.defaults().forceConflictResolution());
    return changes;
  }

  private static void mark(Set<BatchChange> changes, BatchChange change, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      changes.add(change);
    }
  }

  /**
   * Checks that a batch in {@code status} may be updated from {@code old} to {@code next}, and returns what
   * changes. A {@code Defined} batch may change anything (it has no queue entries).
   *
   * @param entries the batch's queue entries
   * @throws ConflictException {@code Cannot rename running batch %q}, {@code Cannot modify placement of running
   *     batch %q}, {@code Cannot modify placement scriptlet of batch %q while queue entries have not finalized
   *     their placement}, {@code Cannot modify include expression of running batch %q}, {@code Matching constraint
   *     %q cannot be modified for committed queue entry with status %q}, or a window rule of {@link
   *     Windows#checkReplace}
   * @throws io.migrationmanager.domain.error.ValidationException when a changed constraint's expression does not
   *     compile or cannot be evaluated for an instance
   */
  public static Set<BatchChange> checkUpdate(
      BatchPut old, BatchPut next, BatchStatus status, List<QueuedInstance> entries) {
    Set<BatchChange> changes = changes(old, next);
    if (changes.contains(BatchChange.MIGRATION_WINDOWS)) {
      Windows.checkReplace(old.migrationWindows(), next.migrationWindows(), assignments(entries));
    }
    if (status == BatchStatus.DEFINED) {
      return changes;
    }
    String name = Text.q(old.name());
    if (changes.contains(BatchChange.NAME)) {
      throw new ConflictException("Cannot rename running batch " + name);
    }
    if (changes.contains(BatchChange.PLACEMENT)) {
      throw new ConflictException("Cannot modify placement of running batch " + name);
    }
    if (changes.contains(BatchChange.PLACEMENT_SCRIPTLET)
        && entries.stream().anyMatch(e -> e.status().isBeforePlacement(e.importStage()))) {
      throw new ConflictException(
          "Cannot modify placement scriptlet of batch " + name
              + " while queue entries have not finalized their placement");
    }
    if (changes.contains(BatchChange.INCLUDE_EXPRESSION)) {
      throw new ConflictException("Cannot modify include expression of running batch " + name);
    }
    if (changes.contains(BatchChange.CONSTRAINTS)) {
      checkConstraints(old.constraints(), next.constraints(), entries);
    }
    return changes;
  }

  /**
   * Every constraint that is added, removed or changed at its position (order matters: the last matching one
   * applies) must match no committed entry, since a committed entry's window was chosen under the old rules.
   */
  private static void checkConstraints(
      List<BatchConstraint> old, List<BatchConstraint> next, List<QueuedInstance> entries) {
    List<QueuedInstance> committed = entries.stream().filter(QueuedInstance::isCommitted).toList();
    if (committed.isEmpty()) {
      return;
    }
    List<BatchConstraint> modified = new ArrayList<>();
    for (int i = 0; i < Math.max(old.size(), next.size()); i++) {
      BatchConstraint before = i < old.size() ? old.get(i) : null;
      BatchConstraint after = i < next.size() ? next.get(i) : null;
      if (!Objects.equals(before, after)) {
        if (after != null) {
          modified.add(after);
        }
        if (before != null) {
          modified.add(before);
        }
      }
    }
    for (BatchConstraint c : modified) {
      Program program = Filters.compile(c.includeExpression());
      for (QueuedInstance e : committed) {
        if (Filters.matches(program, e.instance())) {
          throw new ConflictException(
              "Matching constraint " + Text.q(c.includeExpression())
                  + " cannot be modified for committed queue entry with status " + Text.q(e.status().wire()));
        }
      }
    }
  }

  private static Map<String, List<String>> assignments(List<QueuedInstance> entries) {
    Map<String, List<String>> byWindow = new LinkedHashMap<>();
    for (QueuedInstance e : entries) {
      if (e.migrationWindow() != null) {
        byWindow
            .computeIfAbsent(e.migrationWindow(), k -> new ArrayList<>())
            .add(Overrides.apply(e.instance().properties(), e.instance().overrides()).name());
      }
    }
    return byWindow;
  }
}
