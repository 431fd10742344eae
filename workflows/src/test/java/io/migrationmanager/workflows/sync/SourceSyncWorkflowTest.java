package io.migrationmanager.workflows.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.api.GoDuration;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-source sync workflow on Temporal's time-skipping test server: days of schedule in milliseconds. */
class SourceSyncWorkflowTest {
  static final String QUEUE = "test-sync";

  TestWorkflowEnvironment env;
  WorkflowClient client;
  final Activities activities = new Activities();

  /** Records each sync with the (skipped) time it ran at; fails when told to. */
  static final class Activities implements SourceSyncActivities {
    final List<Long> syncedAt = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger failNext = new AtomicInteger();
    TestWorkflowEnvironment env;

    @Override
    public SyncOutcome syncSource(String source) {
      syncedAt.add(env.currentTimeMillis());
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw ApplicationFailure.newNonRetryableFailure("Cannot connect", "TransientException");
      }
      return new SyncOutcome(true, "", 1, 0, 0, 1, 0);
    }
  }

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    activities.env = env;
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(SourceSyncWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  SourceSyncWorkflow startWorkflow(boolean autoSync) {
    SourceSyncWorkflow wf =
        client.newWorkflowStub(
            SourceSyncWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(SourceSyncWorkflow.workflowId("esxi01")).build());
    WorkflowClient.start(wf::run, new SourceSyncInput("esxi01", GoDuration.ofMinutes(10), autoSync, 0));
    return wf;
  }

  @Test
  void syncsEveryInterval() {
    startWorkflow(true);
    long t0 = env.currentTimeMillis();
    env.sleep(Duration.ofMinutes(35));
    assertThat(activities.syncedAt).hasSize(3);
    assertThat(activities.syncedAt.get(0) - t0).isBetween(600_000L, 601_000L);
    assertThat(activities.syncedAt.get(2) - activities.syncedAt.get(1)).isBetween(600_000L, 601_000L);
  }

  @Test
  void onDemandSyncAnswersWithItsOutcomeAndFailuresAreReported() {
    SourceSyncWorkflow wf = startWorkflow(true);
    assertThat(wf.syncNow()).isEqualTo(new SyncOutcome(true, "", 1, 0, 0, 1, 0));
    activities.failNext.set(1);
    SyncOutcome failed = wf.syncNow();
    assertThat(failed.ok()).isFalse();
    assertThat(failed.error()).isEqualTo("Cannot connect");
    assertThat(wf.lastOutcome()).isEqualTo(failed);
    // A failed sync does not stop the periodic schedule.
    env.sleep(Duration.ofMinutes(11));
    assertThat(activities.syncedAt).hasSize(3);
  }

  @Test
  void withoutAutoSyncOnlyOnDemandSyncsRun() {
    SourceSyncWorkflow wf = startWorkflow(false);
    env.sleep(Duration.ofDays(2));
    assertThat(activities.syncedAt).isEmpty();
    wf.syncNow();
    assertThat(activities.syncedAt).hasSize(1);
  }

  @Test
  void aNewIntervalAppliesAtOnce() {
    SourceSyncWorkflow wf = startWorkflow(true);
    env.sleep(Duration.ofMinutes(5));
    wf.configure(new SourceSyncInput("esxi01", GoDuration.ofMinutes(1), true, 0));
    env.sleep(Duration.ofSeconds(150));
    assertThat(activities.syncedAt).hasSize(2);
  }

  @Test
  void stopEndsTheWorkflow() {
    SourceSyncWorkflow wf = startWorkflow(true);
    wf.stop();
    WorkflowStub.fromTyped(wf).getResult(Void.class);
    assertThat(activities.syncedAt).isEmpty();
  }

  @Test
  void continuesAsNewToKeepItsHistorySmall() {
    SourceSyncWorkflow wf = startWorkflow(true);
    env.sleep(Duration.ofMinutes(10L * SourceSyncWorkflowImpl.SYNCS_PER_RUN + 25));
    assertThat(activities.syncedAt).hasSize(SourceSyncWorkflowImpl.SYNCS_PER_RUN + 2);
    String firstRun = WorkflowStub.fromTyped(wf).getExecution().getRunId();
    String currentRun =
        client.newUntypedWorkflowStub(SourceSyncWorkflow.workflowId("esxi01")).describe().getExecution().getRunId();
    assertThat(currentRun).isNotEqualTo(firstRun);
  }
}
