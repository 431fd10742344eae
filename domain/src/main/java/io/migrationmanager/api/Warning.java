package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migrationmanager.domain.warning.WarningType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A warning (spec §2.9), unique per type and scope; re-raising it merges messages and counts.
 *
 * @param status {@code new} or {@code acknowledged}
 */
@JsonPropertyOrder({
  "status", "uuid", "scope", "type", "first_seen_date", "last_seen_date", "updated_date", "messages", "count"
})
public record Warning(
    @JsonProperty("status") String status,
    @JsonProperty("uuid") UUID uuid,
    @JsonProperty("scope") WarningScope scope,
    @JsonProperty("type") WarningType type,
    @JsonProperty("first_seen_date") Instant firstSeenDate,
    @JsonProperty("last_seen_date") Instant lastSeenDate,
    @JsonProperty("updated_date") Instant updatedDate,
    @JsonProperty("messages") List<String> messages,
    @JsonProperty("count") int count) {

  public static final String STATUS_NEW = "new";
  public static final String STATUS_ACKNOWLEDGED = "acknowledged";
}
