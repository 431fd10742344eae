package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The network the worker of a batch uses to reach Migration Manager on one target project (spec §2.6); a batch
 * has at most one per (target, project).
 *
 * @param nictype {@code managed}, {@code bridged} or {@code physical}
 * @param vlanId a VLAN id or list, only with {@code bridged} or {@code physical}
 */
@JsonPropertyOrder({"network", "nictype", "vlan_id", "target", "target_project"})
public record MigrationNetwork(
    @JsonProperty("network") String network,
    @JsonProperty("nictype") String nictype,
    @JsonProperty("vlan_id") String vlanId,
    @JsonProperty("target") String target,
    @JsonProperty("target_project") String targetProject) {

  public MigrationNetwork {
    network = network == null ? "" : network;
    nictype = nictype == null ? "" : nictype;
    vlanId = vlanId == null ? "" : vlanId;
    target = target == null ? "" : target;
    targetProject = targetProject == null ? "" : targetProject;
  }
}
