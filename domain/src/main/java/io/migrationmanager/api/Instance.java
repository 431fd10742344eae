package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An imported VM as the API shows it (spec §2.4): the source's properties, flattened, without overrides
 * applied, plus the source, the derived OS classification and the user's override. Field names follow the
 * user's document ({@code os_version}; {@code os_description} is accepted as an alias on input).
 *
 * @param osType derived: {@code windows}, {@code linux}, {@code bsd} or {@code fortigate}
 * @param distribution derived, e.g. {@code ubuntu}, {@code centos}, {@code other}
 * @param distributionVersion derived, e.g. {@code 24.04}, {@code 9}, {@code Server 2016}
 */
@JsonPropertyOrder({
  "name", "cpus", "memory", "config", "architecture", "uuid", "source_specific_id", "location", "description",
  "os", "os_version", "os_template", "secure_boot", "legacy_boot", "tpm", "running", "background_import", "nics",
  "disks", "snapshots", "source", "source_type", "os_type", "distribution", "distribution_version",
  "last_update_from_source", "overrides"
})
public record Instance(
    @JsonProperty("name") String name,
    @JsonProperty("cpus") long cpus,
    @JsonProperty("memory") long memory,
    @JsonProperty("config") Map<String, String> config,
    @JsonProperty("architecture") String architecture,
    @JsonProperty("uuid") UUID uuid,
    @JsonProperty("source_specific_id") String sourceSpecificId,
    @JsonProperty("location") String location,
    @JsonProperty("description") String description,
    @JsonProperty("os") String os,
    @JsonProperty("os_version") @JsonAlias("os_description") String osVersion,
    @JsonProperty("os_template") String osTemplate,
    @JsonProperty("secure_boot") boolean secureBoot,
    @JsonProperty("legacy_boot") boolean legacyBoot,
    @JsonProperty("tpm") boolean tpm,
    @JsonProperty("running") boolean running,
    @JsonProperty("background_import") boolean backgroundImport,
    @JsonProperty("nics") List<InstanceNic> nics,
    @JsonProperty("disks") List<InstanceDisk> disks,
    @JsonProperty("snapshots") List<InstanceSnapshot> snapshots,
    @JsonProperty("source") String source,
    @JsonProperty("source_type") String sourceType,
    @JsonProperty("os_type") String osType,
    @JsonProperty("distribution") String distribution,
    @JsonProperty("distribution_version") String distributionVersion,
    @JsonProperty("last_update_from_source") Instant lastUpdateFromSource,
    @JsonProperty("overrides") InstanceOverride overrides) {}
