package io.migrationmanager.tests.support;

import com.google.protobuf.util.Durations;
import io.migrationmanager.testsupport.Peers;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.Locale;
import java.util.UUID;

/**
 * The Temporal server end-to-end tests use: the real Temporal dev server that {@code tests/run-all} starts
 * ({@code MM_TEST_TEMPORAL_TARGET}) when there is one, with a fresh namespace per test class so workflow ids
 * never collide between classes; otherwise nothing (the service's embedded test server).
 */
public final class TestTemporal {
  private TestTemporal() {}

  /** The dev server's address, or null when the tests use the embedded server. */
  public static String target() {
    return Peers.env("MM_TEST_TEMPORAL_TARGET");
  }

  /** Registers a new namespace on the dev server and waits until it answers. */
  public static String freshNamespace() {
    String namespace = "mm-it-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
    try {
      stubs
          .blockingStub()
          .registerNamespace(
              RegisterNamespaceRequest.newBuilder()
                  .setNamespace(namespace)
                  .setWorkflowExecutionRetentionPeriod(Durations.fromDays(1))
                  .build());
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (true) {
        try {
          stubs.blockingStub().describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
          return namespace;
        } catch (RuntimeException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Namespace " + namespace + " did not become ready", e);
          }
          Thread.sleep(200);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      stubs.shutdownNow();
    }
  }
}
