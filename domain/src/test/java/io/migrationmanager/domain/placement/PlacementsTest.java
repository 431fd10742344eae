package io.migrationmanager.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrationmanager.api.BatchDefaults;
import io.migrationmanager.api.BatchPlacement;
import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.api.MigrationNetwork;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.api.OverrideProperties;
import io.migrationmanager.domain.batch.SeedFixtures;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.network.NetworkProperties;
import io.migrationmanager.domain.network.NetworkRecord;
import io.migrationmanager.domain.network.NetworkType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PlacementsTest {
  static final UUID ID = UUID.fromString("5263adbf-dbca-eb36-3019-b09743f40b6d");
  static final String MAC1 = "00:50:56:8a:20:01";
  static final String MAC2 = "00:0c:29:a1:76:30";
  static final String DISK1 = "[datastore-01] CentOS9/CentOS9.vmdk";
  static final String DISK2 = "[datastore-01] CentOS9/CentOS9_1.vmdk";
  static final String RDM = "[datastore-01] CentOS9/rdm.vmdk";

  /** The document's network list after its overrides: VMWARE → incusbr0, VMNET → br0 bridged VLAN 10. */
  static final List<NetworkRecord> NETWORKS =
      List.of(
          new NetworkRecord(UUID.fromString("8df4f8e3-b446-4631-87a8-f7f97fce3109"), "esxi01", NetworkType.STANDARD,
              "HaNetwork-VMWARE", "/ha-datacenter/network/VMWARE", null, new NetworkPlacement("incusbr0", "managed",
                  "")),
          new NetworkRecord(UUID.fromString("d56fcf64-1669-4c85-bffc-c9845676add6"), "vcenter01",
              NetworkType.STANDARD, "network-40007", "/vc01/network/VMNET", null,
              new NetworkPlacement("br0", "bridged", "10")),
          new NetworkRecord(UUID.randomUUID(), "vcenter01", NetworkType.DISTRIBUTED, "dvportgroup-1",
              "/vc01/network/DV Trunk", new NetworkProperties("", "", "", "100-200"), null),
          new NetworkRecord(UUID.randomUUID(), "esxi01", NetworkType.STANDARD, "dvportgroup-1", "/esxi/network/Same id",
              null, null));

  static InstanceRecord instance(boolean running, InstanceOverride override, InstanceNic... nics) {
    InstanceProperties p =
        new InstanceProperties(
            "CentOS9", 6, 6L << 30, Map.of(), "x86_64", ID, "vm-1", "/vc01/vm/other/CentOS9", "", "CentOS",
            "CentOS Stream 9", "", false, false, false, running, true, List.of(nics),
            List.of(new InstanceDisk(20L << 30, DISK1, false, true, true),
                new InstanceDisk(200L << 30, DISK2, false, true, true),
                new InstanceDisk(1L << 30, RDM, false, false, false)),
            List.of());
    return new InstanceRecord(ID, "vcenter01", "vmware", null, override, p);
  }

  static InstanceNic nic(String networkId, String mac) {
    return new InstanceNic(null, networkId, mac, "/vc01/network/x", "192.0.2.9", "");
  }

  static InstanceOverride runningOverride(boolean started, boolean stopped) {
    return new InstanceOverride(null, "", false, false, OverrideProperties.EMPTY, "", "", "", started, stopped);
  }

  static final BatchDefaults DEFAULTS =
      new BatchDefaults(new BatchPlacement("incus01", "default", "default"), List.of(), false);

  @Test
  void defaultPlacementFollowsTheBatchAndTheNetworkRecords() {
    Placement p =
        Placements.defaults(DEFAULTS, instance(true, null, nic("network-40007", MAC1), nic("dvportgroup-1", MAC2)),
            NETWORKS);
    assertThat(p)
        .isEqualTo(
            Placement.of("incus01", "default", Map.of(DISK1, "default", DISK2, "default"),
                Map.of(MAC1, new NetworkPlacement("br0", "bridged", "10"),
                    MAC2, new NetworkPlacement("DV-Trunk", "physical", "100-200")),
                true));
    assertThat(p.storagePools()).doesNotContainKey(RDM);
  }

  @ParameterizedTest
  @CsvSource({
    "true,  false, false, true",
    "false, false, false, false",
    "false, true,  false, true",
    "true,  false, true,  false",
  })
  void runningFollowsTheSourceUnlessOverridden(boolean running, boolean started, boolean stopped, boolean expected) {
    Placement p = Placements.defaults(DEFAULTS, instance(running, runningOverride(started, stopped)), NETWORKS);
    assertThat(p.running()).isEqualTo(expected);
    assertThat(p.withRunning(!expected).running()).isEqualTo(!expected);
  }

  @Test
  void aNicWithoutANetworkRecordFails() {
    InstanceOverride renamed =
        new InstanceOverride(null, "", false, false,
            new OverrideProperties("centos-nine", "", 0, 0, Map.of(), "", "", ""), "", "", "", false, false);
    assertThatThrownBy(() -> Placements.defaults(DEFAULTS, instance(true, renamed, nic("HaNetwork-VMWARE", MAC1)),
            NETWORKS))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No network \"HaNetwork-VMWARE\" associated with instance \"centos-nine\" on source \"vcenter01\"");
  }

  @Test
  void theSeedsInstancesPlaceOnTheirSourcesNetworks() {
    assertThat(Placements.defaults(DEFAULTS, SeedFixtures.WIN2016, NETWORKS).networks().values())
        .containsExactly(new NetworkPlacement("incusbr0", "managed", ""));
    assertThat(Placements.defaults(DEFAULTS, SeedFixtures.UBUNTU2404, NETWORKS).networks().values())
        .containsExactly(new NetworkPlacement("br0", "bridged", "10"));
  }

  static final Placement BASE =
      Placements.defaults(DEFAULTS, instance(true, null, nic("network-40007", MAC1), nic("dvportgroup-1", MAC2)),
          NETWORKS);

  static Stream<Arguments> merges() {
    return Stream.of(
        Arguments.of("nothing set", PlacementOverrides.NONE, BASE),
        Arguments.of("the document's batch01 scriptlet: set_target(\"incus02\")",
            new PlacementOverrides("incus02", "", Map.of(), Map.of()),
            Placement.of("incus02", "default", BASE.storagePools(), BASE.networks(), true)),
        Arguments.of("the document's batch02 scriptlet: set_pool on the large disk",
            new PlacementOverrides("", "", Map.of(DISK2, "pool02"), Map.of()),
            Placement.of("incus01", "default", Map.of(DISK1, "default", DISK2, "pool02"), BASE.networks(), true)),
        Arguments.of("project and one NIC, empty NIC type is managed",
            new PlacementOverrides("", "project1", Map.of(), Map.of(MAC1, new NetworkPlacement("mynetwork1", "", ""))),
            Placement.of("incus01", "project1", BASE.storagePools(),
                Map.of(MAC1, new NetworkPlacement("mynetwork1", "managed", ""), MAC2, BASE.networks().get(MAC2)),
                true)),
        Arguments.of("a bridged NIC with a VLAN",
            new PlacementOverrides("tgt1", "", Map.of(), Map.of(MAC2, new NetworkPlacement("mynetwork2", "bridged",
                "10")))
            , Placement.of("tgt1", "default", BASE.storagePools(),
                Map.of(MAC1, BASE.networks().get(MAC1), MAC2, new NetworkPlacement("mynetwork2", "bridged", "10")),
                true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  void scriptletResultsOverrideFieldByField(String why, PlacementOverrides result, Placement expected) {
    assertThat(Placements.merge(BASE, result)).isEqualTo(expected);
  }

  static Stream<Arguments> badMerges() {
    return Stream.of(
        Arguments.of(new PlacementOverrides("", "", Map.of(RDM, "pool02"), Map.of()),
            "No supported disk found with name \"" + RDM + "\""),
        Arguments.of(new PlacementOverrides("", "", Map.of(), Map.of("00:00:00:00:00:99",
            new NetworkPlacement("n", "managed", ""))), "No NIC found with hardware address \"00:00:00:00:00:99\""),
        Arguments.of(new PlacementOverrides("bad target", "", Map.of(), Map.of()),
            "Invalid target name \"bad target\": Name cannot contain white space"),
        Arguments.of(new PlacementOverrides("", "p/1", Map.of(), Map.of()),
            "Invalid project name \"p/1\": Name cannot contain \"/\""),
        Arguments.of(new PlacementOverrides("", "", Map.of(DISK1, ""), Map.of()),
            "Invalid storage pool name \"\": Name is required"),
        Arguments.of(new PlacementOverrides("", "", Map.of(), Map.of(MAC1, new NetworkPlacement("", "managed", ""))),
            "Invalid network name \"\": Name is required"),
        Arguments.of(new PlacementOverrides("", "", Map.of(), Map.of(MAC1, new NetworkPlacement("n", "macvlan", ""))),
            "Unknown NIC type \"macvlan\""),
        Arguments.of(new PlacementOverrides("", "", Map.of(), Map.of(MAC1, new NetworkPlacement("n", "", "10"))),
            "Cannot set VLAN ID with NIC type \"managed\""));
  }

  @ParameterizedTest
  @MethodSource("badMerges")
  void badScriptletResultsAreRejected(PlacementOverrides result, String message) {
    assertThatThrownBy(() -> Placements.merge(BASE, result))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
  }

  @Test
  void theMigrationNetworkIsTheOneForThePlacementsTargetAndProject() {
    MigrationNetwork a = new MigrationNetwork("br0", "bridged", "", "incus01", "default");
    MigrationNetwork b = new MigrationNetwork("mig", "managed", "", "incus02", "default");
    assertThat(Placements.migrationNetwork(List.of(b, a), BASE)).contains(a);
    assertThat(Placements.migrationNetwork(List.of(b), BASE)).isEmpty();
  }

  @Test
  void placementsWriteTheQueueEntryShape() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Placement p =
        Placement.of("incus01", "default", Map.of("[ds1] vm/vm.vmdk", "default"),
            Map.of("00:0c:29:a1:76:30", new NetworkPlacement("incusbr0", "managed", "")), true);
    String text = json.writeValueAsString(p);
    assertThat(text)
        .isEqualTo(
            "{\"target_name\":\"incus01\",\"target_project\":\"default\",\"storage_pools\":{\"[ds1] vm/vm.vmdk\":"
                + "\"default\"},\"networks\":{\"00:0c:29:a1:76:30\":{\"network\":\"incusbr0\",\"nictype\":\"managed\","
                + "\"vlan_id\":\"\"}},\"running\":true}");
    assertThat(json.readValue(text, Placement.class)).isEqualTo(p);
    assertThat(json.writeValueAsString(Placement.of("", "", null, null, false)))
        .isEqualTo("{\"storage_pools\":{},\"networks\":{},\"running\":false}");
    PlacementOverrides o = new PlacementOverrides("t", "p", Map.of("d", "pool"), Map.of());
    assertThat(json.readValue(json.writeValueAsString(o), PlacementOverrides.class)).isEqualTo(o);
  }
}
