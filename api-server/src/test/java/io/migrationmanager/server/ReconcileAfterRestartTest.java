package io.migrationmanager.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.DropwizardTestSupport;
import io.migrationmanager.server.config.MigrationManagerConfiguration;
import io.migrationmanager.server.temporal.WorkerRegistration;
import io.migrationmanager.server.temporal.WorkflowReconciler;
import io.migrationmanager.server.testing.TestConfigs;
import io.migrationmanager.testsupport.TestDatabase;
import io.migrationmanager.workflows.reconcile.DesiredWorkflow;
import io.migrationmanager.workflows.reconcile.ReconcileSource;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the embedded Temporal (history in memory), stopping and starting the service loses every workflow; the
 * reconciler must start again, from MySQL state, every long-lived workflow that should exist.
 */
class ReconcileAfterRestartTest {
  static TestDatabase db;

  /** A long-lived workflow standing in for the per-source sync workflow. */
  @WorkflowInterface
  public interface KeepAliveWorkflow {
    @WorkflowMethod
    void run(String name);

    @QueryMethod
    String name();
  }

  /** Waits forever, as a per-source sync workflow does between syncs. */
  public static class KeepAliveWorkflowImpl implements KeepAliveWorkflow {
    private String name;

    @Override
    public void run(String name) {
      this.name = name;
      Workflow.await(() -> false);
    }

    @Override
    public String name() {
      return name;
    }
  }

  /** The service plus a reconcile source that reads "which workflows should exist" from a MySQL table. */
  public static class TestApp extends MigrationManagerApplication {
    @Override
    protected List<WorkerRegistration> extraWorkers() {
      return List.of(w -> w.registerWorkflowImplementationTypes(KeepAliveWorkflowImpl.class));
    }

    @Override
    protected List<ReconcileSource> extraReconcileSources(Services services) {
      return List.of(
          new ReconcileSource() {
            @Override
            public String name() {
              return "keep-alive";
            }

            @Override
            public List<DesiredWorkflow> desiredWorkflows() {
              return services
                  .jdbi()
                  .withHandle(h -> h.createQuery("SELECT name FROM sources ORDER BY name").mapTo(String.class).list())
                  .stream()
                  .map(n -> new DesiredWorkflow("keep-alive-" + n, "KeepAliveWorkflow", n))
                  .toList();
            }
          });
    }
  }

  @BeforeAll
  static void database() {
    db = TestDatabase.createMigrated();
    db.jdbi()
        .useHandle(
            h -> {
              h.execute("INSERT INTO sources (name, source_type, properties) VALUES ('esxi01', 'vmware', '{}')");
              h.execute("INSERT INTO sources (name, source_type, properties) VALUES ('vcenter01', 'vmware', '{}')");
            });
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void workflowsComeBackAfterTheServiceAndItsEmbeddedTemporalRestart() throws Exception {
    Path dir = Files.createTempDirectory("mm-reconcile");
    DropwizardTestSupport<MigrationManagerConfiguration> service =
        new DropwizardTestSupport<>(TestApp.class, TestConfigs.forTest(db, dir));

    service.before();
    try {
      Services services = ((MigrationManagerApplication) service.getApplication()).services();
      awaitRunning(services, "keep-alive-esxi01");
      awaitRunning(services, "keep-alive-vcenter01");
      // The per-source sync workflows are reconciled the same way.
      awaitRunning(services, "source-sync-esxi01");
      awaitRunning(services, "source-sync-vcenter01");
      // A second pass finds all four running and starts nothing.
      assertThat(services.reconciler().reconcileOnce()).isEqualTo(new WorkflowReconciler.Pass(4, 0));
    } finally {
      service.after();
    }

    // The embedded Temporal server's history went with it; a new start must re-create both workflows.
    service.before();
    try {
      Services services = ((MigrationManagerApplication) service.getApplication()).services();
      awaitRunning(services, "keep-alive-esxi01");
      awaitRunning(services, "keep-alive-vcenter01");
      awaitRunning(services, "source-sync-esxi01");
      awaitRunning(services, "source-sync-vcenter01");
      String name =
          services.temporal().client().newWorkflowStub(KeepAliveWorkflow.class, "keep-alive-vcenter01").name();
      assertThat(name).isEqualTo("vcenter01");
    } finally {
      service.after();
    }
  }

  private static void awaitRunning(Services services, String workflowId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String last = "not found";
    while (System.nanoTime() < deadline) {
      try {
        var status =
            services
                .temporal()
                .stubs()
                .blockingStub()
                .describeWorkflowExecution(
                    DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace("default")
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                        .build())
                .getWorkflowExecutionInfo()
                .getStatus();
        if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
          return;
        }
        last = status.name();
      } catch (io.grpc.StatusRuntimeException e) {
        last = e.getStatus().getCode().name();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Workflow " + workflowId + " is not running: " + last);
  }
}
