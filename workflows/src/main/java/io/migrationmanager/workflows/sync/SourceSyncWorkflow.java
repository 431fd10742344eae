package io.migrationmanager.workflows.sync;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One long-lived workflow per source ({@code source-sync-<name>}): syncs the source's inventory every
 * interval, and on demand through {@link #syncNow()}. Stops when the source is deleted.
 */
@WorkflowInterface
public interface SourceSyncWorkflow {
  String TYPE = "SourceSyncWorkflow";

  static String workflowId(String source) {
    return "source-sync-" + source;
  }

  @WorkflowMethod(name = TYPE)
  void run(SourceSyncInput input);

  /** Runs a sync now (after any running one) and returns its outcome. */
  @UpdateMethod
  SyncOutcome syncNow();

  /** New interval or auto-sync setting; the next periodic sync is timed from now. */
  @SignalMethod
  void configure(SourceSyncInput input);

  /** The source is gone: finish after any running sync. */
  @SignalMethod
  void stop();

  /** The last sync's outcome (null before the first). */
  @QueryMethod
  SyncOutcome lastOutcome();
}
