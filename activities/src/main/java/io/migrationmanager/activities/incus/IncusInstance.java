package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An Incus instance ({@code GET /1.0/instances/<name>}): its own config and devices, what profiles add
 * ({@code expanded_*}), and where and in which state it is.
 *
 * @param type {@code virtual-machine} or {@code container}
 * @param status e.g. {@code Running}, {@code Stopped}
 * @param statusCode Incus status code: 103 running, 102 stopped
 * @param location the cluster member running it ({@code none} on a standalone server)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncusInstance(
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("architecture") String architecture,
    @JsonProperty("description") String description,
    @JsonProperty("config") Map<String, String> config,
    @JsonProperty("devices") Map<String, Map<String, String>> devices,
    @JsonProperty("profiles") List<String> profiles,
    @JsonProperty("ephemeral") boolean ephemeral,
    @JsonProperty("stateful") boolean stateful,
    @JsonProperty("status") String status,
    @JsonProperty("status_code") int statusCode,
    @JsonProperty("location") String location,
    @JsonProperty("project") String project,
    @JsonProperty("expanded_config") Map<String, String> expandedConfig,
    @JsonProperty("expanded_devices") Map<String, Map<String, String>> expandedDevices,
    @JsonProperty("created_at") String createdAt) {

  /** Instance type of virtual machines. */
  public static final String VIRTUAL_MACHINE = "virtual-machine";

  /** Instance type of system containers. */
  public static final String CONTAINER = "container";

  /** Normalises absent values to empty ones. */
  public IncusInstance {
    type = Immutables.string(type);
    architecture = Immutables.string(architecture);
    description = Immutables.string(description);
    config = Immutables.map(config);
    devices = Immutables.devices(devices);
    profiles = Immutables.list(profiles);
    status = Immutables.string(status);
    location = Immutables.string(location);
    project = Immutables.string(project);
    expandedConfig = Immutables.map(expandedConfig);
    expandedDevices = Immutables.devices(expandedDevices);
    createdAt = Immutables.string(createdAt);
  }

  /** True when the instance runs ({@code status_code} 103). */
  public boolean running() {
    return statusCode == IncusInstanceState.RUNNING;
  }

  /** The writable part, to change and send back with {@code PUT /1.0/instances/<name>}. */
  public IncusInstancePut writable() {
    return new IncusInstancePut(
        architecture, description, config, devices, profiles, ephemeral, stateful);
  }
}
