package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** An Incus project ({@code GET /1.0/projects?recursion=1}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncusProject(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("config") Map<String, String> config) {

  /** Normalises absent values to empty ones. */
  public IncusProject {
    description = Immutables.string(description);
    config = Immutables.map(config);
  }
}
