package io.migrationmanager.server;

import io.migrationmanager.activities.mysql.MysqlSystemConfig;
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
  WorkflowReconciler reconciler;

  private volatile Set<String> trustedCache = Set.of();
  private volatile long trustedCacheAt;
  private volatile boolean trustedCacheStale = true;

  Services(MigrationManagerConfiguration config, Jdbi jdbi, TemporalRuntime temporal, MysqlSystemConfig systemConfig) {
    this.config = config;
    this.jdbi = jdbi;
    this.temporal = temporal;
    this.systemConfig = systemConfig;
  }

  /** Registers every workflow and activity implementation on the worker. */
  void registerWorkers() {
    // Workflows and activities register here as features land.
  }

  /** Registers every kind of long-lived workflow with the reconciler. */
  void registerReconcileSources(WorkflowReconciler reconciler) {
    // Long-lived workflow kinds register here as features land.
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
