package io.migrationmanager.domain.instance;

import io.migrationmanager.api.Instance;

/** The API view of a stored instance. */
public final class InstanceViews {
  private InstanceViews() {}

  /**
   * Flattens the source properties (as reported, without overrides) and adds the OS classification. The
   * original derives {@code os_type}, {@code distribution} and {@code distribution_version} ignoring the
   * override; we derive them from the overridden properties, so an OS override shows where it matters.
   */
  public static Instance toApi(InstanceRecord r) {
    InstanceProperties p = r.properties();
    InstanceProperties effective = Overrides.apply(p, r.overrides());
    String osType = r.overrides().osType().isEmpty() ? OsClassifier.osType(effective) : r.overrides().osType();
    String distribution =
        r.overrides().distribution().isEmpty() ? OsClassifier.distribution(effective) : r.overrides().distribution();
    String version =
        r.overrides().distributionVersion().isEmpty()
            ? OsClassifier.distributionVersion(effective)
            : r.overrides().distributionVersion();
    return new Instance(
        p.name(), p.cpus(), p.memory(), p.config(), p.architecture(), p.uuid(), p.sourceSpecificId(), p.location(),
        p.description(), p.os(), p.osVersion(), p.osTemplate(), p.secureBoot(), p.legacyBoot(), p.tpm(),
        p.running(), p.backgroundImport(), p.nics(), p.disks(), p.snapshots(), r.source(), r.sourceType(), osType,
        distribution, version, r.lastUpdateFromSource(), r.overrides());
  }
}
