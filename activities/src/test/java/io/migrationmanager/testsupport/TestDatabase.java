package io.migrationmanager.testsupport;

import io.migrationmanager.activities.mysql.MysqlSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh, empty MariaDB/MySQL database for one test class, on the server {@code tests/run-all} provides
 * ({@code MM_TEST_DB_URL}, {@code MM_TEST_DB_USER}, {@code MM_TEST_DB_PASSWORD}: an account that may create
 * databases). Without those variables the local server on 127.0.0.1:3306 is used with the account that
 * {@code tests/run-all} created ({@code mm_test}, password in {@code ~/.local/state/migration-manager/test-db.password}).
 */
public final class TestDatabase implements AutoCloseable {
  private final String serverUrl;
  private final String user;
  private final String password;
  private final String name;

  private TestDatabase(String serverUrl, String user, String password, String name) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
    this.name = name;
  }

  /** Creates an empty database (no schema); fails or skips when no server is available. */
  public static TestDatabase createEmpty() {
    String url = Peers.env("MM_TEST_DB_URL");
    String user = Peers.env("MM_TEST_DB_USER");
    String password = Peers.env("MM_TEST_DB_PASSWORD");
    if (url == null) {
      url = "jdbc:mysql://127.0.0.1:3306/";
      user = "mm_test";
      Path pwFile = Path.of(System.getProperty("user.home"), ".local/state/migration-manager/test-db.password");
      try {
        password = Files.exists(pwFile) ? Files.readString(pwFile).trim() : "";
      } catch (IOException e) {
        password = "";
      }
    }
    if (!url.endsWith("/")) {
      url = url + "/";
    }
    String name = "mmtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(url + "?connectTimeout=3000", user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      Peers.missing("MariaDB/MySQL at " + url + " as " + user + " (" + e.getMessage() + ")");
    }
    return new TestDatabase(url, user, password, name);
  }

  /** Creates a database and applies the schema. */
  public static TestDatabase createMigrated() {
    TestDatabase db = createEmpty();
    MysqlSchema.migrate(db.dataSource());
    return db;
  }

  public String url() {
    return serverUrl + name + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public String name() {
    return name;
  }

  /** A simple non-pooled data source for this database. */
  public DataSource dataSource() {
    com.mysql.cj.jdbc.MysqlDataSource ds = new com.mysql.cj.jdbc.MysqlDataSource();
    ds.setURL(url());
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  public Jdbi jdbi() {
    return Jdbi.create(dataSource()).installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin());
  }

  @Override
  public void close() {
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + name + "`");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop test database " + name + ": " + e.getMessage(), e);
    }
  }
}
