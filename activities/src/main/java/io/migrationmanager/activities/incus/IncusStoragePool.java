package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An Incus storage pool ({@code GET /1.0/storage-pools[/<name>]}).
 *
 * @param locations cluster members the pool exists on ({@code ["none"]} on a standalone server)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncusStoragePool(
    @JsonProperty("name") String name,
    @JsonProperty("driver") String driver,
    @JsonProperty("description") String description,
    @JsonProperty("status") String status,
    @JsonProperty("config") Map<String, String> config,
    @JsonProperty("locations") List<String> locations) {

  /** Normalises absent values to empty ones. */
  public IncusStoragePool {
    description = Immutables.string(description);
    status = Immutables.string(status);
    config = Immutables.map(config);
    locations = Immutables.list(locations);
  }
}
