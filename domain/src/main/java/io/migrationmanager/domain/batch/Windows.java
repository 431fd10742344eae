package io.migrationmanager.domain.batch;

import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.domain.Names;
import io.migrationmanager.domain.error.ConflictException;
import io.migrationmanager.domain.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Migration windows (spec §2.7): validation, the time predicates, the earliest fitting window and the limits on
 * changing windows that queue entries hold. "Now" is always a parameter. A {@code null} start means "already
 * started" and a {@code null} end "never ends"; comparisons are strict, as Go's {@code Before}.
 *
 * <p>Differences from the original, each a fix of a quirk of spec §13:
 *
 * <ul>
 *   <li>Quirk 11: a window with a lockout but no end is valid (the original compares the lockout with the zero
 *       end and always rejects it). The lockout must still not be before the start, nor after a set end.
 *   <li>Quirk 11, second half: see {@link BatchRules#validateUpdate}: a stored window that has passed does not
 *       make later edits of its batch fail as long as it is left unchanged.
 *   <li>Making an open-ended window end at a time, or giving a start to a window without one, while it is
 *       assigned counts as moving its end earlier or its start later (the original only compares set times for
 *       the end, so it let an assigned open-ended window be cut short).
 *   <li>The capacity message reads {@code capacity cannot be reduced} (the original's says {@code capacity must
 *       be cannot be reduced}); a negative capacity is reported with its number (the original formats the int
 *       with {@code %q}).
 * </ul>
 */
public final class Windows {
  /** The margin {@link #fitsDuration} keeps before a window's end for reverting a migration. */
  public static final Duration REVERT_MARGIN = Duration.ofMinutes(1);

  private Windows() {}

  /** Whether the window has begun: no start, or a start before {@code now}. */
  public static boolean begun(MigrationWindow w, Instant now) {
    return w.start() == null || w.start().isBefore(now);
  }

  /** Whether the window has ended: an end before {@code now}. */
  public static boolean ended(MigrationWindow w, Instant now) {
    return w.end() != null && w.end().isBefore(now);
  }

  /** Whether no new entries may be assigned: the window ended, or its lockout is before {@code now}. */
  public static boolean locked(MigrationWindow w, Instant now) {
    return ended(w, now) || w.lockout() != null && w.lockout().isBefore(now);
  }

  /**
   * Whether an instance needing {@code duration} can still be given the window: the window is valid and not
   * locked, and, unless it never ends, its start (or {@code now} if that is later) plus the duration plus
   * {@link #REVERT_MARGIN} is before its end.
   */
  public static boolean fitsDuration(MigrationWindow w, Duration duration, Instant now) {
    if (problem(w, now).isPresent() || locked(w, now)) {
      return false;
    }
    if (w.end() == null) {
      return true;
    }
    Instant from = w.start() == null || w.start().isBefore(now) ? now : w.start();
    return from.plus(duration).plus(REVERT_MARGIN).isBefore(w.end());
  }

  /**
   * Why the window is invalid at {@code now}, or empty when it is valid: a bad name, an end before the start, an
   * end already passed, a lockout before the start or after the end, a negative capacity.
   */
  public static Optional<String> problem(MigrationWindow w, Instant now) {
    Optional<String> badName = Names.apiNameProblem(w.name());
    if (badName.isPresent()) {
      return Optional.of("Window name " + Text.q(w.name()) + " cannot be used: " + badName.get());
    }
    if (w.start() != null && w.end() != null && w.end().isBefore(w.start())) {
      return Optional.of("Batch migration window end time is before start time");
    }
    if (w.end() != null && w.end().isBefore(now)) {
      return Optional.of("Batch migration window has already passed");
    }
    if (w.lockout() != null && w.start() != null && w.start().isAfter(w.lockout())) {
      return Optional.of("Batch migration window lockout time is before the start time");
    }
    if (w.lockout() != null && w.end() != null && w.end().isBefore(w.lockout())) {
      return Optional.of("Batch migration window lockout time is after the end time");
    }
    if (w.config().capacity() < 0) {
      return Optional.of(
          "Window " + Text.q(w.name()) + " capacity " + w.config().capacity() + " cannot be negative");
    }
    return Optional.empty();
  }

  /**
   * Validates one window.
   *
   * @throws ValidationException with the message of {@link #problem}
   */
  public static void validate(MigrationWindow w, Instant now) {
    problem(w, now)
        .ifPresent(
            p -> {
              throw new ValidationException(p);
            });
  }

  /** Whether a batch with these windows can start: it has none, or at least one is still valid. */
  public static boolean hasValidWindow(List<MigrationWindow> windows, Instant now) {
    return windows.isEmpty() || windows.stream().anyMatch(w -> problem(w, now).isEmpty());
  }

  /**
   * The window with the earliest start among those that {@linkplain #fitsDuration fit} {@code duration}; on equal
   * starts the first in the list. A window without start counts as the earliest.
   */
  public static Optional<MigrationWindow> earliest(List<MigrationWindow> windows, Duration duration, Instant now) {
    MigrationWindow best = null;
    for (MigrationWindow w : windows) {
      if (fitsDuration(w, duration, now) && (best == null || startsBefore(w, best))) {
        best = w;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean startsBefore(MigrationWindow a, MigrationWindow b) {
    if (a.start() == null) {
      return b.start() != null;
    }
    return b.start() != null && a.start().isBefore(b.start());
  }

  /**
   * Checks that replacing a batch's windows keeps every window that queue entries hold usable for them (the
   * original's {@code ReplaceByBatch}): an assigned window cannot be removed or renamed, its start cannot move
   * later, its end cannot move earlier (an end may be removed), and its capacity cannot be reduced (a new
   * non-zero capacity must be at least the old one, and an unlimited one cannot become limited).
   *
   * @param assignments for each window name, the queue entries (instance names) that hold it; names of windows
   *     that are not in {@code oldWindows} are ignored
   * @throws ConflictException naming the window and the first queue entry holding it
   */
  public static void checkReplace(
      List<MigrationWindow> oldWindows, List<MigrationWindow> newWindows, Map<String, List<String>> assignments) {
    Map<String, MigrationWindow> byName = new HashMap<>();
    for (MigrationWindow w : newWindows) {
      byName.put(w.name(), w);
    }
    for (MigrationWindow old : oldWindows) {
      List<String> holders = assignments.getOrDefault(old.name(), List.of());
      if (holders.isEmpty()) {
        continue;
      }
      String entry = Text.q(holders.get(0));
      MigrationWindow next = byName.get(old.name());
      if (next == null) {
        throw new ConflictException(
            "Window " + Text.q(old.name()) + " cannot be removed or renamed after assignment to queue entry "
                + entry);
      }
      if (next.start() != null && (old.start() == null || next.start().isAfter(old.start()))) {
        throw new ConflictException(
            "Window " + Text.q(next.name()) + " start time cannot be increased because it is assigned to queue entry "
                + entry);
      }
      if (next.end() != null && (old.end() == null || next.end().isBefore(old.end()))) {
        throw new ConflictException(
            "Window " + Text.q(next.name()) + " end time cannot be reduced because it is assigned to queue entry "
                + entry);
      }
      int capacity = next.config().capacity();
      if (capacity != 0 && (old.config().capacity() == 0 || capacity < old.config().capacity())) {
        throw new ConflictException(
            "Window " + Text.q(old.name()) + " capacity cannot be reduced after assignment to queue entry " + entry);
      }
    }
  }
}
