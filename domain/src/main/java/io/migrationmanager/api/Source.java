package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A registered source of VMs (spec §2.2). {@code source_type} is {@code vmware} (vCenter or standalone ESXi).
 *
 * @param syncing true while an inventory sync of this source runs (read-only)
 */
@JsonPropertyOrder({"name", "source_type", "properties", "syncing"})
public record Source(
    @JsonProperty("name") String name,
    @JsonProperty("source_type") String sourceType,
    @JsonProperty("properties") VmwareSourceProperties properties,
    @JsonProperty("syncing") boolean syncing) {

  public static final String TYPE_VMWARE = "vmware";
}
