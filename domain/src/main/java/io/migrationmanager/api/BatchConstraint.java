package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * A rule for the instances of a batch that match an expression (spec §2.6); when several match, the last one in
 * the batch's list applies.
 *
 * @param includeExpression selects the instances, in the language of batch include expressions
 * @param maxConcurrentInstances how many matching instances may be in their final migration at once; 0 =
 *     unlimited
 * @param minInstanceBootTime a matching instance only gets a window that leaves at least this much time (plus a
 *     minute) before the window ends; zero = no minimum
 */
@JsonPropertyOrder({"name", "description", "include_expression", "max_concurrent_instances", "min_instance_boot_time"})
public record BatchConstraint(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("include_expression") String includeExpression,
    @JsonProperty("max_concurrent_instances") @JsonSetter(nulls = Nulls.AS_EMPTY) int maxConcurrentInstances,
    @JsonProperty("min_instance_boot_time") GoDuration minInstanceBootTime) {

  public BatchConstraint {
    name = name == null ? "" : name;
    description = description == null ? "" : description;
    includeExpression = includeExpression == null ? "" : includeExpression;
    minInstanceBootTime = minInstanceBootTime == null ? GoDuration.ZERO : minInstanceBootTime;
  }
}
