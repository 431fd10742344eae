package io.migrationmanager.domain.placement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migrationmanager.api.NetworkPlacement;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a queue entry's instance goes (spec §2.8 {@code placement}). Maps are kept sorted by key, as Go writes
 * them.
 *
 * @param targetName the target's name (omitted when empty)
 * @param targetProject the Incus project (omitted when empty)
 * @param storagePools the pool of each supported disk, by disk name ({@code [ds1] vm/vm.vmdk})
 * @param networks the placement of each NIC, by MAC address
 * @param running whether the target VM is started after the migration
 */
@JsonPropertyOrder({"target_name", "target_project", "storage_pools", "networks", "running"})
public record Placement(
    @JsonProperty("target_name") @JsonInclude(JsonInclude.Include.NON_EMPTY) String targetName,
    @JsonProperty("target_project") @JsonInclude(JsonInclude.Include.NON_EMPTY) String targetProject,
    @JsonProperty("storage_pools") SortedMap<String, String> storagePools,
    @JsonProperty("networks") SortedMap<String, NetworkPlacement> networks,
    @JsonProperty("running") boolean running) {

  public Placement {
    targetName = targetName == null ? "" : targetName;
    targetProject = targetProject == null ? "" : targetProject;
    storagePools = sorted(storagePools);
    networks = sorted(networks);
  }

  /** A placement with the given maps, copied and sorted. */
  public static Placement of(
      String targetName,
      String targetProject,
      Map<String, String> storagePools,
      Map<String, NetworkPlacement> networks,
      boolean running) {
    return new Placement(targetName, targetProject, sorted(storagePools), sorted(networks), running);
  }

  private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
    return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
  }

  /** This placement with another running flag (the instance's start/stop-after-migration override changed). */
  public Placement withRunning(boolean value) {
    return new Placement(targetName, targetProject, storagePools, networks, value);
  }
}
