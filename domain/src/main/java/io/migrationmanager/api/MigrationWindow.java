package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A period in which a batch's instances may be cut over (spec §2.7). Times are {@code null} when not set
 * (Go's zero time on the wire, see {@link GoTime}).
 *
 * @param name unique within the batch
 * @param start when final imports may begin; {@code null} = already started
 * @param end when the window closes; {@code null} = open-ended
 * @param lockout after this no new queue entries are assigned to the window; {@code null} = none
 */
@JsonPropertyOrder({"name", "start", "end", "lockout", "config"})
public record MigrationWindow(
    @JsonProperty("name") String name,
    @JsonProperty("start") @GoTime.Wire Instant start,
    @JsonProperty("end") @GoTime.Wire Instant end,
    @JsonProperty("lockout") @GoTime.Wire Instant lockout,
    @JsonProperty("config") MigrationWindowConfig config) {

  /**
   * The window of a batch that has none: it has begun and never ends, so instances migrate right after their
   * background import.
   */
  public static final MigrationWindow EMPTY = new MigrationWindow("", null, null, null, MigrationWindowConfig.NONE);

  public MigrationWindow {
    name = name == null ? "" : name;
    config = config == null ? MigrationWindowConfig.NONE : config;
  }

  /** Whether this is the {@linkplain #EMPTY empty window} (no times set). */
  @JsonIgnore
  public boolean isEmpty() {
    return start == null && end == null && lockout == null;
  }
}
