package io.migrationmanager.server.service;

import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.Source;
import io.migrationmanager.domain.source.SourceRepository;
import io.migrationmanager.server.config.SyncConfig;
import io.migrationmanager.workflows.reconcile.DesiredWorkflow;
import io.migrationmanager.workflows.reconcile.ReconcileSource;
import io.migrationmanager.workflows.sync.SourceSyncInput;
import io.migrationmanager.workflows.sync.SourceSyncWorkflow;
import io.migrationmanager.workflows.sync.SyncOutcome;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The per-source sync workflows: started with the source, told of configuration changes, asked for on-demand
 * syncs, stopped when the source goes; and, as a {@link ReconcileSource}, re-created from MySQL at start.
 */
public class SourceSyncControl implements ReconcileSource {
  private final Supplier<WorkflowClient> client;
  private final String taskQueue;
  private final SourceRepository sources;
  private final SyncConfig defaults;

  public SourceSyncControl(
      Supplier<WorkflowClient> client, String taskQueue, SourceRepository sources, SyncConfig defaults) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.sources = sources;
    this.defaults = defaults;
  }

  SourceSyncInput input(Source s) {
    GoDuration interval = s.properties().syncInterval().isZero() ? defaults.getInterval() : s.properties().syncInterval();
    return new SourceSyncInput(s.name(), interval, !defaults.isDisableAutoSync(), 0);
  }

  /** Starts the source's workflow unless it runs. */
  public void ensureRunning(Source s) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(SourceSyncWorkflow.workflowId(s.name()))
            .setTaskQueue(taskQueue)
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .build();
    try {
      WorkflowClient.start(client.get().newWorkflowStub(SourceSyncWorkflow.class, options)::run, input(s));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Already running: nothing to do.
    }
  }

  /** Runs a sync now and waits for its outcome. */
  public SyncOutcome syncNow(Source s) {
    ensureRunning(s);
    return stub(s.name()).syncNow();
  }

  /** Passes a changed interval or auto-sync setting to the running workflow. */
  public void reconfigure(Source s) {
    ensureRunning(s);
    stub(s.name()).configure(input(s));
  }

  /** Ends the workflow of a deleted (or renamed) source. */
  public void stop(String name) {
    try {
      stub(name).stop();
    } catch (WorkflowNotFoundException e) {
      // Not running: nothing to stop.
    } catch (WorkflowServiceException e) {
      if (!(e.getCause() instanceof WorkflowNotFoundException)) {
        throw e;
      }
    }
  }

  private SourceSyncWorkflow stub(String name) {
    return client.get().newWorkflowStub(SourceSyncWorkflow.class, SourceSyncWorkflow.workflowId(name));
  }

  @Override
  public String name() {
    return "source-sync";
  }

  @Override
  public List<DesiredWorkflow> desiredWorkflows() {
    return sources.list().stream()
        .map(s -> new DesiredWorkflow(SourceSyncWorkflow.workflowId(s.name()), SourceSyncWorkflow.TYPE, input(s)))
        .toList();
  }
}
