package io.migrationmanager.server.temporal;

import io.migrationmanager.workflows.reconcile.DesiredWorkflow;
import io.migrationmanager.workflows.reconcile.ReconcileSource;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Temporal in line with MySQL: every workflow that MySQL says should exist is started unless it is
 * already running. Runs once at start and then periodically, so a Temporal server that lost its history (the
 * embedded test server after a restart) is refilled. Workflow ids are business keys, so a start of a running
 * workflow is refused by Temporal and costs nothing. Every kind of long-lived workflow registers one
 * {@link ReconcileSource}.
 */
public class WorkflowReconciler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowReconciler.class);

  private final Supplier<WorkflowClient> client;
  private final String taskQueue;
  private final List<ReconcileSource> sources = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService timer;

  public WorkflowReconciler(Supplier<WorkflowClient> client, String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  public void register(ReconcileSource source) {
    sources.add(source);
  }

  /** The outcome of one pass. */
  public record Pass(int desired, int started) {}

  /** Starts every desired workflow that is not running; returns how many were desired and started. */
  public synchronized Pass reconcileOnce() {
    int desired = 0;
    int started = 0;
    for (ReconcileSource source : sources) {
      for (DesiredWorkflow w : source.desiredWorkflows()) {
        desired++;
        if (ensureStarted(w)) {
          started++;
          LOG.info("Reconciler ({}): started workflow {}", source.name(), w.workflowId());
        }
      }
    }
    return new Pass(desired, started);
  }

  private boolean ensureStarted(DesiredWorkflow w) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(w.workflowId())
            .setTaskQueue(taskQueue)
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .build();
    try {
      client.get().newUntypedWorkflowStub(w.workflowType(), options).start(w.input());
      return true;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return false;
    }
  }

  /** Runs a pass now and then every {@code intervalSeconds}. */
  public void start(long intervalSeconds) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "workflow-reconciler");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::safePass, 0, intervalSeconds, TimeUnit.SECONDS);
  }

  private void safePass() {
    try {
      reconcileOnce();
    } catch (RuntimeException e) {
      LOG.warn("Reconciler pass failed, will retry: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
