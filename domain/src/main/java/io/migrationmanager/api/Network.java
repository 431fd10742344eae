package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migrationmanager.domain.network.NetworkProperties;
import io.migrationmanager.domain.network.NetworkType;
import java.util.UUID;

/**
 * A source network used by imported VMs (spec §2.5).
 *
 * @param placement the computed default placement (read-only)
 * @param overrides the user's override; the effective placement is {@code placement.apply(overrides)}
 */
@JsonPropertyOrder({"uuid", "source_specific_id", "source", "type", "location", "properties", "placement", "overrides"})
public record Network(
    @JsonProperty("uuid") UUID uuid,
    @JsonProperty("source_specific_id") String sourceSpecificId,
    @JsonProperty("source") String source,
    @JsonProperty("type") NetworkType type,
    @JsonProperty("location") String location,
    @JsonProperty("properties") NetworkProperties properties,
    @JsonProperty("placement") NetworkPlacement placement,
    @JsonProperty("overrides") NetworkPlacement overrides) {

  public NetworkPlacement effectivePlacement() {
    return placement.apply(overrides);
  }
}
