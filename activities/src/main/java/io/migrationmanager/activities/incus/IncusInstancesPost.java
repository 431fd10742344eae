package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /1.0/instances} (spec §9.2).
 *
 * @param type {@link IncusInstance#VIRTUAL_MACHINE} or {@link IncusInstance#CONTAINER}
 * @param profiles {@code null} to get Incus' default ({@code ["default"]})
 * @param start whether Incus starts the instance once created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncusInstancesPost(
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("source") IncusInstanceSource source,
    @JsonProperty("architecture") String architecture,
    @JsonProperty("description") String description,
    @JsonProperty("config") Map<String, String> config,
    @JsonProperty("devices") Map<String, Map<String, String>> devices,
    @JsonProperty("profiles") List<String> profiles,
    @JsonProperty("start") boolean start) {

  /** Copies the collections; absent config and devices become empty. */
  public IncusInstancesPost {
    config = Immutables.map(config);
    devices = Immutables.devices(devices);
    profiles = profiles == null ? null : List.copyOf(profiles);
  }

  /** An empty, stopped virtual machine with the given config and devices and the default profile. */
  public static IncusInstancesPost emptyVirtualMachine(
      String name,
      String architecture,
      String description,
      Map<String, String> config,
      Map<String, Map<String, String>> devices) {
    return new IncusInstancesPost(
        name,
        IncusInstance.VIRTUAL_MACHINE,
        IncusInstanceSource.none(),
        architecture,
        description,
        config,
        devices,
        null,
        false);
  }
}
