package io.migrationmanager.workflows.sync;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** See {@link SourceSyncWorkflow}. Deterministic: time and waiting only through {@link Workflow}. */
public class SourceSyncWorkflowImpl implements SourceSyncWorkflow {
  /** Continue as new after this many syncs, so the history stays small. */
  static final int SYNCS_PER_RUN = 100;

  private final SourceSyncActivities activities =
      Workflow.newActivityStub(
          SourceSyncActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofHours(1))
              .setHeartbeatTimeout(Duration.ofMinutes(5))
              // A failed sync is reported (on demand) or retried at the next interval, not in a tight loop.
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
              .build());

  private SourceSyncInput config;
  private boolean reconfigured;
  private boolean stopped;
  private int requested;
  private int completed;
  private SyncOutcome last;

  @Override
  public void run(SourceSyncInput input) {
    config = input;
    int syncsThisRun = 0;
    while (!stopped) {
      reconfigured = false;
      boolean woken;
      if (config.autoSync()) {
        woken = Workflow.await(config.interval().value(), () -> stopped || reconfigured || requested > completed);
      } else {
        Workflow.await(() -> stopped || reconfigured || requested > completed);
        woken = true;
      }
      if (stopped) {
        break;
      }
      if (woken && reconfigured && requested == completed) {
        continue;
      }
      int covering = requested;
      last = syncOnce();
      completed = covering;
      syncsThisRun++;
      if (syncsThisRun >= SYNCS_PER_RUN && requested == completed && !stopped) {
        Workflow.continueAsNew(
            new SourceSyncInput(config.source(), config.interval(), config.autoSync(), config.syncsSoFar() + syncsThisRun));
      }
    }
    // Answer any caller still waiting, so no update hangs after a stop.
    completed = requested;
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  private SyncOutcome syncOnce() {
    try {
      return activities.syncSource(config.source());
    } catch (ActivityFailure e) {
      Throwable cause = e.getCause();
      String message =
          cause instanceof ApplicationFailure app ? app.getOriginalMessage() : cause != null ? cause.getMessage() : e.getMessage();
      Workflow.getLogger(SourceSyncWorkflowImpl.class).warn("Sync of source {} failed: {}", config.source(), message);
      return SyncOutcome.failed(message);
    }
  }

  @Override
  public SyncOutcome syncNow() {
    int ticket = ++requested;
    Workflow.await(() -> completed >= ticket);
    return last == null ? SyncOutcome.failed("Source sync was stopped") : last;
  }

  @Override
  public void configure(SourceSyncInput input) {
    config = new SourceSyncInput(config.source(), input.interval(), input.autoSync(), config.syncsSoFar());
    reconfigured = true;
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public SyncOutcome lastOutcome() {
    return last;
  }
}
