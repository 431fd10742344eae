package io.migrationmanager.tests.peers.incus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.migrationmanager.activities.incus.IncusClient;
import io.migrationmanager.activities.incus.IncusException;
import io.migrationmanager.activities.incus.IncusInstancesPost;
import io.migrationmanager.activities.incus.IncusOperation;
import io.migrationmanager.activities.incus.IncusStorageVolume;
import io.migrationmanager.activities.incus.IncusStorageVolumesPost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How {@link IncusClient} waits on background operations, and that one client serves many threads. */
class IncusClientOperationTest {
  private static final TestIdentity CLIENT = TestIdentity.generate("mm-tests");

  private IncusStub stub;
  private IncusClient client;

  @BeforeEach
  void start() {
    stub = IncusStub.builder().withTestFixtures().trust(CLIENT.certificate()).start();
    client = new IncusClient(stub.connection(CLIENT));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private static IncusInstancesPost vm(String name) {
    return IncusInstancesPost.emptyVirtualMachine(name, "x86_64", "", Map.of(), Map.of());
  }

  @Test
  void waitsUntilTheOperationFinished() {
    stub.setOperationDelay(Duration.ofMillis(1200));
    long started = System.nanoTime();

    IncusOperation op = client.createInstance(vm("vm1"));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1100));
    assertThat(op.succeeded()).isTrue();
    assertThat(op.done()).isTrue();
    assertThat(op.statusCode()).isEqualTo(IncusOperation.SUCCESS);
    assertThat(op.resources().get("instances")).containsExactly("/1.0/instances/vm1");
    assertThat(stub.instance("default", "vm1")).isPresent();
    assertThat(stub.requests())
        .anySatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("/1.0/operations/" + op.id() + "/wait");
              assertThat(r.query()).isEqualTo("timeout=30");
            });
  }

  @Test
  void givesUpAfterTheOperationTimeout() {
    stub.setOperationDelay(Duration.ofSeconds(3));

    IncusException e =
        catchThrowableOfType(
            IncusException.class,
            () -> client.withOperationTimeout(Duration.ofSeconds(1)).createInstance(vm("vm1")));

    assertThat(e.isTransportFailure()).isTrue();
    assertThat(e.getMessage())
        .startsWith("Failed to create instance \"vm1\" in project \"default\" on target \"" + stub.url())
        .endsWith("still running after PT1S");
  }

  @Test
  void failedOperationIsAnError() {
    stub.failNextOperation("Deleting instance", 500, "Failed deleting instance: device busy");
    client.createInstance(vm("vm1"));

    IncusException e = catchThrowableOfType(IncusException.class, () -> client.deleteInstance("vm1"));

    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.incusMessage()).isEqualTo("Failed deleting instance: device busy");
    assertThat(stub.instance("default", "vm1")).isPresent();
  }

  @Test
  void runningOperationIsReportedAsRunning() throws Exception {
    stub.setOperationDelay(Duration.ofMillis(800));
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      Future<IncusOperation> create = background.submit(() -> client.createInstance(vm("vm1")));
      String id = null;
      while (id == null) {
        id =
            stub.requests().stream()
                .filter(r -> r.path().startsWith("/1.0/operations/"))
                .map(r -> r.path().split("/")[3])
                .findFirst()
                .orElse(null);
        Thread.sleep(10);
      }
      IncusOperation running = client.getOperation(id);
      assertThat(running.status()).isEqualTo("Running");
      assertThat(running.statusCode()).isEqualTo(IncusOperation.RUNNING);
      assertThat(running.done()).isFalse();
      assertThat(running.description()).isEqualTo("Creating instance");
      assertThat(create.get().id()).isEqualTo(id);
    } finally {
      background.shutdownNow();
    }
  }

  @Test
  void oneClientServesManyThreads() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        calls.add(
            threads.submit(
                () -> {
                  IncusClient project = client.useProject(thread % 2 == 0 ? "default" : "project1");
                  for (int i = 0; i < 5; i++) {
                    project.createCustomVolume(
                        "pool02",
                        IncusStorageVolumesPost.customBlock("t" + thread + "-" + i, 1 << 20, ""));
                  }
                  return null;
                }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      threads.shutdownNow();
    }

    List<IncusStorageVolume> all = new ArrayList<>(client.listStorageVolumes("pool02"));
    all.addAll(client.useProject("project1").listStorageVolumes("pool02"));
    assertThat(all).hasSize(40);
  }
}
