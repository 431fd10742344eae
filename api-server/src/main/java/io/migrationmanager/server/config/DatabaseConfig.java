package io.migrationmanager.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;

/**
 * Where the MySQL (or MariaDB) database is. An empty {@code url} means "the local database": the run command
 * ({@code bin/migration-managerd}) sets one up on 127.0.0.1:3306 and passes its URL and credentials in.
 */
public class DatabaseConfig {
  @JsonProperty private String url = "";
  @JsonProperty private String user = "migration_manager";
  @JsonProperty private String password = "";
  @JsonProperty @Min(2) private int maxConnections = 16;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url == null ? "" : url;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public int getMaxConnections() {
    return maxConnections;
  }

  /** The Dropwizard pool settings for this database. */
  public DataSourceFactory toDataSourceFactory() {
    DataSourceFactory f = new DataSourceFactory();
    f.setDriverClass("com.mysql.cj.jdbc.Driver");
    f.setUrl(url);
    f.setUser(user);
    f.setPassword(password);
    f.setMaxSize(maxConnections);
    f.setMinSize(1);
    f.setInitialSize(1);
    f.setValidationQuery("/* migration-manager health */ SELECT 1");
    f.setCheckConnectionOnBorrow(true);
    f.setMaxWaitForConnection(Duration.seconds(10));
    f.setProperties(
        java.util.Map.of(
            "connectionTimeZone", "UTC",
            "forceConnectionTimeZoneToSession", "true",
            "useUnicode", "true",
            "characterEncoding", "utf8",
            "connectTimeout", "5000"));
    return f;
  }
}
