package io.migrationmanager.server;

import io.migrationmanager.activities.mysql.MysqlBatchRepository;
import io.migrationmanager.activities.mysql.MysqlInstanceRepository;
import io.migrationmanager.activities.mysql.MysqlQueueRepository;
import io.migrationmanager.activities.mysql.MysqlNetworkRepository;
import io.migrationmanager.activities.mysql.MysqlSourceRepository;
import io.migrationmanager.activities.mysql.MysqlSyncStore;
import io.migrationmanager.activities.mysql.MysqlSystemConfig;
import io.migrationmanager.activities.mysql.MysqlTargetRepository;
import io.migrationmanager.activities.mysql.MysqlWarningRepository;
import io.migrationmanager.activities.sync.InventorySync;
import io.migrationmanager.activities.sync.SourceSyncActivitiesImpl;
import io.migrationmanager.activities.vsphere.VsphereVmControl;
import io.migrationmanager.domain.placement.StarlarkPlacementScripts;
import io.migrationmanager.domain.source.InventoryReader;
import io.migrationmanager.server.service.BatchService;
import io.migrationmanager.server.service.QueueService;
import io.migrationmanager.server.service.InstanceService;
import io.migrationmanager.server.service.NetworkService;
import io.migrationmanager.server.service.SourceService;
import io.migrationmanager.server.service.SourceSyncControl;
import io.migrationmanager.server.service.TargetService;
import io.migrationmanager.server.service.WarningService;
import io.migrationmanager.workflows.sync.SourceSyncWorkflowImpl;
import java.time.Clock;
import io.migrationmanager.server.config.MigrationManagerConfiguration;
import io.migrationmanager.server.http.TrustedClients;
import io.migrationmanager.server.temporal.TemporalRuntime;
import io.migrationmanager.server.temporal.WorkflowReconciler;
import io.migrationmanager.tls.Pem;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The composition root's wiring: repositories, application services, workflows and activities, built once
 * from the configuration and shared by the resources, the worker and the reconciler.
 */
public class Services {
  private static final Duration TRUST_CACHE = Duration.ofSeconds(2);

  private final MigrationManagerConfiguration config;
  private final Jdbi jdbi;
  private final TemporalRuntime temporal;
  private final MysqlSystemConfig systemConfig;
  private final Clock clock = Clock.systemUTC();
  private final MysqlSourceRepository sources;
  private final MysqlInstanceRepository instances;
  private final MysqlNetworkRepository networks;
  private final MysqlWarningRepository warnings;
  private final InventoryReader inventoryReader;
  private final SourceSyncControl sourceSyncs;
  final SourceService sourceService;
  final InstanceService instanceService;
  final NetworkService networkService;
  final WarningService warningService;
  final TargetService targetService;
  final BatchService batchService;
  final QueueService queueService;
  WorkflowReconciler reconciler;

  private volatile Set<String> trustedCache = Set.of();
  private volatile long trustedCacheAt;
  private volatile boolean trustedCacheStale = true;

  Services(
      MigrationManagerConfiguration config,
      Jdbi jdbi,
      TemporalRuntime temporal,
      MysqlSystemConfig systemConfig,
      InventoryReader inventoryReader) {
    this.config = config;
    this.jdbi = jdbi;
    this.temporal = temporal;
    this.systemConfig = systemConfig;
    this.inventoryReader = inventoryReader;
    sources = new MysqlSourceRepository(jdbi);
    instances = new MysqlInstanceRepository(jdbi);
    networks = new MysqlNetworkRepository(jdbi);
    warnings = new MysqlWarningRepository(jdbi);
    sourceSyncs = new SourceSyncControl(temporal::client, config.getTemporal().getTaskQueue(), sources, config.getSync());
    sourceService = new SourceService(sources, inventoryReader, sourceSyncs, jdbi);
    instanceService = new InstanceService(instances, sources, new VsphereVmControl(), jdbi, clock);
    networkService = new NetworkService(networks, instances);
    warningService = new WarningService(warnings, clock);
    MysqlTargetRepository targets = new MysqlTargetRepository(jdbi);
    targetService = new TargetService(targets);
    MysqlBatchRepository batches = new MysqlBatchRepository(jdbi);
    MysqlQueueRepository queue = new MysqlQueueRepository(jdbi);
    batchService =
        new BatchService(
            batches, queue, instances, networks, targets, new StarlarkPlacementScripts(),
            BatchService.incusDetails(targets), clock);
    queueService = new QueueService(queue, batches, instances, clock);
    instanceService.onOverrideChanged(batchService::reassessInstance);
  }

  /** Registers every workflow and activity implementation on the worker. */
  void registerWorkers() {
    InventorySync sync = new InventorySync(sources, new MysqlSyncStore(jdbi), inventoryReader, clock);
    temporal.register(
        worker -> {
          worker.registerWorkflowImplementationTypes(SourceSyncWorkflowImpl.class);
          worker.registerActivitiesImplementations(new SourceSyncActivitiesImpl(sync));
        });
  }

  /** Registers every kind of long-lived workflow with the reconciler. */
  void registerReconcileSources(WorkflowReconciler reconciler) {
    reconciler.register(sourceSyncs);
  }

  /** Trusted client fingerprints: the configuration file's list plus the database's, re-read every 2 s. */
  TrustedClients trustedClients() {
    return fingerprint -> trustedFingerprints().contains(Pem.canonicalFingerprint(fingerprint));
  }

  private Set<String> trustedFingerprints() {
    long now = System.nanoTime();
    if (trustedCacheStale || now - trustedCacheAt > TRUST_CACHE.toNanos()) {
      trustedCacheStale = false;
      Set<String> all = new HashSet<>();
      config.getSecurity().getTrustedClientFingerprints().forEach(f -> all.add(Pem.canonicalFingerprint(f)));
      systemConfig.trustedFingerprints().forEach(f -> all.add(Pem.canonicalFingerprint(f)));
      trustedCache = Set.copyOf(all);
      trustedCacheAt = now;
    }
    return trustedCache;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public TemporalRuntime temporal() {
    return temporal;
  }

  public WorkflowReconciler reconciler() {
    return reconciler;
  }

  public MysqlSystemConfig systemConfig() {
    return systemConfig;
  }

  /** Makes the next trust decision re-read the trusted list. */
  public void forgetTrustDecisions() {
    trustedCacheStale = true;
  }
}
