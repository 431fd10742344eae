package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A storage volume ({@code GET /1.0/storage-pools/<pool>/volumes?recursion=1}).
 *
 * @param type {@code custom}, {@code virtual-machine}, {@code container} or {@code image}
 * @param contentType {@code block} or {@code filesystem} (or {@code iso})
 * @param location the cluster member holding it ({@code none} on a standalone server)
 * @param usedBy instances and profiles using it, as API URLs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncusStorageVolume(
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("description") String description,
    @JsonProperty("config") Map<String, String> config,
    @JsonProperty("location") String location,
    @JsonProperty("project") String project,
    @JsonProperty("used_by") List<String> usedBy) {

  /** Normalises absent values to empty ones. */
  public IncusStorageVolume {
    type = Immutables.string(type);
    contentType = Immutables.string(contentType);
    description = Immutables.string(description);
    config = Immutables.map(config);
    location = Immutables.string(location);
    project = Immutables.string(project);
    usedBy = Immutables.list(usedBy);
  }
}
