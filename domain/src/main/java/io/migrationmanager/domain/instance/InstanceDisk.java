package io.migrationmanager.domain.instance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One virtual disk of a VM.
 *
 * @param capacity bytes, greater than zero
 * @param name the base disk file, e.g. {@code [datastore-01] CentOS9/CentOS9.vmdk} (the root of the
 *     snapshot chain)
 * @param shared multi-writer sharing is on
 * @param supported false for raw device mappings, independent disks, shared disks and unknown backings
 * @param backgroundImportVerified the disk's {@code -ctk.vmdk} change-tracking file was found on its datastore
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstanceDisk(
    @JsonProperty("capacity") long capacity,
    @JsonProperty("name") String name,
    @JsonProperty("shared") boolean shared,
    @JsonProperty("supported") boolean supported,
    @JsonProperty("background_import_verified") boolean backgroundImportVerified) {

  public InstanceDisk {
    name = InstanceProperties.nullToEmpty(name);
  }

  public InstanceDisk withBackgroundImportVerified(boolean verified) {
    return new InstanceDisk(capacity, name, shared, supported, verified);
  }
}
