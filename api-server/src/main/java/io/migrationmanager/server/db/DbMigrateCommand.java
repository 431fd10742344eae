package io.migrationmanager.server.db;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.migrationmanager.activities.mysql.MysqlSchema;
import io.migrationmanager.server.OneLineErrors;
import io.migrationmanager.server.config.MigrationManagerConfiguration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code migration-managerd db migrate [config.yml]}: applies pending schema migrations and exits. */
public class DbMigrateCommand extends ConfiguredCommand<MigrationManagerConfiguration> {
  public DbMigrateCommand() {
    super("db", "Database schema commands: 'db migrate [config.yml]' applies pending migrations");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("action").choices("migrate").help("what to do with the schema");
    super.configure(subparser);
  }

  @Override
  protected void run(
      Bootstrap<MigrationManagerConfiguration> bootstrap, Namespace namespace, MigrationManagerConfiguration config)
      throws Exception {
    Database.requireConfigured(config.getDatabase());
    ManagedDataSource ds = config.getDatabase().toDataSourceFactory().build(bootstrap.getMetricRegistry(), "migrate");
    try {
      ds.start();
      Database.checkReachable(config.getDatabase(), ds);
      var result = MysqlSchema.migrate(ds);
      System.out.println(
          "Database schema is at version " + MysqlSchema.currentVersion(ds) + " (" + result.migrationsExecuted
              + " migrations applied)");
    } finally {
      ds.stop();
    }
  }

  @Override
  public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable e) {
    OneLineErrors.print(cli, e);
  }
}
