package io.migrationmanager.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.migrationmanager.api.GoDuration;

/**
 * Defaults for source inventory sync (spec §2.11 {@code settings}): how often each source is re-read, and
 * whether periodic sync is off (on-demand sync still works).
 */
public class SyncConfig {
  @JsonProperty private GoDuration interval = GoDuration.ofMinutes(10);
  @JsonProperty private boolean disableAutoSync;

  public GoDuration getInterval() {
    return interval;
  }

  public void setInterval(GoDuration interval) {
    this.interval = interval;
  }

  public boolean isDisableAutoSync() {
    return disableAutoSync;
  }

  public void setDisableAutoSync(boolean disableAutoSync) {
    this.disableAutoSync = disableAutoSync;
  }
}
