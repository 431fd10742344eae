package io.migrationmanager.domain.instance;

import io.migrationmanager.lang.expr.Env;
import io.migrationmanager.lang.expr.Expr;
import io.migrationmanager.lang.expr.Program;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What include expressions see of an instance (spec §6.3): its properties after the override (name, CPUs,
 * memory, architecture, description, OS names, config merged), the derived OS classification, and its source.
 * The OS version is visible both as {@code os_version} (the user's document) and {@code os_description}
 * (newer name).
 */
public final class InstanceFilters {
  private static final Env ENV = Env.fromValues(environment(sample()));

  private InstanceFilters() {}

  /** The variables and their types, for compile-time checks ("unknown name foo"). */
  public static Env env() {
    return ENV;
  }

  /** Compiles a filter against the instance environment. */
  public static Program compile(String expression) {
    return Expr.compile(expression, ENV);
  }

  public static Map<String, Object> environment(InstanceRecord r) {
    InstanceProperties p = Overrides.apply(r.properties(), r.overrides());
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("name", p.name());
    env.put("cpus", p.cpus());
    env.put("memory", p.memory());
    env.put("config", p.config());
    env.put("architecture", p.architecture());
    env.put("uuid", p.uuid() == null ? "" : p.uuid().toString());
    env.put("source_specific_id", p.sourceSpecificId());
    env.put("location", p.location());
    env.put("description", p.description());
    env.put("os", p.os());
    env.put("os_version", p.osVersion());
    env.put("os_description", p.osVersion());
    env.put("os_template", p.osTemplate());
    env.put("secure_boot", p.secureBoot());
    env.put("legacy_boot", p.legacyBoot());
    env.put("tpm", p.tpm());
    env.put("running", p.running());
    env.put("background_import", p.backgroundImport());
    env.put("nics", p.nics());
    env.put("disks", p.disks());
    env.put("snapshots", p.snapshots());
    env.put("os_type", r.overrides().osType().isEmpty() ? OsClassifier.osType(p) : r.overrides().osType());
    env.put(
        "distribution",
        r.overrides().distribution().isEmpty() ? OsClassifier.distribution(p) : r.overrides().distribution());
    env.put(
        "distribution_version",
        r.overrides().distributionVersion().isEmpty()
            ? OsClassifier.distributionVersion(p)
            : r.overrides().distributionVersion());
    env.put("source", r.source());
    env.put("source_type", r.sourceType());
    env.put("last_update_from_source", r.lastUpdateFromSource() == null ? "" : r.lastUpdateFromSource().toString());
    return env;
  }

  private static InstanceRecord sample() {
    InstanceProperties p =
        new InstanceProperties(
            "", 0, 0, Map.of("k", "v"), "", UUID.randomUUID(), "", "", "", "", "", "", false, false, false, false,
            false, List.of(new InstanceNic(UUID.randomUUID(), "", "", "", "", "")),
            List.of(new InstanceDisk(0, "", false, false, false)), List.of(new InstanceSnapshot("")));
    return new InstanceRecord(UUID.randomUUID(), "", "", Instant.EPOCH, null, p);
  }
}
