package io.migrationmanager.domain.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.network.NetworkProperties;
import io.migrationmanager.domain.network.NetworkRecord;
import io.migrationmanager.domain.network.NetworkType;
import io.migrationmanager.domain.warning.WarningType;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InventoryMergeTest {
  static final Instant T0 = Instant.parse("2025-11-18T23:00:00Z");
  static final Instant T1 = Instant.parse("2025-11-18T23:10:00Z");
  static final UUID VM1 = UUID.fromString("52d5cfe0-d341-82d9-3f23-4149687b4e3e");
  static final UUID VM2 = UUID.fromString("52d89a93-ff8f-9dea-4d74-ec99beb1d2d4");
  static final UUID NET = UUID.fromString("d56fcf64-1669-4c85-bffc-c9845676add6");

  static InstanceProperties vm(UUID uuid, String name, String os, String arch, String ip, boolean verified) {
    return new InstanceProperties(
        name.replaceAll("[^-a-zA-Z0-9]", ""), 2, 4L << 30, Map.of(), arch, uuid, "VirtualMachine:vm-" + name.length(),
        "/vc01/vm/Incus migrations/" + name, "", os.isEmpty() ? "" : "Ubuntu", os, "Ubuntu Linux (64-bit)", false,
        true, false, true, true,
        List.of(new InstanceNic(null, "network-40007", "00:50:56:8a:20:01", "/vc01/network/VMNET", ip, "")),
        List.of(new InstanceDisk(20L << 30, "[datastore-01] " + name + "/" + name + ".vmdk", false, true, verified)),
        List.of());
  }

  static DiscoveredNetwork vmnet() {
    return new DiscoveredNetwork("network-40007", NetworkType.STANDARD, "/vc01/network/VMNET", NetworkProperties.EMPTY);
  }

  static Supplier<UUID> uuids(UUID... values) {
    Deque<UUID> queue = new ArrayDeque<>(List.of(values));
    return queue::removeFirst;
  }

  static InventoryMerge.Stored empty() {
    return new InventoryMerge.Stored(List.of(), List.of(), Set.of(), Map.of());
  }

  @Test
  void newInstancesAndTheirNetworksAreCreatedWithStableNetworkUuids() {
    SourceInventory inv =
        new SourceInventory(List.of(vm(VM1, "Ubuntu 2404", "", "", "", false)), List.of(vmnet()), List.of());
    var plan = InventoryMerge.plan("vcenter01", "vmware", inv, empty(), T0, uuids(NET));
    assertThat(plan.createInstances()).hasSize(1);
    InstanceRecord created = plan.createInstances().get(0);
    assertThat(created.source()).isEqualTo("vcenter01");
    assertThat(created.lastUpdateFromSource()).isEqualTo(T0);
    assertThat(created.properties().architecture()).isEqualTo("x86_64");
    assertThat(created.properties().nics().get(0).uuid()).isEqualTo(NET);
    assertThat(plan.createNetworks())
        .containsExactly(
            new NetworkRecord(
                NET, "vcenter01", NetworkType.STANDARD, "network-40007", "/vc01/network/VMNET",
                NetworkProperties.EMPTY, NetworkPlacement.EMPTY));
  }

  @Test
  void guestDataSurvivesAPowerOffAndUnchangedInstancesAreNotTouched() {
    InstanceProperties first = vm(VM1, "Debian Bookworm", "Debian GNU/Linux 12 (bookworm)", "x86_64", "192.0.2.21", true);
    // As stored after the first sync: the NIC carries its network's UUID.
    InstanceProperties firstStored =
        InventoryMerge.plan("vcenter01", "vmware", new SourceInventory(List.of(first), List.of(vmnet()), List.of()),
                empty(), T0, uuids(NET))
            .createInstances().get(0).properties();
    InstanceRecord stored = new InstanceRecord(VM1, "vcenter01", "vmware", T0, InstanceOverride.EMPTY, firstStored);
    NetworkRecord net = new NetworkRecord(NET, "vcenter01", NetworkType.STANDARD, "network-40007",
        "/vc01/network/VMNET", NetworkProperties.EMPTY, null);
    var storedState = new InventoryMerge.Stored(List.of(stored), List.of(net), Set.of(), Map.of());

    // The same report again: nothing to do.
    InstanceProperties same = vm(VM1, "Debian Bookworm", "Debian GNU/Linux 12 (bookworm)", "x86_64", "192.0.2.21", false);
    var unchanged = InventoryMerge.plan("vcenter01", "vmware",
        new SourceInventory(List.of(same), List.of(vmnet()), List.of()), storedState, T1, uuids());
    assertThat(unchanged.changesNothing()).isTrue();

    // Powered off: no guest data, no IP; the stored values stay, the disk stays verified.
    InstanceProperties off = vm(VM1, "Debian Bookworm", "", "", "", false);
    var plan = InventoryMerge.plan("vcenter01", "vmware",
        new SourceInventory(List.of(off), List.of(vmnet()), List.of()), storedState, T1, uuids());
    assertThat(plan.updateInstances()).isEmpty();
  }

  @Test
  void frozenInstancesAreNeitherUpdatedNorDeletedAndKeepTheirNetworks() {
    InstanceRecord stored = new InstanceRecord(VM1, "vcenter01", "vmware", T0, InstanceOverride.EMPTY,
        vm(VM1, "Ubuntu 2404", "", "x86_64", "", true));
    NetworkRecord net = new NetworkRecord(NET, "vcenter01", NetworkType.STANDARD, "network-40007",
        "/vc01/network/VMNET", NetworkProperties.EMPTY, null);
    var state = new InventoryMerge.Stored(List.of(stored), List.of(net), Set.of(VM1), Map.of());
    var plan = InventoryMerge.plan("vcenter01", "vmware", new SourceInventory(List.of(), List.of(), List.of()),
        state, T1, uuids());
    assertThat(plan.deleteInstances()).isEmpty();
    assertThat(plan.deleteNetworks()).isEmpty();
  }

  @Test
  void instancesGoneFromTheSourceAreDeletedWithUnusedNetworks() {
    InstanceRecord stored = new InstanceRecord(VM1, "vcenter01", "vmware", T0, InstanceOverride.EMPTY,
        vm(VM1, "Ubuntu 2404", "", "x86_64", "", true));
    NetworkRecord net = new NetworkRecord(NET, "vcenter01", NetworkType.STANDARD, "network-40007",
        "/vc01/network/VMNET", NetworkProperties.EMPTY, null);
    var state = new InventoryMerge.Stored(List.of(stored), List.of(net), Set.of(), Map.of());
    var plan = InventoryMerge.plan("vcenter01", "vmware", new SourceInventory(List.of(), List.of(vmnet()), List.of()),
        state, T1, uuids());
    assertThat(plan.deleteInstances()).containsExactly(VM1);
    assertThat(plan.deleteNetworks()).containsExactly(NET);
  }

  @Test
  void anInstanceAnotherSourceHasIsSkippedWithAWarning() {
    var state = new InventoryMerge.Stored(List.of(), List.of(), Set.of(), Map.of(VM2, "esxi01"));
    var plan = InventoryMerge.plan("vcenter01", "vmware",
        new SourceInventory(List.of(vm(VM2, "Debian Bookworm", "x", "x86_64", "1.2.3.4", true)), List.of(vmnet()),
            List.of()),
        state, T1, uuids(NET));
    assertThat(plan.createInstances()).isEmpty();
    assertThat(plan.warnings())
        .containsExactly(
            new SyncWarning(
                WarningType.INSTANCES_NOT_IMPORTED,
                "Duplicate UUIDs: \"52d89a93-ff8f-9dea-4d74-ec99beb1d2d4\". Skipped instance \"/vc01/vm/Incus "
                    + "migrations/Debian Bookworm\" on source \"vcenter01\", keeping instance on source \"esxi01\""));
  }

  @Test
  void togglingChangeTrackingDropsTheVerification() {
    InstanceProperties verified = vm(VM1, "Ubuntu 2404", "Ubuntu 24.04", "x86_64", "1.2.3.4", true);
    InstanceProperties trackingOff =
        new InstanceProperties(verified.name(), verified.cpus(), verified.memory(), verified.config(),
            verified.architecture(), verified.uuid(), verified.sourceSpecificId(), verified.location(),
            verified.description(), verified.os(), verified.osVersion(), verified.osTemplate(), false, true, false,
            true, false, verified.nics(), List.of(verified.disks().get(0).withBackgroundImportVerified(false)),
            List.of());
    assertThat(InventoryMerge.applyUpdates(verified, trackingOff).disks().get(0).backgroundImportVerified()).isFalse();
  }

  @Test
  void incompleteMeansMissingGuestData() {
    assertThat(InventoryMerge.incomplete(vm(VM1, "Ubuntu 2404", "", "x86_64", "", true))).isTrue();
    assertThat(InventoryMerge.incomplete(vm(VM1, "Debian", "Debian GNU/Linux 12", "x86_64", "192.0.2.1", true)))
        .isFalse();
  }
}
