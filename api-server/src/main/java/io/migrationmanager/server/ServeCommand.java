package io.migrationmanager.server;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.migrationmanager.server.config.MigrationManagerConfiguration;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code migration-managerd server [config.yml]} runs the whole service; {@code migration-managerd worker
 * [config.yml]} runs only a Temporal worker (plus the admin port for health and metrics) that joins the
 * service's Temporal server to add capacity.
 */
public class ServeCommand extends ServerCommand<MigrationManagerConfiguration> {
  private final boolean workerOnly;

  public ServeCommand(Application<MigrationManagerConfiguration> app, boolean workerOnly) {
    super(
        app,
        workerOnly ? "worker" : "server",
        workerOnly
            ? "Runs only a Temporal worker for the service's workflows (needs temporal.target)"
            : "Runs the Migration Manager service");
    this.workerOnly = workerOnly;
  }

  @Override
  protected void run(
      Bootstrap<MigrationManagerConfiguration> bootstrap, Namespace namespace, MigrationManagerConfiguration config)
      throws Exception {
    config.setWorkerOnly(workerOnly);
    super.run(bootstrap, namespace, config);
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    OneLineErrors.print(cli, e);
  }
}
