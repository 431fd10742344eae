package io.migrationmanager.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.migrationmanager.server.http.HttpsConnectorFactory;
import io.migrationmanager.server.http.UnixSocketConnectorFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * The service's YAML configuration. Every key has a default, so the service starts without a file; see
 * README.md "Configuration reference" for the keys.
 */
public class MigrationManagerConfiguration extends Configuration {
  /** Where the service keeps its files: TLS certificate and key, the unix socket, artifacts. */
  @JsonProperty @NotNull private String dataDir = defaultDataDir();

  @JsonProperty @Valid @NotNull private DatabaseConfig database = new DatabaseConfig();
  @JsonProperty @Valid @NotNull private TemporalConfig temporal = new TemporalConfig();
  @JsonProperty @Valid @NotNull private SyncConfig sync = new SyncConfig();
  @JsonProperty @Valid @NotNull private SecurityConfig security = new SecurityConfig();

  /** Largest request body accepted, in bytes. */
  @JsonProperty private long maxRequestBytes = 4L * 1024 * 1024;

  /** Set by the {@code worker} command: no API listeners, no reconciler, only the Temporal worker. */
  private boolean workerOnly;

  public MigrationManagerConfiguration() {
    DefaultServerFactory server = new DefaultServerFactory();
    server.setApplicationConnectors(List.of(new HttpsConnectorFactory(), new UnixSocketConnectorFactory()));
    HttpConnectorFactory admin = new HttpConnectorFactory();
    admin.setBindHost("127.0.0.1");
    admin.setPort(6444);
    server.setAdminConnectors(List.of(admin));
    server.setRegisterDefaultExceptionMappers(false);
    setServerFactory(server);
  }

  static String defaultDataDir() {
    String dir = System.getenv("MIGRATION_MANAGER_DIR");
    return dir == null || dir.isBlank() ? "/var/lib/migration-manager" : dir;
  }

  public Path dataDir() {
    return Path.of(dataDir);
  }

  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }

  public DatabaseConfig getDatabase() {
    return database;
  }

  public TemporalConfig getTemporal() {
    return temporal;
  }

  public SyncConfig getSync() {
    return sync;
  }

  public SecurityConfig getSecurity() {
    return security;
  }

  public boolean isWorkerOnly() {
    return workerOnly;
  }

  public void setWorkerOnly(boolean workerOnly) {
    this.workerOnly = workerOnly;
  }

  public long getMaxRequestBytes() {
    return maxRequestBytes;
  }
}
