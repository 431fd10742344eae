package io.migrationmanager.activities.mysql;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The MySQL schema, managed by Flyway from {@code db/migration/mysql}. The same scripts run on MySQL 8 and
 * MariaDB 10.11. Applied at service start and by {@code migration-managerd db migrate}.
 */
public final class MysqlSchema {
  private MysqlSchema() {}

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/mysql")
        .validateMigrationNaming(true)
        .load();
  }

  /** Brings the schema up to date. */
  public static MigrateResult migrate(DataSource dataSource) {
    return flyway(dataSource).migrate();
  }

  /** The applied schema version, or {@code "none"} for an empty database. */
  public static String currentVersion(DataSource dataSource) {
    var current = flyway(dataSource).info().current();
    return current == null ? "none" : current.getVersion().getVersion();
  }
}
