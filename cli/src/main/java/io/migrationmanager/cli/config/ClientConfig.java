package io.migrationmanager.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of {@code config.yml}.
 *
 * @param defaultRemote the remote commands talk to; {@code ""} means the local unix socket
 * @param remotes the configured remotes by name
 */
public record ClientConfig(
    @JsonProperty("default_remote") String defaultRemote,
    @JsonProperty("remotes") Map<String, Remote> remotes) {

  /** The name that always means the local unix socket. */
  public static final String LOCAL = "local";

  public ClientConfig {
    defaultRemote = defaultRemote == null ? "" : defaultRemote;
    remotes = remotes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(remotes));
  }

  /** No remotes; the local unix socket is the default. */
  public static ClientConfig empty() {
    return new ClientConfig("", Map.of());
  }

  /** This configuration with {@code remote} stored under {@code name}. */
  public ClientConfig withRemote(String name, Remote remote) {
    Map<String, Remote> changed = new TreeMap<>(remotes);
    changed.put(name, remote);
    return new ClientConfig(defaultRemote, changed);
  }

  /**
   * This configuration without the remote {@code name}; if it was the default, the default becomes
   * local.
   */
  public ClientConfig withoutRemote(String name) {
    Map<String, Remote> changed = new TreeMap<>(remotes);
    changed.remove(name);
    return new ClientConfig(name.equals(defaultRemote) ? "" : defaultRemote, changed);
  }

  /** This configuration with {@code name} as the default remote ({@code ""} for local). */
  public ClientConfig withDefaultRemote(String name) {
    return new ClientConfig(name, remotes);
  }
}
