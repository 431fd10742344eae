package io.migrationmanager.tests.peers.incus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.migrationmanager.activities.incus.IncusBackupTarball;
import io.migrationmanager.activities.incus.IncusClient;
import io.migrationmanager.activities.incus.IncusClusterMember;
import io.migrationmanager.activities.incus.IncusEtagged;
import io.migrationmanager.activities.incus.IncusException;
import io.migrationmanager.activities.incus.IncusInstance;
import io.migrationmanager.activities.incus.IncusInstanceState;
import io.migrationmanager.activities.incus.IncusInstancesPost;
import io.migrationmanager.activities.incus.IncusStorageVolume;
import io.migrationmanager.activities.incus.IncusStorageVolumesPost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only the stub can do: virtual machines as Migration Manager creates, reconfigures and cleans them up
 * (spec §9.2 to §9.4), the VM agent, exec recording, clusters, state inspection and fault injection.
 */
class IncusStubVirtualMachineTest {
  private static final TestIdentity CLIENT = TestIdentity.generate("mm-tests");
  private static final String WORKER = "migration-worker-x86_64-1.0";

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

  private void importWorkerVolume() {
    client.importCustomVolume(
        "default", WORKER, IncusBackupTarball.ofBlockVolume(WORKER, "", new byte[64 << 10]));
  }

  private static IncusInstancesPost migrationVm(String name) {
    Map<String, String> config = new TreeMap<>();
    config.put("limits.cpu", "2");
    config.put("limits.memory", "4GiB");
    config.put("security.csm", "false");
    config.put("security.secureboot", "false");
    config.put("migration.stateful", "false");
    config.put("user.migration_source", "vcenter01");
    config.put("user.migration.hwaddrs", "00:16:3e:00:00:01");
    Map<String, Map<String, String>> devices = new TreeMap<>();
    devices.put(
        "root",
        Map.of(
            "type", "disk",
            "path", "/",
            "pool", "pool02",
            "size", "10737418240B",
            "user.migration_source", "Hard disk 1"));
    devices.put(
        WORKER,
        Map.of(
            "type", "disk",
            "pool", "default",
            "source", WORKER,
            "boot.priority", "10",
            "readonly", "true",
            "io.bus", "virtio-blk"));
    devices.put("eth0", Map.of("type", "nic", "name", "eth0", "network", "incusbr1"));
    return IncusInstancesPost.emptyVirtualMachine(
        name, "x86_64", "Auto-imported from VMware", config, devices);
  }

  @Test
  void createsTheMigrationVmDefinition() {
    importWorkerVolume();

    client.createInstance(migrationVm("vm1"));

    StubInstance vm = stub.instance("default", "vm1").orElseThrow();
    assertThat(vm.type()).isEqualTo(IncusInstance.VIRTUAL_MACHINE);
    assertThat(vm.running()).isFalse();
    assertThat(vm.processes()).isZero();
    assertThat(vm.config())
        .containsEntry("limits.memory", "4GiB")
        .containsEntry("user.migration_source", "vcenter01")
        .containsKey("volatile.uuid");
    assertThat(vm.devices().get(WORKER)).containsEntry("boot.priority", "10");
    IncusInstance read = client.getInstance("vm1").value();
    assertThat(read.expandedDevices().get("root")).containsEntry("pool", "pool02");
    assertThat(read.expandedDevices().get("eth0")).containsEntry("network", "incusbr1");
    assertThat(read.description()).isEqualTo("Auto-imported from VMware");
    assertThat(client.listStorageVolumes("pool02"))
        .anySatisfy(
            v -> {
              assertThat(v.name()).isEqualTo("vm1");
              assertThat(v.type()).isEqualTo("virtual-machine");
              assertThat(v.contentType()).isEqualTo("block");
            });
    assertThat(client.getCustomVolume("default", WORKER).usedBy()).containsExactly("/1.0/instances/vm1");
  }

