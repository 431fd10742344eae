package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * An Incus network as seen from a project ({@code GET /1.0/networks?recursion=1&project=}). Unmanaged host
 * interfaces are listed too ({@code managed == false}, type {@code physical}, {@code loopback}, ...).
 *
 * @param type {@code bridge}, {@code ovn}, {@code macvlan}, {@code sriov}, {@code physical}, ...
 * @param project the project owning the network (the default project when the queried project has no
 *     networks of its own)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncusNetwork(
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("managed") boolean managed,
    @JsonProperty("description") String description,
    @JsonProperty("status") String status,
    @JsonProperty("config") Map<String, String> config,
    @JsonProperty("project") String project) {

  /** Normalises absent values to empty ones. */
  public IncusNetwork {
    type = Immutables.string(type);
    description = Immutables.string(description);
    status = Immutables.string(status);
    config = Immutables.map(config);
    project = Immutables.string(project);
  }

  /** {@code config["ipv4.address"]}: a CIDR address, {@code none}, or empty when unset. */
  public String ipv4Address() {
    return config.getOrDefault("ipv4.address", "");
  }
}
