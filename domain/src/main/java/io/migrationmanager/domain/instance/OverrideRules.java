package io.migrationmanager.domain.instance;

import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.domain.Names;
import io.migrationmanager.domain.error.ValidationException;

/** Validation of instance overrides (spec §2.4.1, §2.4.3). */
public final class OverrideRules {
  private OverrideRules() {}

  public static void validate(InstanceOverride o) {
    String name = o.properties().name();
    if (!name.isEmpty()) {
      Names.hostnameProblem(name)
          .ifPresent(
              p -> {
                throw new ValidationException("Invalid override name \"" + name + "\": " + p);
              });
    }
    if (o.properties().cpus() < 0) {
      throw new ValidationException("Invalid override, cpus " + o.properties().cpus() + " cannot be negative");
    }
    if (o.properties().memory() < 0) {
      throw new ValidationException("Invalid override, memory " + o.properties().memory() + " cannot be negative");
    }
    if (o.startedAfterMigration() && o.stoppedAfterMigration()) {
      throw new ValidationException(
          "Invalid override, started_after_migration and stopped_after_migration cannot both be set");
    }
    if (!o.osType().isEmpty() && !OsClassifier.OS_TYPES.contains(o.osType())) {
      throw new ValidationException(
          "Invalid override, OS type \"" + o.osType() + "\" must be one of " + OsClassifier.OS_TYPES);
    }
    if (!o.distribution().isEmpty() && !OsClassifier.DISTRIBUTIONS.contains(o.distribution())) {
      throw new ValidationException(
          "Invalid override, distribution \"" + o.distribution() + "\" must be one of " + OsClassifier.DISTRIBUTIONS);
    }
    String arch = o.properties().architecture();
    if (!arch.isEmpty() && !java.util.List.of("x86_64", "i686", "aarch64", "armv8l").contains(arch)) {
      throw new ValidationException(
          "Invalid override, architecture \"" + arch + "\" must be one of [x86_64, i686, aarch64, armv8l]");
    }
  }

  /** Whether two overrides differ in the OS or naming information that is fixed once migration started. */
  public static boolean changesIdentity(InstanceOverride a, InstanceOverride b) {
    return !a.properties().name().equals(b.properties().name())
        || !a.properties().os().equals(b.properties().os())
        || !a.properties().osVersion().equals(b.properties().osVersion())
        || !a.properties().architecture().equals(b.properties().architecture())
        || !a.osType().equals(b.osType())
        || !a.distribution().equals(b.distribution())
        || !a.distributionVersion().equals(b.distributionVersion());
  }
}