  @Test
  void vmWithoutTheWorkerVolumeIsNotCreated() {
    IncusException e =
        catchThrowableOfType(IncusException.class, () -> client.createInstance(migrationVm("vm1")));

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.incusMessage())
        .isEqualTo(
            "Failed creating instance record: Failed initializing instance: Failed add validation for"
                + " device \""
                + WORKER
                + "\": Failed loading custom volume: Storage volume not found");
    assertThat(stub.instance("default", "vm1")).isEmpty();
  }

  @Test
  void addsExtraDisksWithAConditionalUpdate() {
    importWorkerVolume();
    client.createInstance(migrationVm("vm1"));
    client.createCustomVolume(
        "pool02", IncusStorageVolumesPost.customBlock("vm1-disk1", 2L << 30, "Migrated disk (Hard disk 2)"));
    IncusEtagged<IncusInstance> read = client.getInstance("vm1");
    Map<String, Map<String, String>> devices = new TreeMap<>(read.value().devices());
    devices.put(
        "disk1",
        Map.of(
            "type", "disk",
            "dependent", "true",
            "pool", "pool02",
            "source", "vm1-disk1",
            "user.migration_source", "Hard disk 2"));

    client.useTarget(read.value().location().equals("none") ? "" : read.value().location())
        .updateInstance("vm1", read.value().writable().withDevices(devices), read.etag());

    assertThat(stub.instance("default", "vm1").orElseThrow().devices()).containsKey("disk1");
    assertThat(stub.customVolume("pool02", "default", "vm1-disk1").orElseThrow().size())
        .isEqualTo(2L << 30);
    assertThat(client.getCustomVolume("pool02", "vm1-disk1").usedBy())
        .containsExactly("/1.0/instances/vm1");
    IncusException stale =
        catchThrowableOfType(
            IncusException.class,
            () -> client.updateInstance("vm1", read.value().writable(), read.etag()));
    assertThat(stale.statusCode()).isEqualTo(412);
  }

  @Test
  void agentReportsProcessesOnlyAfterItStarted() throws InterruptedException {
    importWorkerVolume();
    client.createInstance(migrationVm("vm1"));
    stub.setAgentDelay(Duration.ofMillis(400));

    client.startInstance("vm1");

    IncusInstanceState early = client.getInstanceState("vm1");
    assertThat(early.running()).isTrue();
    assertThat(early.processes()).isEqualTo(-1);
    IncusException noAgent =
        catchThrowableOfType(
            IncusException.class, () -> client.exec("vm1", List.of("systemctl", "status")));
    assertThat(noAgent.statusCode()).isEqualTo(400);
    assertThat(noAgent.incusMessage()).isEqualTo("VM agent isn't currently running");

    Instant deadline = Instant.now().plusSeconds(5);
    while (client.getInstanceState("vm1").processes() <= 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(client.getInstanceState("vm1").processes()).isPositive();
    assertThat(stub.instance("default", "vm1").orElseThrow().processes()).isPositive();
  }

  @Test
  void recordsExecsAndReturnsTheConfiguredExitCode() {
    importWorkerVolume();
    client.createInstance(migrationVm("vm1"));
    client.startInstance("vm1");
    stub.setExecHandler(exec -> exec.command().contains("restart") ? 5 : 0);

    assertThat(client.exec("vm1", List.of("systemctl", "stop", "migration-manager-worker.service")))
        .isZero();
    assertThat(client.exec("vm1", List.of("systemctl", "restart", "migration-manager-worker.service")))
        .isEqualTo(5);

    assertThat(stub.execs())
        .containsExactly(
            new StubExec("default", "vm1", List.of("systemctl", "stop", "migration-manager-worker.service")),
            new StubExec(
                "default", "vm1", List.of("systemctl", "restart", "migration-manager-worker.service")));
  }

  @Test
  void postMigrationReconfigurationAndCleanup() {
    importWorkerVolume();
    client.createInstance(migrationVm("vm1"));
    client.createCustomVolume("pool02", IncusStorageVolumesPost.customBlock("vm1-disk1", 1 << 20, ""));
    client.startInstance("vm1");
    client.stopInstance("vm1", true);

    IncusInstance vm = client.getInstance("vm1").value();
    Map<String, String> config = new TreeMap<>(vm.config());
    config.keySet().removeIf(k -> k.startsWith("user.migration."));
    config.remove("migration.stateful");
    config.put("volatile.uuid", "4dd2a1a5-59c4-4b4c-9f59-0d2bdfb27e51");
    config.put("volatile.uuid.generation", "4dd2a1a5-59c4-4b4c-9f59-0d2bdfb27e51");
    Map<String, Map<String, String>> devices = new TreeMap<>(vm.devices());
    devices.remove(WORKER);
    devices.put(
        "eth0",
        Map.of("type", "nic", "name", "eth0", "network", "incusbr1", "hwaddr", "00:16:3e:00:00:01"));
    devices.put("disk1", Map.of("type", "disk", "pool", "pool02", "source", "vm1-disk1"));
    client.updateInstance("vm1", vm.writable().withConfig(config).withDevices(devices), null);

    StubInstance reconfigured = stub.instance("default", "vm1").orElseThrow();
    assertThat(reconfigured.config())
        .containsEntry("volatile.uuid", "4dd2a1a5-59c4-4b4c-9f59-0d2bdfb27e51")
        .containsEntry("user.migration_source", "vcenter01")
        .doesNotContainKey("user.migration.hwaddrs");
    assertThat(reconfigured.devices()).doesNotContainKey(WORKER).containsKey("disk1");

    client.deleteInstance("vm1");
    client.deleteCustomVolume("pool02", "vm1-disk1");
    assertThat(stub.instances("default")).isEmpty();
    assertThat(stub.customVolume("pool02", "default", "vm1-disk1")).isEmpty();
    assertThat(client.listStorageVolumes("pool02")).extracting(IncusStorageVolume::name).isEmpty();
  }

  @Test
  void importedVolumeBytesAreInspectable() {
    byte[] image = new byte[300_000];
    new Random(7).nextBytes(image);

    client.useProject("project1")
        .importCustomVolume("pool02", "data", IncusBackupTarball.ofBlockVolume("data", "", image));

    assertThat(stub.customVolumeContent("pool02", "project1", "data")).isEqualTo(image);
    assertThat(stub.customVolume("pool02", "project1", "data").orElseThrow().contentType())
        .isEqualTo("block");
  }

  @Test
  void injectedFaultsHitOnlyTheNextMatchingCall() {
    importWorkerVolume();
    stub.failNextOperation("Creating instance", 500, "Failed creating instance record: disk full");
    stub.failNextRequest("GET", "/1.0/storage-pools$", 503, "Service unavailable");

    IncusException create =
        catchThrowableOfType(IncusException.class, () -> client.createInstance(migrationVm("vm1")));
    assertThat(create.statusCode()).isEqualTo(500);
    assertThat(create.getMessage())
        .isEqualTo(
            "Failed to create instance \"vm1\" in project \"default\" on target \""
                + stub.url()
                + "\": Failed creating instance record: disk full");
    assertThat(stub.instance("default", "vm1")).isEmpty();
    IncusException pools = catchThrowableOfType(IncusException.class, client::listStoragePools);
    assertThat(pools.statusCode()).isEqualTo(503);

    client.createInstance(migrationVm("vm1"));
    assertThat(client.listStoragePools()).isNotEmpty();
    assertThat(stub.instance("default", "vm1")).isPresent();
    assertThat(stub.requests())
        .anySatisfy(
            r -> {
              assertThat(r.method()).isEqualTo("POST");
              assertThat(r.path()).isEqualTo("/1.0/instances");
            });
  }

  @Test
  void clusterMembersAndTargets() {
    try (IncusStub cluster =
        IncusStub.builder()
            .clusterMembers("member1", "member2")
            .storageDriver("ceph", true)
            .trust(CLIENT.certificate())
            .start()) {
      IncusClient c = new IncusClient(cluster.connection(CLIENT));

      assertThat(c.serverInfo().clustered()).isTrue();
      assertThat(c.serverInfo().storageDrivers())
          .anySatisfy(d -> assertThat(d.remote()).isTrue());
      assertThat(c.listClusterMembers())
          .extracting(IncusClusterMember::serverName)
          .containsExactly("member1", "member2");

      c.useTarget("member2")
          .createInstance(
              IncusInstancesPost.emptyVirtualMachine("vm1", "x86_64", "", Map.of(), Map.of()));
      assertThat(c.getInstance("vm1").value().location()).isEqualTo("member2");
      c.useTarget("member2")
          .createCustomVolume("default", IncusStorageVolumesPost.customBlock("vm1-disk1", 1 << 20, ""));
      assertThat(c.useTarget("member2").getCustomVolume("default", "vm1-disk1").location())
          .isEqualTo("member2");

      IncusException elsewhere =
          catchThrowableOfType(
              IncusException.class,
              () -> c.useTarget("member1").getCustomVolume("default", "vm1-disk1"));
      assertThat(elsewhere.incusMessage()).isEqualTo("Storage pool volume not found");
      IncusException unknown =
          catchThrowableOfType(
              IncusException.class,
              () ->
                  c.useTarget("member3")
                      .createCustomVolume("default", IncusStorageVolumesPost.customBlock("x", 1, "")));
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.incusMessage()).isEqualTo("Cluster member not found");
    }
  }
}
