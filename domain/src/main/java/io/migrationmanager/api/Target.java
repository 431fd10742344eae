package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A registered Incus target (spec §2.3); {@code target_type} is {@code incus}. */
@JsonPropertyOrder({"name", "target_type", "properties"})
public record Target(
    @JsonProperty("name") String name,
    @JsonProperty("target_type") String targetType,
    @JsonProperty("properties") IncusTargetProperties properties) {

  public static final String TYPE_INCUS = "incus";
}
