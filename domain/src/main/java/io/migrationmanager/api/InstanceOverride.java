package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migrationmanager.domain.error.ValidationException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A user's override of an instance (spec §2.4.3), in the shape of the user's document:
 *
 * <pre>
 * last_update: 2025-11-18T23:53:11.068675129Z
 * comment: "Override OS and OS version (no VMware guest agent)"
 * disable_migration: false
 * ignore_restrictions: false
 * properties:
 *   name: ""
 *   ...
 * </pre>
 *
 * <p>The newer flat form of the original is accepted as well: {@code name}, {@code cpus}, {@code memory},
 * {@code config}, {@code architecture} at the top level are read into {@code properties} (giving one both ways
 * with different values is an error); {@code os_type}, {@code distribution}, {@code distribution_version},
 * {@code started_after_migration} and {@code stopped_after_migration} have no place in the older shape and are
 * kept at the top level, shown only when set.
 *
 * @param lastUpdate set by the server on every change (read-only)
 * @param disableMigration the instance must not be migrated (cannot be bypassed)
 * @param ignoreRestrictions migrate even if restrictions would block it
 */
@JsonPropertyOrder({
  "last_update", "comment", "disable_migration", "ignore_restrictions", "properties", "os_type", "distribution",
  "distribution_version", "started_after_migration", "stopped_after_migration"
})
public record InstanceOverride(
    @JsonProperty("last_update") @GoTime.Wire Instant lastUpdate,
    @JsonProperty("comment") String comment,
    @JsonProperty("disable_migration") boolean disableMigration,
    @JsonProperty("ignore_restrictions") boolean ignoreRestrictions,
    @JsonProperty("properties") OverrideProperties properties,
    @JsonProperty("os_type") @JsonInclude(JsonInclude.Include.NON_EMPTY) String osType,
    @JsonProperty("distribution") @JsonInclude(JsonInclude.Include.NON_EMPTY) String distribution,
    @JsonProperty("distribution_version") @JsonInclude(JsonInclude.Include.NON_EMPTY) String distributionVersion,
    @JsonProperty("started_after_migration") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        boolean startedAfterMigration,
    @JsonProperty("stopped_after_migration") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        boolean stoppedAfterMigration) {

  /** No override at all. */
  public static final InstanceOverride EMPTY =
      new InstanceOverride(null, "", false, false, OverrideProperties.EMPTY, "", "", "", false, false);

  public InstanceOverride {
    comment = comment == null ? "" : comment;
    properties = properties == null ? OverrideProperties.EMPTY : properties;
    osType = osType == null ? "" : osType;
    distribution = distribution == null ? "" : distribution;
    distributionVersion = distributionVersion == null ? "" : distributionVersion;
  }

  /** Reads both the document's nested shape and the newer flat shape. */
  @JsonCreator
  static InstanceOverride fromJson(
      @JsonProperty("last_update") @GoTime.Wire Instant lastUpdate,
      @JsonProperty("comment") String comment,
      @JsonProperty("disable_migration") Boolean disableMigration,
      @JsonProperty("ignore_restrictions") Boolean ignoreRestrictions,
      @JsonProperty("properties") OverrideProperties properties,
      @JsonProperty("os_type") String osType,
      @JsonProperty("distribution") String distribution,
      @JsonProperty("distribution_version") String distributionVersion,
      @JsonProperty("started_after_migration") Boolean startedAfterMigration,
      @JsonProperty("stopped_after_migration") Boolean stoppedAfterMigration,
      @JsonProperty("name") String flatName,
      @JsonProperty("description") String flatDescription,
      @JsonProperty("cpus") Long flatCpus,
      @JsonProperty("memory") Long flatMemory,
      @JsonProperty("config") Map<String, String> flatConfig,
      @JsonProperty("architecture") String flatArchitecture) {
    OverrideProperties p = properties == null ? OverrideProperties.EMPTY : properties;
    p =
        new OverrideProperties(
            merge("name", p.name(), flatName, ""),
            merge("description", p.description(), flatDescription, ""),
            merge("cpus", p.cpus(), flatCpus, 0L),
            merge("memory", p.memory(), flatMemory, 0L),
            merge("config", p.config(), flatConfig, Map.of()),
            p.os(),
            p.osVersion(),
            merge("architecture", p.architecture(), flatArchitecture, ""));
    return new InstanceOverride(
        lastUpdate,
        comment,
        Boolean.TRUE.equals(disableMigration),
        Boolean.TRUE.equals(ignoreRestrictions),
        p,
        osType,
        distribution,
        distributionVersion,
        Boolean.TRUE.equals(startedAfterMigration),
        Boolean.TRUE.equals(stoppedAfterMigration));
  }

  private static <T> T merge(String field, T nested, T flat, T empty) {
    if (flat == null || flat.equals(empty)) {
      return nested;
    }
    if (!nested.equals(empty) && !Objects.equals(nested, flat)) {
      throw new ValidationException(
          "Field \"" + field + "\" is given both at the top level and under \"properties\" with different values");
    }
    return flat;
  }

  public InstanceOverride withLastUpdate(Instant when) {
    return new InstanceOverride(when, comment, disableMigration, ignoreRestrictions, properties, osType,
        distribution, distributionVersion, startedAfterMigration, stoppedAfterMigration);
  }
}
