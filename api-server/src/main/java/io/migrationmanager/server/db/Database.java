package io.migrationmanager.server.db;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.migrationmanager.activities.mysql.MysqlSchema;
import io.migrationmanager.server.StartupException;
import io.migrationmanager.server.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the MySQL database, checks it answers, and brings its schema up to date. */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private Database() {}

  /** The JDBI handle for the service, with health check and metrics registered on {@code env}. */
  public static Jdbi open(DatabaseConfig config, Environment env) {
    requireConfigured(config);
    var factory = config.toDataSourceFactory();
    ManagedDataSource dataSource = factory.build(env.metrics(), "mysql");
    checkReachable(config, dataSource);
    var result = MysqlSchema.migrate(dataSource);
    LOG.info("Database schema at version {} ({} migrations applied now)", MysqlSchema.currentVersion(dataSource),
        result.migrationsExecuted);
    return new JdbiFactory().build(env, factory, dataSource, "mysql");
  }

  public static void requireConfigured(DatabaseConfig config) {
    if (config.getUrl().isBlank()) {
      throw new StartupException(
          "No database configured: set database.url (MySQL 8 or MariaDB 10.11), or start the service with "
              + "bin/migration-managerd, which sets up a local MariaDB");
    }
  }

  /** Fails with a one-line message naming the database when it does not answer. */
  public static void checkReachable(DatabaseConfig config, DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new StartupException(
          "Cannot connect to the database at "
              + config.getUrl()
              + " as user "
              + config.getUser()
              + " ("
              + firstLine(root.getMessage())
              + "): check database.url, database.user and database.password");
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no detail";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
