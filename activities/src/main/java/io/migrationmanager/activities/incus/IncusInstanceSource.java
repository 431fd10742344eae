package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code source} of {@code POST /1.0/instances}: {@code none} for an empty instance (how Migration Manager
 * creates VMs, spec §9.2) or a local image alias.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncusInstanceSource(
    @JsonProperty("type") String type, @JsonProperty("alias") String alias) {

  /** An empty instance. */
  public static IncusInstanceSource none() {
    return new IncusInstanceSource("none", null);
  }

  /** An instance from a local image, by alias. */
  public static IncusInstanceSource image(String alias) {
    return new IncusInstanceSource("image", alias);
  }
}
