package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The instance properties a user may override, in the user's document's shape (the nested
 * {@code properties:} block of {@code instance override edit}). Zero and empty values mean "no override".
 *
 * @param name becomes the target VM's name; must be a valid hostname
 * @param memory bytes
 * @param config merged over the source's config (override wins per key)
 * @param os the distribution name, e.g. {@code Ubuntu}
 * @param osVersion the pretty OS name, e.g. {@code Ubuntu 24.04 (Noble)} ({@code os_description} accepted)
 */
@JsonPropertyOrder({"name", "description", "cpus", "memory", "config", "os", "os_version", "architecture"})
public record OverrideProperties(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("cpus") long cpus,
    @JsonProperty("memory") long memory,
    @JsonProperty("config") Map<String, String> config,
    @JsonProperty("os") String os,
    @JsonProperty("os_version") @JsonAlias("os_description") String osVersion,
    @JsonProperty("architecture") String architecture) {

  public static final OverrideProperties EMPTY = new OverrideProperties("", "", 0, 0, Map.of(), "", "", "");

  public OverrideProperties {
    name = name == null ? "" : name;
    description = description == null ? "" : description;
    config = config == null ? Map.of() : Map.copyOf(config);
    os = os == null ? "" : os;
    osVersion = osVersion == null ? "" : osVersion;
    architecture = architecture == null ? "" : architecture;
  }
}
