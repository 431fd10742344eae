package io.migrationmanager.domain.instance;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a source reports about one VM (spec §2.4), as stored in the {@code instances.properties} column and
 * flattened into the API's {@code Instance}. Field names follow the user's document (the seed): the guest's
 * pretty OS name is {@code os_version}; the newer name {@code os_description} is accepted as an alias.
 *
 * @param name the VM name with every character outside {@code [-a-zA-Z0-9]} removed
 * @param memory bytes
 * @param config custom attributes ({@code attribute.<type>.<field>}), vCenter tags ({@code tag.<category>})
 *     and {@code vmware.resource_pool}
 * @param sourceSpecificId the VMware managed object reference, e.g. {@code VirtualMachine:vm-123}
 * @param location the inventory path, e.g. {@code /vc01/vm/Incus migrations/Ubuntu 2404}
 * @param os the guest's distribution name ({@code distroName}), needs VMware Tools
 * @param osVersion the guest's pretty name ({@code prettyName}), e.g. {@code Debian GNU/Linux 12 (bookworm)}
 * @param osTemplate {@code config.guestFullName}
 * @param backgroundImport whether change block tracking is enabled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstanceProperties(
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
    @JsonProperty("snapshots") List<InstanceSnapshot> snapshots) {

  public InstanceProperties {
    name = nullToEmpty(name);
    config = config == null ? Map.of() : Map.copyOf(config);
    architecture = nullToEmpty(architecture);
    sourceSpecificId = nullToEmpty(sourceSpecificId);
    location = nullToEmpty(location);
    description = nullToEmpty(description);
    os = nullToEmpty(os);
    osVersion = nullToEmpty(osVersion);
    osTemplate = nullToEmpty(osTemplate);
    nics = nics == null ? List.of() : List.copyOf(nics);
    disks = disks == null ? List.of() : List.copyOf(disks);
    snapshots = snapshots == null ? List.of() : List.copyOf(snapshots);
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * Whether the disks can be copied while the VM runs: change tracking is on and every supported disk's
   * change-tracking file was found on its datastore.
   */
  public boolean supportsBackgroundImport() {
    return backgroundImport
        && disks.stream().filter(InstanceDisk::supported).allMatch(InstanceDisk::backgroundImportVerified);
  }
}
