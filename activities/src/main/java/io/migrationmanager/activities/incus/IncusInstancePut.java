package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The writable fields of an instance, the body of {@code PUT /1.0/instances/<name>}. A PUT replaces them all;
 * start from {@link IncusInstance#writable()} and change what is needed.
 */
public record IncusInstancePut(
    @JsonProperty("architecture") String architecture,
    @JsonProperty("description") String description,
    @JsonProperty("config") Map<String, String> config,
    @JsonProperty("devices") Map<String, Map<String, String>> devices,
    @JsonProperty("profiles") List<String> profiles,
    @JsonProperty("ephemeral") boolean ephemeral,
    @JsonProperty("stateful") boolean stateful) {

  /** Normalises absent values to empty ones. */
  public IncusInstancePut {
    architecture = Immutables.string(architecture);
    description = Immutables.string(description);
    config = Immutables.map(config);
    devices = Immutables.devices(devices);
    profiles = Immutables.list(profiles);
  }

  /** This body with another config map. */
  public IncusInstancePut withConfig(Map<String, String> newConfig) {
    return new IncusInstancePut(
        architecture, description, newConfig, devices, profiles, ephemeral, stateful);
  }

  /** This body with other devices. */
  public IncusInstancePut withDevices(Map<String, Map<String, String>> newDevices) {
    return new IncusInstancePut(
        architecture, description, config, newDevices, profiles, ephemeral, stateful);
  }

  /** This body with other profiles. */
  public IncusInstancePut withProfiles(List<String> newProfiles) {
    return new IncusInstancePut(
        architecture, description, config, devices, newProfiles, ephemeral, stateful);
  }

  /** This body with another description. */
  public IncusInstancePut withDescription(String newDescription) {
    return new IncusInstancePut(
        architecture, newDescription, config, devices, profiles, ephemeral, stateful);
  }
}
