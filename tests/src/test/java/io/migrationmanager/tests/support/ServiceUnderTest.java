package io.migrationmanager.tests.support;

import io.dropwizard.testing.DropwizardTestSupport;
import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.server.MigrationManagerApplication;
import io.migrationmanager.server.Services;
import io.migrationmanager.server.config.MigrationManagerConfiguration;
import io.migrationmanager.server.testing.TestConfigs;
import io.migrationmanager.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole service for an end-to-end test: a fresh MariaDB database, Temporal (the dev server in a fresh
 * namespace, or the embedded test server), HTTPS on a free port and the unix socket in a temporary directory;
 * plus a CLI runner pointed at it.
 */
public final class ServiceUnderTest implements AutoCloseable {
  private final TestDatabase db;
  private final Path dir;
  private final DropwizardTestSupport<MigrationManagerConfiguration> support;
  private boolean running;

  public ServiceUnderTest() throws IOException {
    db = TestDatabase.createEmpty();
    dir = Files.createTempDirectory("mm-e2e");
    MigrationManagerConfiguration config = TestConfigs.forTest(db, dir);
    if (TestTemporal.target() != null) {
      config.getTemporal().setTarget(TestTemporal.target());
      config.getTemporal().setNamespace(TestTemporal.freshNamespace());
    }
    support = new DropwizardTestSupport<>(MigrationManagerApplication.class, config);
  }

  public ServiceUnderTest start() throws Exception {
    support.before();
    running = true;
    return this;
  }

  /** Stops the service (its embedded Temporal goes with it); {@link #start()} brings it back. */
  public void stop() {
    if (running) {
      running = false;
      support.after();
    }
  }

  public Services services() {
    return ((MigrationManagerApplication) support.getApplication()).services();
  }

  public int httpsPort() {
    return support.getLocalPort();
  }

  public Path socket() {
    return dir.resolve("unix.socket");
  }

  public Path dataDir() {
    return dir;
  }

  /** A CLI whose "local" remote is this service. */
  public CliRunner cli() throws IOException {
    return new CliRunner(Files.createTempDirectory(dir, "cli")).with("MIGRATION_MANAGER_SOCKET", socket().toString());
  }

  @Override
  public void close() {
    try {
      stop();
    } finally {
      db.close();
    }
  }
}
