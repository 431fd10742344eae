package io.migrationmanager.domain.batch;

import io.migrationmanager.api.BatchConfig;
import io.migrationmanager.api.BatchConstraint;
import io.migrationmanager.api.BatchDefaults;
import io.migrationmanager.api.BatchPlacement;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.MigrationNetwork;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.domain.Names;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.network.NetworkViews;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Defaults and validation of a batch's editable part (spec §2.6, §2.7), with the original's messages. The
 * placement scriptlet is not checked here: it needs the Starlark interpreter, and the caller validates it.
 *
 * <p>Differences from the original, each a fix of a quirk of spec §13:
 *
 * <ul>
 *   <li>Quirk 8: each constraint's own name and include expression are validated (the original checks the
 *       batch's name and compiles the batch's expression once per constraint, so bad constraint expressions only
 *       failed at run time).
 *   <li>Include expressions, the batch's and the constraints', must give a boolean; one that gives another type
 *       is rejected with {@code expected bool, but got <type>} instead of failing for every instance later.
 *   <li>Quirk 11: see {@link Windows}; and on update, a stored window that has ended and is left unchanged is
 *       not rejected with {@code Batch migration window has already passed}, so editing a batch does not
 *       require deleting its past windows.
 *   <li>Quirk 12: {@link #withDefaults} is meant for updates as well as creation, so an edit that leaves the sync
 *       interval or limit empty gets the defaults instead of failing. The limit defaults to 10 minutes or the
 *       interval, whichever is shorter, so a short interval alone is accepted. ("Empty for never", as the
 *       original's documentation says, was never implemented: zero stays invalid.)
 *   <li>Window names and window times must be unique within the batch (the original relies on database
 *       constraints and fails with a database error).
 *   <li>The post-migration retry message says the count cannot be negative (the original's says it must be
 *       larger than 0, yet accepts 0).
 * </ul>
 */
public final class BatchRules {
  /** The target, project and storage pool the API uses when none is given. */
  public static final String DEFAULT = "default";

  /** The background sync interval and final sync limit the API uses when none is given. */
  public static final GoDuration DEFAULT_SYNC = GoDuration.ofMinutes(10);

  private BatchRules() {}

  /**
   * The API's defaults (spec §2.6): target, project and storage pool {@code default}, background sync interval
   * 10 minutes, final background sync limit 10 minutes or the interval if that is shorter. Post-migration
   * retries stay as given (the API's default is 0; the CLI and UI propose 5). Applies to creation and updates.
   */
  public static BatchPut withDefaults(BatchPut b) {
    BatchPlacement p = b.defaults().placement();
    BatchPlacement placement =
        new BatchPlacement(orDefault(p.target()), orDefault(p.targetProject()), orDefault(p.storagePool()));
    BatchConfig c = b.config();
    GoDuration interval = c.backgroundSyncInterval().isZero() ? DEFAULT_SYNC : c.backgroundSyncInterval();
    GoDuration limit = c.finalBackgroundSyncLimit();
    if (limit.isZero()) {
      limit = interval.compareTo(DEFAULT_SYNC) < 0 ? interval : DEFAULT_SYNC;
    }
    return new BatchPut(
        b.name(),
        b.includeExpression(),
        b.migrationWindows(),
        b.constraints(),
        new BatchDefaults(placement, b.defaults().migrationNetwork(), b.defaults().forceConflictResolution()),
        new BatchConfig(
            c.rerunScriptlets(), c.placementScriptlet(), c.postMigrationRetries(), c.instanceRestrictionOverrides(),
            interval, limit));
  }

  private static String orDefault(String name) {
    return name.isEmpty() ? DEFAULT : name;
  }

  /**
   * Validates a new batch.
   *
   * @throws ValidationException describing the first problem
   */
  public static void validateCreate(BatchPut b, Instant now) {
    validate(b, List.of(), now);
  }

  /**
   * Validates the replacement of a stored batch's editable part. Only the values are checked here; what a
   * started batch may change is {@link BatchEdits}' concern.
   *
   * @throws ValidationException describing the first problem
   */
  public static void validateUpdate(BatchPut stored, BatchPut next, Instant now) {
    validate(next, stored.migrationWindows(), now);
  }

  private static void validate(BatchPut b, List<MigrationWindow> storedWindows, Instant now) {
    problem(Names.apiNameProblem(b.name()), "Invalid batch, " + Text.q(b.name()) + " is not a valid name: ");
    BatchPlacement p = b.defaults().placement();
    problem(
        Names.apiNameProblem(p.target()),
        "Invalid batch placement, default target " + Text.q(p.target()) + " is not a valid name: ");
    problem(
        Names.apiNameProblem(p.targetProject()),
        "Invalid batch placement, default target project " + Text.q(p.targetProject()) + " is not a valid name: ");
    problem(
        Names.apiNameProblem(p.storagePool()),
        "Invalid batch placement, default storage pool " + Text.q(p.storagePool()) + " is not a valid name: ");
    validateMigrationNetworks(b.defaults().migrationNetwork());
    try {
      Filters.compile(b.includeExpression());
    } catch (ValidationException e) {
      throw new ValidationException(
          "Invalid batch " + Text.q(b.includeExpression()) + " is not a valid include expression: " + e.getMessage(),
          e);
    }
    if (b.config().postMigrationRetries() < 0) {
      throw new ValidationException(
          "Invalid batch, post-migration retry count (" + b.config().postMigrationRetries() + ") cannot be negative");
    }
    validateConstraints(b.constraints());
    validateSync(b.config());
    validateWindows(b.migrationWindows(), storedWindows, now);
  }

  private static void validateMigrationNetworks(List<MigrationNetwork> networks) {
    Set<List<String>> seen = new HashSet<>();
    for (MigrationNetwork n : networks) {
      problem(
          Names.apiNameProblem(n.target()),
          "Invalid batch placement, migration network target " + Text.q(n.target()) + " is not a valid name: ");
      problem(
          Names.apiNameProblem(n.targetProject()),
          "Invalid batch placement, migration network target project " + Text.q(n.targetProject())
              + " is not a valid name: ");
      problem(
          Names.apiNameProblem(n.network()),
          "Invalid batch, target migration network name " + Text.q(n.network()) + " is not a valid name: ");
      try {
        validateNicType(n.nictype(), n.vlanId());
      } catch (ValidationException e) {
        throw new ValidationException(
            "Invalid batch, target migration network for target " + Text.q(n.target()) + " and project "
                + Text.q(n.targetProject()) + " is invalid: " + e.getMessage(),
            e);
      }
      if (!seen.add(List.of(n.target(), n.targetProject()))) {
        throw new ValidationException(
            "Invalid batch, more than one migration network defined for target " + Text.q(n.target())
                + " and project " + Text.q(n.targetProject()));
      }
    }
  }

  /**
   * The NIC type and VLAN rules of network placements (spec §2.5): the type is {@code managed}, {@code bridged}
   * or {@code physical}; a VLAN id or list only with {@code bridged} or {@code physical}.
   *
   * @throws ValidationException {@code Unknown NIC type "<type>"}, {@code Cannot set VLAN ID with NIC type
   *     "managed"} or an invalid VLAN list
   */
  public static void validateNicType(String nictype, String vlanId) {
    if (!NetworkViews.NIC_TYPES.contains(nictype)) {
      throw new ValidationException("Unknown NIC type " + Text.q(nictype));
    }
    if (!vlanId.isEmpty()) {
      if (nictype.equals("managed")) {
        throw new ValidationException("Cannot set VLAN ID with NIC type " + Text.q(nictype));
      }
      NetworkViews.validateVlans(vlanId);
    }
  }

  private static void validateConstraints(List<BatchConstraint> constraints) {
    Set<String> expressions = new HashSet<>();
    for (BatchConstraint c : constraints) {
      problem(Names.apiNameProblem(c.name()), "Invalid constraint, " + Text.q(c.name()) + " is not a valid name: ");
      if (!expressions.add(c.includeExpression())) {
        throw new ValidationException(
            "Invalid batch constraint, include expression " + Text.q(c.includeExpression())
                + " cannot be used more than once");
      }
      try {
        Filters.compile(c.includeExpression());
      } catch (ValidationException e) {
        throw new ValidationException(
            "Invalid constraint " + Text.q(c.includeExpression()) + " is not a valid include expression: "
                + e.getMessage(),
            e);
      }
      if (c.maxConcurrentInstances() < 0) {
        throw new ValidationException("Invalid constraint max concurrent instances must not be negative");
      }
      if (c.minInstanceBootTime().value().isNegative()) {
        throw new ValidationException(
            "Invalid constraint minimum boot time " + Text.q(c.minInstanceBootTime().toString())
                + " must be greater than 0");
      }
    }
  }

  private static void validateSync(BatchConfig c) {
    if (c.backgroundSyncInterval().value().isNegative() || c.backgroundSyncInterval().isZero()) {
      throw new ValidationException(
          "Invalid background sync interval " + Text.q(c.backgroundSyncInterval().toString()));
    }
    if (c.finalBackgroundSyncLimit().value().isNegative() || c.finalBackgroundSyncLimit().isZero()) {
      throw new ValidationException(
          "Invalid final background sync limit " + Text.q(c.finalBackgroundSyncLimit().toString()));
    }
    if (c.finalBackgroundSyncLimit().compareTo(c.backgroundSyncInterval()) > 0) {
      throw new ValidationException(
          "Final background sync limit " + Text.q(c.finalBackgroundSyncLimit().toString())
              + " cannot be greater than the background sync interval "
              + Text.q(c.backgroundSyncInterval().toString()));
    }
  }

  private static void validateWindows(List<MigrationWindow> windows, List<MigrationWindow> stored, Instant now) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < windows.size(); i++) {
      MigrationWindow w = windows.get(i);
      if (!(stored.contains(w) && Windows.ended(w, now))) {
        Windows.validate(w, now);
      }
      if (!names.add(w.name())) {
        throw new ValidationException(
            "Invalid batch, migration window name " + Text.q(w.name()) + " cannot be used more than once");
      }
      for (int j = 0; j < i; j++) {
        MigrationWindow other = windows.get(j);
        if (sameTimes(w, other)) {
          throw new ValidationException(
              "Invalid batch, migration windows " + Text.q(other.name()) + " and " + Text.q(w.name())
                  + " have the same start, end and lockout times");
        }
      }
    }
  }

  private static boolean sameTimes(MigrationWindow a, MigrationWindow b) {
    return Objects.equals(a.start(), b.start())
        && Objects.equals(a.end(), b.end())
        && Objects.equals(a.lockout(), b.lockout());
  }

  private static void problem(Optional<String> problem, String prefix) {
    problem.ifPresent(
        p -> {
          throw new ValidationException(prefix + p);
        });
  }
}
