package io.migrationmanager.domain.instance;

import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.domain.Names;
import java.util.Optional;

/**
 * Why an instance may not be migrated (spec §6.5), checked in order; the first failing rule is the reason, shown
 * as the {@code Blocked} message and in the {@code Instance migration is restricted} warning.
 */
public final class Restrictions {
  public static final String DISABLED = "Migration is manually disabled";
  public static final String UNKNOWN_OS = "Could not determine instance OS, check if guest agent is running";
  public static final String UNKNOWN_ARCHITECTURE =
      "Could not determine instance architecture, check if guest agent is running";
  public static final String NO_IPV4 = "Could not determine instance IP, check if guest agent is running";
  public static final String NO_BACKGROUND_IMPORT = "Background import is not supported";

  private Restrictions() {}

  /**
   * Whether the guest did not tell its OS. As in the user's document, a VM without a guest agent is "unknown"
   * even when its VMware guest type names a distribution (the newer original only blocks Linux VMs whose
   * distribution cannot be derived at all, from the guest type either).
   */
  static boolean osUnknown(InstanceProperties p) {
    return p.os().isEmpty() && p.osVersion().isEmpty()
        || OsClassifier.OS_LINUX.equals(OsClassifier.osType(p))
            && OsClassifier.DISTRIBUTION_OTHER.equals(OsClassifier.distribution(p));
  }

  /** The reason {@code instance} is blocked under a batch's {@code relaxations}, or empty when it may go. */
  public static Optional<String> reason(InstanceRecord instance, RestrictionOverrides relaxations) {
    InstanceOverride o = instance.overrides();
    if (o.disableMigration()) {
      return Optional.of(DISABLED);
    }
    if (o.ignoreRestrictions()) {
      return Optional.empty();
    }
    InstanceProperties p = Overrides.apply(instance.properties(), o);
    Optional<String> badName = Names.hostnameProblem(p.name());
    if (badName.isPresent()) {
      return Optional.of("Instance name \"" + p.name() + "\" is not a valid hostname: " + badName.get());
    }
    if (osUnknown(p) && !Overrides.overridesOs(o) && !relaxations.allowUnknownOs()) {
      return Optional.of(UNKNOWN_OS);
    }
    if (p.architecture().isEmpty()) {
      return Optional.of(UNKNOWN_ARCHITECTURE);
    }
    if (!p.nics().isEmpty()
        && p.nics().stream().allMatch(n -> n.ipv4Address().isEmpty())
        && !relaxations.allowNoIpv4()) {
      return Optional.of(NO_IPV4);
    }
    if (!p.supportsBackgroundImport() && !relaxations.allowNoBackgroundImport()) {
      return Optional.of(NO_BACKGROUND_IMPORT);
    }
    return p.disks().stream()
        .filter(d -> !d.supported())
        .findFirst()
        .map(d -> "Disk \"" + d.name() + "\" does not support snapshots");
  }
}
