package io.migrationmanager.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.testsupport.TestDatabase;
import io.migrationmanager.testsupport.VcsimPeer;
import io.migrationmanager.tests.support.ServiceProcess;
import io.migrationmanager.tests.support.TestTemporal;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.migrationmanager.tls.Pem;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service as its own process with the embedded Temporal test server: killed with SIGKILL, its workflow
 * history is gone; started again, it re-creates the per-source sync workflow from MySQL. Also the one-line
 * start-up errors.
 */
@ExtendWith(VcsimPeer.Available.class)
class ProcessRestartIT {
  static TestDatabase db;
  static VcsimPeer esxi;

  @BeforeAll
  static void peers() throws Exception {
    db = TestDatabase.createEmpty();
    esxi = VcsimPeer.start(Duration.ofSeconds(60), "-esx");
  }

  @AfterAll
  static void stopPeers() throws Exception {
    if (esxi != null) {
      esxi.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void aKilledServiceComesBackWithItsWorkflows() throws Exception {
    try (ServiceProcess service = new ServiceProcess(db)) {
      service.start(Duration.ofSeconds(90));
      CliRunner cli =
          new CliRunner(Files.createTempDirectory("cli")).with("MIGRATION_MANAGER_SOCKET", service.socket().toString());
      var added =
          cli.runWithInput(VcsimPeer.PASSWORD + "\n", "source", "add", "esxi01", esxi.sdkUrl.replaceAll("/sdk$", ""),
              "--username", VcsimPeer.USERNAME, "--password-stdin", "--import-limit", "50", "--connection-timeout",
              "10m", "--sync-timeout", "10s", "--datacenters", "", "--trusted-cert-fingerprint",
              Pem.fingerprint(esxi.certificate()));
      assertThat(added.exitCode()).as(added.err()).isZero();
      assertThat(status(service, "source-sync-esxi01")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

      service.kill();
      service.start(Duration.ofSeconds(90));

      assertThat(awaitRunning(service, "source-sync-esxi01")).isTrue();
      assertThat(cli.run("instance", "list", "-f", "csv").out()).contains("/ha-datacenter/vm/Win2016");
      assertThat(cli.run("source", "sync", "esxi01").out()).isEqualTo("Successfully synced source \"esxi01\".\n");
    }
  }

  @Test
  void startUpFailuresAreOneLineSayingWhatAndHow() throws Exception {
    try (ServiceProcess badDb = new ServiceProcess(db.url(), db.user(), "wrong-password")) {
      assertThat(badDb.runToExit(Duration.ofSeconds(60))).isEqualTo(1);
      assertThat(badDb.log())
          .contains("Error: Cannot connect to the database at " + db.url() + " as user " + db.user())
          .contains("check database.url, database.user and database.password")
          .doesNotContain("\tat ");
    }
    try (ServiceProcess badTemporal = new ServiceProcess(db).replaceInConfig("target: \"\"", "target: \"127.0.0.1:1\"")) {
      assertThat(badTemporal.runToExit(Duration.ofSeconds(60))).isEqualTo(1);
      assertThat(badTemporal.log())
          .contains("Error: Cannot reach Temporal at 127.0.0.1:1")
          .contains("leave temporal.target empty to use the embedded one")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void dbMigrateAppliesTheSchemaOnce() throws Exception {
    try (TestDatabase empty = TestDatabase.createEmpty();
        ServiceProcess tool = new ServiceProcess(empty)) {
      assertThat(tool.runCommand(Duration.ofSeconds(60), "db", "migrate")).as(tool.log()).isZero();
      assertThat(tool.log()).containsPattern("Database schema is at version \\d+ \\([1-9]\\d* migrations applied\\)");
      assertThat(tool.runCommand(Duration.ofSeconds(60), "db", "migrate")).isZero();
      assertThat(tool.log()).contains("(0 migrations applied)");
    }
  }

  @Test
  void aStandaloneWorkerNeedsATemporalServerAndPollsItsTaskQueue() throws Exception {
    try (ServiceProcess worker = new ServiceProcess(db)) {
      assertThat(worker.runCommand(Duration.ofSeconds(60), "worker")).isEqualTo(1);
      assertThat(worker.log()).contains("Error: The worker command needs temporal.target");
    }
    String target = TestTemporal.target();
    if (target == null) {
      return;
    }
    String namespace = TestTemporal.freshNamespace();
    try (ServiceProcess worker =
        new ServiceProcess(db)
            .replaceInConfig("target: \"\"", "target: \"" + target + "\"\n  namespace: \"" + namespace + "\"")) {
      worker.startCommand("worker");
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int pollers = 0;
        while (pollers == 0 && System.nanoTime() < deadline) {
          pollers =
              stubs
                  .blockingStub()
                  .describeTaskQueue(
                      DescribeTaskQueueRequest.newBuilder()
                          .setNamespace(namespace)
                          .setTaskQueue(TaskQueue.newBuilder().setName("migration-manager"))
                          .build())
                  .getPollersCount();
          Thread.sleep(250);
        }
        assertThat(pollers).as(worker.log()).isPositive();
      } finally {
        stubs.shutdownNow();
      }
    }
  }

  private static boolean awaitRunning(ServiceProcess service, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (status(service, id) == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static WorkflowExecutionStatus status(ServiceProcess service, String id) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(service.temporalTarget()).build());
    try {
      return stubs
          .blockingStub()
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace("default")
                  .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id))
                  .build())
          .getWorkflowExecutionInfo()
          .getStatus();
    } catch (io.grpc.StatusRuntimeException e) {
      return WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED;
    } finally {
      stubs.shutdownNow();
    }
  }
}
