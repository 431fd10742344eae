package io.migrationmanager.domain.instance;

import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.api.OverrideProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/** Applying a user's override to source properties: non-empty, non-zero override values win; configs merge. */
public final class Overrides {
  private Overrides() {}

  public static InstanceProperties apply(InstanceProperties p, InstanceOverride override) {
    OverrideProperties o = override.properties();
    Map<String, String> config = new LinkedHashMap<>(p.config());
    config.putAll(o.config());
    return new InstanceProperties(
        pick(o.name(), p.name()),
        o.cpus() > 0 ? o.cpus() : p.cpus(),
        o.memory() > 0 ? o.memory() : p.memory(),
        config,
        pick(o.architecture(), p.architecture()),
        p.uuid(),
        p.sourceSpecificId(),
        p.location(),
        pick(o.description(), p.description()),
        pick(o.os(), p.os()),
        pick(o.osVersion(), p.osVersion()),
        p.osTemplate(),
        p.secureBoot(),
        p.legacyBoot(),
        p.tpm(),
        p.running(),
        p.backgroundImport(),
        p.nics(),
        p.disks(),
        p.snapshots());
  }

  /** Whether the user overrode the OS (name, version, type, distribution). */
  public static boolean overridesOs(InstanceOverride o) {
    return !o.properties().os().isEmpty()
        || !o.properties().osVersion().isEmpty()
        || !o.osType().isEmpty()
        || !o.distribution().isEmpty()
        || !o.distributionVersion().isEmpty();
  }

  private static String pick(String override, String original) {
    return override.isEmpty() ? original : override;
  }
}
