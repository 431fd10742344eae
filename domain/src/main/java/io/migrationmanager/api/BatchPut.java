package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The editable part of a batch (spec §2.6): what {@code POST /1.0/batches} and {@code PUT /1.0/batches/{name}}
 * take and what {@code batch edit} shows, in the order of the user's document.
 *
 * @param includeExpression selects the batch's instances (spec §6.3)
 * @param migrationWindows when instances may be cut over; none = right after their background import
 * @param constraints per-instance rules, the last matching one applies
 */
@JsonPropertyOrder({"name", "include_expression", "migration_windows", "constraints", "defaults", "config"})
public record BatchPut(
    @JsonProperty("name") String name,
    @JsonProperty("include_expression") String includeExpression,
    @JsonProperty("migration_windows") List<MigrationWindow> migrationWindows,
    @JsonProperty("constraints") List<BatchConstraint> constraints,
    @JsonProperty("defaults") BatchDefaults defaults,
    @JsonProperty("config") BatchConfig config) {

  public BatchPut {
    name = name == null ? "" : name;
    includeExpression = includeExpression == null ? "" : includeExpression;
    migrationWindows = migrationWindows == null ? List.of() : List.copyOf(migrationWindows);
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
    defaults = defaults == null ? BatchDefaults.UNSET : defaults;
    config = config == null ? BatchConfig.UNSET : config;
  }
}
