package io.migrationmanager.domain.batch;

import io.migrationmanager.api.BatchConstraint;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.Overrides;
import io.migrationmanager.domain.queue.MigrationStatus;
import io.migrationmanager.domain.queue.QueuedInstance;
import io.migrationmanager.lang.expr.Program;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Chooses the migration window of a queue entry (spec §6.8, the original's {@code GetNextWindow}):
 *
 * <ol>
 *   <li>Candidates are the batch's windows with unlimited capacity, with fewer holders than their capacity, or
 *       held by this entry.
 *   <li>A held window that has not ended is kept.
 *   <li>The constraint is the last one of the batch whose include expression matches the instance. Without one,
 *       the earliest candidate that {@linkplain Windows#fitsDuration fits} no time at all is chosen.
 *   <li>With one, the batch's entries matching its expression that are in their final import, post-import or
 *       worker-done phase are counted, plus this entry. Within {@code max_concurrent_instances} (0 = unlimited)
 *       the earliest candidate fitting {@code min_instance_boot_time} is chosen; beyond it the entry waits with
 *       {@code Not assigning migration window for instance %q, maximum limit %d reached}.
 *   <li>No fitting candidate: the entry waits with {@code No available migration windows}. A batch without any
 *       window gets the {@linkplain WindowChoice#immediately() empty window}.
 * </ol>
 *
 * <p>Differences from the original, each a fix:
 *
 * <ul>
 *   <li>Quirk 10 of spec §13: capacity is counted per window of this batch, from this batch's entries; the
 *       original counts every queue entry of every batch holding a window of the same name.
 *   <li>When every window of a batch is at capacity the entry waits; the original filters the full windows out
 *       first and then treats the empty candidate list like a batch without windows, migrating at once.
 *   <li>The constraint applies whatever the entry's status. The original loads the instances of entries in
 *       {@code Idle} and later phases only, so the window it shows for an entry still in {@code Blocked},
 *       {@code Waiting}, {@code Creating new VM} or background import ignores constraints; the user's document
 *       shows such an entry ({@code DebianBookworm}, {@code Blocked}) with the window its constraint chooses.
 *   <li>The waiting message names the instance by its (overridden) name rather than its UUID.
 * </ul>
 */
public final class WindowSelector {
  /** The reason given when no window fits. */
  public static final String NO_AVAILABLE_WINDOWS = "No available migration windows";

  private WindowSelector() {}

  /**
   * Chooses the window of {@code entry}.
   *
   * @param windows the batch's windows, in the batch's order
   * @param constraints the batch's constraints, in the batch's order
   * @param entry the queue entry to choose for
   * @param others the batch's other queue entries (an entry for the same instance as {@code entry} is skipped)
   * @param now the current time
   * @throws io.migrationmanager.domain.error.ValidationException when a constraint expression does not compile or
   *     cannot be evaluated for an instance
   */
  public static WindowChoice select(
      List<MigrationWindow> windows,
      List<BatchConstraint> constraints,
      QueuedInstance entry,
      List<QueuedInstance> others,
      Instant now) {
    if (windows.isEmpty()) {
      return WindowChoice.immediately();
    }
    List<QueuedInstance> rest =
        others.stream().filter(o -> !Objects.equals(o.instance().uuid(), entry.instance().uuid())).toList();
    List<MigrationWindow> candidates = new ArrayList<>();
    for (MigrationWindow w : windows) {
      long holders = rest.stream().filter(o -> w.name().equals(o.migrationWindow())).count();
      int capacity = w.config().capacity();
      if (capacity == 0 || holders < capacity || w.name().equals(entry.migrationWindow())) {
        candidates.add(w);
      }
    }
    if (entry.migrationWindow() != null) {
      for (MigrationWindow w : candidates) {
        if (w.name().equals(entry.migrationWindow()) && !Windows.ended(w, now)) {
          return WindowChoice.of(w);
        }
      }
    }
    int index = lastMatching(constraints, entry.instance());
    if (index < 0) {
      return earliest(candidates, Duration.ZERO, now);
    }
    BatchConstraint matched = constraints.get(index);
    Program program = Filters.compile(matched.includeExpression());
    long concurrent =
        1
            + rest.stream()
                .filter(o -> countsAgainstLimit(o.status()))
                .filter(o -> Filters.matches(program, o.instance()))
                .count();
    int max = matched.maxConcurrentInstances();
    if (max != 0 && concurrent > max) {
      return WindowChoice.waiting(
          "Not assigning migration window for instance " + Text.q(name(entry.instance())) + ", maximum limit "
              + max + " reached");
    }
    return earliest(candidates, matched.minInstanceBootTime().value(), now);
  }

  private static int lastMatching(List<BatchConstraint> constraints, InstanceRecord instance) {
    for (int i = constraints.size() - 1; i >= 0; i--) {
      if (Filters.matches(Filters.compile(constraints.get(i).includeExpression()), instance)) {
        return i;
      }
    }
    return -1;
  }

  private static WindowChoice earliest(List<MigrationWindow> candidates, Duration duration, Instant now) {
    return Windows.earliest(candidates, duration, now)
        .map(WindowChoice::of)
        .orElseGet(() -> WindowChoice.waiting(NO_AVAILABLE_WINDOWS));
  }

  private static boolean countsAgainstLimit(MigrationStatus status) {
    return status == MigrationStatus.FINAL_IMPORT
        || status == MigrationStatus.POST_IMPORT
        || status == MigrationStatus.WORKER_DONE;
  }

  private static String name(InstanceRecord instance) {
    return Overrides.apply(instance.properties(), instance.overrides()).name();
  }
}
