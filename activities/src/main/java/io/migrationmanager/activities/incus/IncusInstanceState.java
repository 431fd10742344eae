package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The run state of an instance ({@code GET /1.0/instances/<name>/state}).
 *
 * @param statusCode 103 running, 102 stopped (and other Incus status codes)
 * @param processes process count; for a VM it is reported by the guest agent, so a value above zero means the
 *     agent runs (Migration Manager's readiness check); {@code -1} or {@code 0} otherwise
 * @param pid the host PID of the instance's main process, {@code 0} when stopped
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncusInstanceState(
    @JsonProperty("status") String status,
    @JsonProperty("status_code") int statusCode,
    @JsonProperty("processes") long processes,
    @JsonProperty("pid") long pid,
    @JsonProperty("started_at") String startedAt) {

  /** Status code of a running instance. */
  public static final int RUNNING = 103;

  /** Status code of a stopped instance. */
  public static final int STOPPED = 102;

  /** Normalises absent values to empty ones. */
  public IncusInstanceState {
    status = Immutables.string(status);
    startedAt = Immutables.string(startedAt);
  }

  /** True when the instance runs. */
  public boolean running() {
    return statusCode == RUNNING;
  }
}
