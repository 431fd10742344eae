package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a batch puts its instances unless its placement scriptlet says otherwise (spec §2.6, §6.6.1).
 *
 * @param target the target's name
 * @param targetProject the Incus project
 * @param storagePool the pool for every supported disk
 */
@JsonPropertyOrder({"target", "target_project", "storage_pool"})
public record BatchPlacement(
    @JsonProperty("target") String target,
    @JsonProperty("target_project") String targetProject,
    @JsonProperty("storage_pool") String storagePool) {

  /** Nothing chosen yet (the API fills in {@code default}). */
  public static final BatchPlacement UNSET = new BatchPlacement("", "", "");

  public BatchPlacement {
    target = target == null ? "" : target;
    targetProject = targetProject == null ? "" : targetProject;
    storagePool = storagePool == null ? "" : storagePool;
  }
}
