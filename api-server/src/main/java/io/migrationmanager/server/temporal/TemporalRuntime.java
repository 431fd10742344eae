package io.migrationmanager.server.temporal;

import io.dropwizard.lifecycle.Managed;
import io.migrationmanager.server.StartupException;
import io.migrationmanager.server.config.TemporalConfig;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal inside the service: the connection (to the configured cluster, or to an embedded test server
 * started here when {@code temporal.target} is empty), the workflow client, and this process's worker.
 */
public class TemporalRuntime implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(TemporalRuntime.class);

  private final TemporalConfig config;
  private final List<WorkerRegistration> registrations = new CopyOnWriteArrayList<>();
  private EmbeddedTemporalServer embedded;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;
  private WorkerFactory workers;

  public TemporalRuntime(TemporalConfig config) {
    this.config = config;
  }

  /** Adds workflows and activities to this process's worker; call before {@link #start()}. */
  public void register(WorkerRegistration registration) {
    registrations.add(registration);
  }

  @Override
  public void start() throws IOException {
    String target = config.getTarget();
    if (config.isEmbedded()) {
      embedded = EmbeddedTemporalServer.start(config.getEmbeddedPort());
      target = embedded.target();
      LOG.warn(
          "Temporal: started the embedded test server on {}; its workflow history is in memory and is lost "
              + "when the service stops (the service re-creates its workflows from MySQL at start). "
              + "Set temporal.target to use a Temporal server.",
          target);
    }
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    checkReachable(target);
    client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(config.getNamespace()).build());
    if (config.isRunWorker()) {
      workers = WorkerFactory.newInstance(client);
      WorkerOptions.Builder options = WorkerOptions.newBuilder();
      if (!config.isStickyExecution()) {
        // The test server never moves a workflow off a dead worker's sticky queue.
        options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
      }
      var worker = workers.newWorker(config.getTaskQueue(), options.build());
      registrations.forEach(r -> r.register(worker));
      workers.start();
      LOG.info("Temporal worker polling task queue {} on {}", config.getTaskQueue(), target);
    }
  }

  private void checkReachable(String target) {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    } catch (RuntimeException e) {
      stop();
      throw new StartupException(
          "Cannot reach Temporal at "
              + target
              + " ("
              + e.getMessage()
              + "): start a Temporal server there, or leave temporal.target empty to use the embedded one");
    }
  }

  public WorkflowClient client() {
    if (client == null) {
      throw new IllegalStateException("Temporal is not started");
    }
    return client;
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  /** Whether the Temporal frontend answers right now (for the health check). */
  public boolean healthy() {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(3, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void stop() {
    if (workers != null) {
      workers.shutdown();
      workers.awaitTermination(10, TimeUnit.SECONDS);
      workers = null;
    }
    if (stubs != null) {
      stubs.shutdown();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
      stubs = null;
    }
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
    client = null;
  }
}
