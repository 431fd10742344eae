package io.migrationmanager.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.migrationmanager.cli.CliEnvironment;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The client's configuration directory: {@code config.yml} and the client key pair.
 *
 * <p>The directory is {@code $MIGRATION_MANAGER_CONF}, else {@code
 * $HOME/.config/migration-manager}; it is created with mode 0750 on first use.
 */
public final class ConfigStore {

  private static final Set<String> AUTH_TYPES =
      Set.of(Remote.AUTH_TLS, Remote.AUTH_OIDC, Remote.AUTH_UNTRUSTED);

  private final Path directory;

  /** A store in {@code directory}. */
  public ConfigStore(Path directory) {
    this.directory = directory;
  }

  /** The store the environment points at. */
  public static ConfigStore from(CliEnvironment environment) {
    String configured = environment.variable("MIGRATION_MANAGER_CONF");
    if (!configured.isEmpty()) {
      return new ConfigStore(Path.of(configured));
    }
    String home = environment.variable("HOME");
    if (home.isEmpty()) {
      home = System.getProperty("user.home");
    }
    return new ConfigStore(Path.of(home, ".config", "migration-manager"));
  }

  /** Reads {@code config.yml}; a missing file is the empty configuration. */
  public ClientConfig load() {
    Path file = configFile();
    if (!Files.exists(file)) {
      return ClientConfig.empty();
    }
    ClientConfig config;
    try {
      config = Json.YAML.readValue(Files.readString(file), ClientConfig.class);
    } catch (JsonProcessingException e) {
      throw new CliException("Failed to parse " + file + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CliException("Failed to read " + file + ": " + e.getMessage(), e);
    }
    if (config == null) {
      return ClientConfig.empty();
    }
    for (Remote remote : config.remotes().values()) {
      if (!AUTH_TYPES.contains(remote.authType())) {
        throw new CliException("Invalid value for config key auth_type: " + remote.authType());
      }
    }
    return config;
  }

  /** Writes {@code config.yml}. */
  public void save(ClientConfig config) {
    try {
      ensureDirectory();
      Files.writeString(configFile(), Json.toYaml(config));
    } catch (IOException e) {
      throw new CliException("Failed to update client config: " + e.getMessage(), e);
    }
  }

  /** The client key pair, generated on first use. */
  public ClientCertificate clientCertificate() {
    try {
      ensureDirectory();
      return ClientCertificate.loadOrCreate(directory);
    } catch (IOException e) {
      throw new CliException("Failed to set up the client certificate: " + e.getMessage(), e);
    }
  }

  private Path configFile() {
    return directory.resolve("config.yml");
  }

  private void ensureDirectory() throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory);
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-x---"));
    }
  }
}
