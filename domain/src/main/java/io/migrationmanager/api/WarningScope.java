package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What a warning is about; in use: {@code {scope: sync, entity_type: source, entity: <source name>}}. */
@JsonPropertyOrder({"scope", "entity_type", "entity"})
public record WarningScope(
    @JsonProperty("scope") String scope,
    @JsonProperty("entity_type") String entityType,
    @JsonProperty("entity") String entity) {

  public static WarningScope syncOfSource(String source) {
    return new WarningScope("sync", "source", source);
  }
}
