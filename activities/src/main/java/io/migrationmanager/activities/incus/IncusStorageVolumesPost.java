package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of {@code POST /1.0/storage-pools/<pool>/volumes/custom} for a new, empty custom volume.
 *
 * @param contentType {@code block} or {@code filesystem}
 * @param config e.g. {@code size: "<bytes>B"}
 */
public record IncusStorageVolumesPost(
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("description") String description,
    @JsonProperty("config") Map<String, String> config) {

  /** Normalises absent values to empty ones. */
  public IncusStorageVolumesPost {
    description = Immutables.string(description);
    config = Immutables.map(config);
  }

  /** A custom block volume of {@code sizeBytes} (spec §9.1: {@code config: {size: "<bytes>B"}}). */
  public static IncusStorageVolumesPost customBlock(String name, long sizeBytes, String description) {
    return new IncusStorageVolumesPost(
        name, "custom", "block", description, Map.of("size", sizeBytes + "B"));
  }
}
