package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code PUT /1.0/instances/<name>/state}.
 *
 * @param action {@code start}, {@code stop}, {@code restart}, {@code freeze} or {@code unfreeze}
 * @param timeout seconds to wait for a clean stop; {@code -1} waits as long as it takes
 * @param force kill instead of a clean shutdown
 */
public record IncusInstanceStatePut(
    @JsonProperty("action") String action,
    @JsonProperty("timeout") int timeout,
    @JsonProperty("force") boolean force,
    @JsonProperty("stateful") boolean stateful) {

  /** {@code {action: start, timeout: -1}}. */
  public static IncusInstanceStatePut start() {
    return new IncusInstanceStatePut("start", -1, false, false);
  }

  /** {@code {action: stop, timeout: -1, force: <force>}}. */
  public static IncusInstanceStatePut stop(boolean force) {
    return new IncusInstanceStatePut("stop", -1, force, false);
  }
}
