package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A cluster member ({@code GET /1.0/cluster/members?recursion=1}); its name is what {@code ?target=} and an
 * instance's {@code location} use.
 *
 * @param status {@code Online}, {@code Offline}, {@code Evacuated}, ...
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncusClusterMember(
    @JsonProperty("server_name") String serverName,
    @JsonProperty("url") String url,
    @JsonProperty("status") String status,
    @JsonProperty("message") String message,
    @JsonProperty("architecture") String architecture,
    @JsonProperty("roles") List<String> roles) {

  /** Normalises absent values to empty ones. */
  public IncusClusterMember {
    url = Immutables.string(url);
    status = Immutables.string(status);
    message = Immutables.string(message);
    architecture = Immutables.string(architecture);
    roles = Immutables.list(roles);
  }
}
