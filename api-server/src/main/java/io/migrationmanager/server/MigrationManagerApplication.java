package io.migrationmanager.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.migrationmanager.activities.mysql.MysqlSystemConfig;
import io.migrationmanager.server.config.MigrationManagerConfiguration;
import io.migrationmanager.server.db.Database;
import io.migrationmanager.server.db.DbMigrateCommand;
import io.migrationmanager.server.http.CallerFilter;
import io.migrationmanager.server.http.DataDirAware;
import io.migrationmanager.server.http.EnvelopeFilter;
import io.migrationmanager.server.http.ErrorMapper;
import io.migrationmanager.server.http.JsonBodiesFilter;
import io.migrationmanager.server.http.RequestSizeFilter;
import io.migrationmanager.activities.vsphere.VsphereInventoryReader;
import io.migrationmanager.domain.source.InventoryReader;
import io.migrationmanager.server.resources.BatchesResource;
import io.migrationmanager.server.resources.ExprInstanceFilter;
import io.migrationmanager.server.resources.QueueResource;
import io.migrationmanager.server.resources.InstanceFilter;
import io.migrationmanager.server.resources.InstancesResource;
import io.migrationmanager.server.resources.NetworksResource;
import io.migrationmanager.server.resources.RootResource;
import io.migrationmanager.server.resources.SourcesResource;
import io.migrationmanager.server.resources.TargetsResource;
import io.migrationmanager.server.resources.WarningsResource;
import io.migrationmanager.server.resources.SystemSecurityResource;
import io.migrationmanager.server.temporal.TemporalHealthCheck;
import io.migrationmanager.server.temporal.TemporalRuntime;
import io.migrationmanager.server.temporal.WorkerRegistration;
import io.migrationmanager.server.temporal.WorkflowReconciler;
import io.migrationmanager.workflows.reconcile.ReconcileSource;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@code migration-managerd}: the Migration Manager service. */
public class MigrationManagerApplication extends Application<MigrationManagerConfiguration> {
  /** Seconds between reconciler passes (re-creating workflows a restarted Temporal server lost). */
  static final long RECONCILE_INTERVAL_SECONDS = 30;

  private Services services;

  public static void main(String[] args) throws Exception {
    new MigrationManagerApplication().run(args);
  }

  @Override
  public String getName() {
    return "migration-managerd";
  }

  @Override
  public void initialize(Bootstrap<MigrationManagerConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    configureMapper(bootstrap.getObjectMapper());
    bootstrap.addCommand(new DbMigrateCommand());
  }

  @Override
  protected void addDefaultCommands(Bootstrap<MigrationManagerConfiguration> bootstrap) {
    bootstrap.addCommand(new ServeCommand(this, false));
    bootstrap.addCommand(new ServeCommand(this, true));
    bootstrap.addCommand(new CheckCommand<>(this));
  }

  /** Strict input (unknown fields and bad types are errors), RFC 3339 output. */
  static void configureMapper(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  @Override
  public void run(MigrationManagerConfiguration config, Environment env) throws Exception {
    prepareServerFactory(config);
    Jdbi jdbi = Database.open(config.getDatabase(), env);

    TemporalRuntime temporal = new TemporalRuntime(config.getTemporal());
    if (config.isWorkerOnly() && config.getTemporal().isEmbedded()) {
      throw new StartupException(
          "The worker command needs temporal.target: a standalone worker joins the Temporal server the service uses");
    }
    services = new Services(config, jdbi, temporal, new MysqlSystemConfig(jdbi), inventoryReader());
    services.registerWorkers();
    extraWorkers().forEach(temporal::register);
    temporal.start();
    env.lifecycle().manage(stopOnly(temporal::stop));
    env.healthChecks().register("temporal", new TemporalHealthCheck(temporal));

    if (config.isWorkerOnly()) {
      return;
    }
    WorkflowReconciler reconciler = new WorkflowReconciler(temporal::client, config.getTemporal().getTaskQueue());
    services.registerReconcileSources(reconciler);
    extraReconcileSources(services).forEach(reconciler::register);
    env.lifecycle()
        .manage(
            new Managed() {
              @Override
              public void start() {
                reconciler.start(RECONCILE_INTERVAL_SECONDS);
              }

              @Override
              public void stop() {
                reconciler.close();
              }
            });
    services.reconciler = reconciler;

    var jersey = env.jersey();
    jersey.register(new RequestSizeFilter(config.getMaxRequestBytes()));
    jersey.register(new JsonBodiesFilter());
    jersey.register(new CallerFilter(services.trustedClients()));
    jersey.register(new EnvelopeFilter());
    jersey.register(new ErrorMapper());
    jersey.register(new RootResource());
    jersey.register(new SystemSecurityResource(services.systemConfig(), services::forgetTrustDecisions));
    jersey.register(new SourcesResource(services.sourceService));
    jersey.register(new TargetsResource(services.targetService));
    jersey.register(new InstancesResource(services.instanceService, instanceFilter()));
    jersey.register(new NetworksResource(services.networkService));
    jersey.register(new WarningsResource(services.warningService));
    jersey.register(new BatchesResource(services.batchService));
    jersey.register(new QueueResource(services.queueService, services.batchService));
  }

  /** How VMware sources are read (yavijava against vCenter/ESXi). */
  protected InventoryReader inventoryReader() {
    return new VsphereInventoryReader();
  }

  /** How include expressions select instances. */
  protected InstanceFilter instanceFilter() {
    return new ExprInstanceFilter();
  }

  /** Additional workflow/activity registrations (for tests and extensions); none by default. */
  protected List<WorkerRegistration> extraWorkers() {
    return List.of();
  }

  /** Additional long-lived workflow kinds for the reconciler (for tests and extensions); none by default. */
  protected List<ReconcileSource> extraReconcileSources(Services services) {
    return List.of();
  }

  /** The service's parts, for tests that drive them directly. */
  public Services services() {
    return services;
  }

  private static void prepareServerFactory(MigrationManagerConfiguration config) {
    if (config.getServerFactory() instanceof DefaultServerFactory server) {
      server.setRegisterDefaultExceptionMappers(false);
      server.getApplicationConnectors().stream()
          .filter(DataDirAware.class::isInstance)
          .forEach(c -> ((DataDirAware) c).useDataDir(config.dataDir()));
      if (config.isWorkerOnly()) {
        server.setApplicationConnectors(List.of());
      }
    }
  }

  private static Managed stopOnly(Runnable stop) {
    return new Managed() {
      @Override
      public void stop() {
        stop.run();
      }
    };
  }
}
