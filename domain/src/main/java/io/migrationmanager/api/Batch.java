package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migrationmanager.domain.batch.BatchStatus;
import java.time.Instant;
import java.util.List;

/**
 * A batch as the API shows it (spec §2.6): the fields of {@link BatchPut}, flattened, then the read-only
 * status fields.
 *
 * @param statusMessage normally the status itself; a progress or error text otherwise
 * @param startDate when the batch was last started; {@code null} while {@code Defined}
 */
@JsonPropertyOrder({
  "name", "include_expression", "migration_windows", "constraints", "defaults", "config", "status",
  "status_message", "start_date"
})
public record Batch(
    @JsonProperty("name") String name,
    @JsonProperty("include_expression") String includeExpression,
    @JsonProperty("migration_windows") List<MigrationWindow> migrationWindows,
    @JsonProperty("constraints") List<BatchConstraint> constraints,
    @JsonProperty("defaults") BatchDefaults defaults,
    @JsonProperty("config") BatchConfig config,
    @JsonProperty("status") BatchStatus status,
    @JsonProperty("status_message") String statusMessage,
    @JsonProperty("start_date") @GoTime.Wire Instant startDate) {

  public Batch {
    name = name == null ? "" : name;
    includeExpression = includeExpression == null ? "" : includeExpression;
    migrationWindows = migrationWindows == null ? List.of() : List.copyOf(migrationWindows);
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
    defaults = defaults == null ? BatchDefaults.UNSET : defaults;
    config = config == null ? BatchConfig.UNSET : config;
    status = status == null ? BatchStatus.DEFINED : status;
    statusMessage = statusMessage == null ? "" : statusMessage;
  }

  /** The batch made of its editable part and its status. */
  public static Batch of(BatchPut put, BatchStatus status, String statusMessage, Instant startDate) {
    return new Batch(
        put.name(), put.includeExpression(), put.migrationWindows(), put.constraints(), put.defaults(),
        put.config(), status, statusMessage, startDate);
  }

  /** The editable part. */
  public BatchPut put() {
    return new BatchPut(name, includeExpression, migrationWindows, constraints, defaults, config);
  }
}
