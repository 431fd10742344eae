package io.migrationmanager.domain.placement;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migrationmanager.api.NetworkPlacement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a placement scriptlet chose (spec §6.6.2, §7: {@code set_target}, {@code set_project}, {@code set_pool},
 * {@code set_network}); empty values were not set. {@link Placements#merge} lays it over the default placement.
 *
 * @param target the target's name, or empty
 * @param project the Incus project, or empty
 * @param storagePools pools by disk name, for the disks the scriptlet placed
 * @param networks NIC placements by MAC address, for the NICs the scriptlet placed
 */
@JsonPropertyOrder({"target", "project", "storage_pools", "networks"})
public record PlacementOverrides(
    @JsonProperty("target") String target,
    @JsonProperty("project") String project,
    @JsonProperty("storage_pools") Map<String, String> storagePools,
    @JsonProperty("networks") Map<String, NetworkPlacement> networks) {

  /** A scriptlet that set nothing. */
  public static final PlacementOverrides NONE = new PlacementOverrides("", "", Map.of(), Map.of());

  public PlacementOverrides {
    target = target == null ? "" : target;
    project = project == null ? "" : project;
    storagePools = storagePools == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(storagePools));
    networks = networks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(networks));
  }
}
