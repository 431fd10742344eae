package io.migrationmanager.workflows.reconcile;

import java.util.List;

/**
 * One kind of long-lived workflow that registers with the reconciler: at service start (and periodically, so
 * a restarted Temporal server is refilled) the reconciler asks every source which workflows should exist and
 * starts each one that is not running. Implementations read MySQL only; they must be cheap and idempotent.
 */
public interface ReconcileSource {
  /** A short name for logs, e.g. {@code source-sync}. */
  String name();

  /** The workflows that should be running now. */
  List<DesiredWorkflow> desiredWorkflows();
}
