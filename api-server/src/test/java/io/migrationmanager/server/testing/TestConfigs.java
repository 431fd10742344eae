package io.migrationmanager.server.testing;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.migrationmanager.server.config.MigrationManagerConfiguration;
import io.migrationmanager.server.http.UnixSocketConnectorFactory;
import io.migrationmanager.testsupport.TestDatabase;
import java.nio.file.Path;

/** Service configurations for tests: a test database, free ports, files in a temporary directory. */
public final class TestConfigs {
  private TestConfigs() {}

  public static MigrationManagerConfiguration forTest(TestDatabase db, Path dataDir) {
    MigrationManagerConfiguration config = new MigrationManagerConfiguration();
    config.setDataDir(dataDir.toString());
    config.getDatabase().setUrl(db.url());
    config.getDatabase().setUser(db.user());
    config.getDatabase().setPassword(db.password());
    config.getTemporal().setEmbeddedPort(0);
    DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
    for (var c : server.getApplicationConnectors()) {
      if (c instanceof HttpConnectorFactory http) {
        http.setBindHost("127.0.0.1");
        http.setPort(0);
      }
      if (c instanceof UnixSocketConnectorFactory unix) {
        unix.setPath(dataDir.resolve("unix.socket").toString());
      }
    }
    for (var c : server.getAdminConnectors()) {
      ((HttpConnectorFactory) c).setPort(0);
    }
    return config;
  }
}
