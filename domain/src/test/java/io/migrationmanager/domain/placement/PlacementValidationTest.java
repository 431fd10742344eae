package io.migrationmanager.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.api.MigrationNetwork;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.api.OverrideProperties;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.queue.MigrationStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PlacementValidationTest {
  static final UUID ID = UUID.fromString("5263adbf-dbca-eb36-3019-b09743f40b6d");
  static final String MAC = "00:50:56:8a:20:01";
  static final String DISK = "[datastore-01] CentOS9/CentOS9.vmdk";

  static final TargetDetails INCUS01 =
      new TargetDetails(
          "incus01",
          List.of("default", "project1"),
          List.of("default", "pool02"),
          Map.of(
              "default",
              List.of(
                  new TargetNetwork("incusbr0", "bridge", true, "10.10.10.1/24"),
                  new TargetNetwork("ovn0", "ovn", true, "10.20.0.1/16"),
                  new TargetNetwork("noip", "bridge", true, "none"),
                  new TargetNetwork("autoip", "bridge", true, "auto"),
                  new TargetNetwork("broken", "bridge", true, "10.0.0.1"),
                  new TargetNetwork("uplink", "physical", true, ""),
                  new TargetNetwork("mv", "macvlan", true, ""),
                  new TargetNetwork("br0", "bridge", false, ""),
                  new TargetNetwork("eth1", "physical", false, "")),
              "project1", List.of(new TargetNetwork("incusbr0", "bridge", true, "10.10.10.1/24"))),
          Map.of("default", List.of("existing", "CentOS9Done"), "project1", List.of()));

  static InstanceRecord instance(String name, String ip) {
    InstanceProperties p =
        new InstanceProperties(
            name, 6, 6L << 30, Map.of(), "x86_64", ID, "vm-1", "/vc01/vm/other/" + name, "", "CentOS",
            "CentOS Stream 9", "", false, false, false, true, true,
            List.of(new InstanceNic(null, "network-40007", MAC, "/vc01/network/VMNET", ip, "")),
            List.of(new InstanceDisk(20L << 30, DISK, false, true, true)), List.of());
    return new InstanceRecord(ID, "vcenter01", "vmware", null, null, p);
  }

  static Placement placement(String target, String project, String pool, String network, String nictype) {
    return Placement.of(target, project, Map.of(DISK, pool), Map.of(MAC, new NetworkPlacement(network, nictype, "")),
        true);
  }

  static Placement ok() {
    return placement("incus01", "default", "default", "incusbr0", "managed");
  }

  static Arguments row(String why, Placement p, String ip, List<MigrationNetwork> migration, String problem) {
    return Arguments.of(why, p, instance("CentOS9", ip), MigrationStatus.WAITING, migration, problem);
  }

  static MigrationNetwork mig(String network, String nictype) {
    return new MigrationNetwork(network, nictype, "", "incus01", "default");
  }

  static Stream<Arguments> table() {
    List<MigrationNetwork> none = List.of();
    String ip = "10.10.10.20";
    return Stream.of(
        row("fits", ok(), ip, none, null),
        row("NIC without IPv4 fits anywhere", placement("incus01", "default", "default", "ovn0", "managed"), "", none,
            null),
        row("unknown target", placement("incus02", "default", "default", "incusbr0", "managed"), ip, none,
            "Expected target \"incus02\" but got \"incus01\""),
        row("unknown project", placement("incus01", "p9", "default", "incusbr0", "managed"), ip, none,
            "Project \"p9\" does not exist on target \"incus01\""),
        row("migration network missing", ok(), ip, List.of(mig("nope", "managed")),
            "Migration network \"nope\" not found in project \"default\" of target \"incus01\""),
        row("migration network managed on unmanaged", ok(), ip, List.of(mig("br0", "managed")),
            "Target migration network \"br0\" is not a managed network"),
        row("migration network bridged on managed non-bridge", ok(), ip, List.of(mig("uplink", "bridged")),
            "Target migration network \"uplink\" expects nictype \"managed\", not \"bridged\""),
        row("migration network bridged on managed bridge", ok(), ip, List.of(mig("incusbr0", "bridged")), null),
        row("migration network of another project is ignored", ok(), ip,
            List.of(new MigrationNetwork("nope", "managed", "", "incus01", "project1")), null),
        row("unknown NIC network", placement("incus01", "default", "default", "nope", "managed"), ip, none,
            "No network found with name \"nope\" on target \"incus01\" in project \"default\""),
        row("network of another project", placement("incus01", "project1", "default", "ovn0", "managed"), ip, none,
            "No network found with name \"ovn0\" on target \"incus01\" in project \"project1\""),
        row("IP outside the bridge subnet", ok(), "10.10.11.20", none,
            "Target network \"incusbr0\" does not contain IP \"10.10.11.20\" in subnet \"10.10.10.1/24\""),
        row("IP at the edge of the subnet", ok(), "10.10.10.255", none, null),
        row("IP inside an OVN /16", placement("incus01", "default", "default", "ovn0", "managed"), "10.20.255.1",
            none, null),
        row("IP outside an OVN /16", placement("incus01", "default", "default", "ovn0", "managed"), "10.21.0.1", none,
            "Target network \"ovn0\" does not contain IP \"10.21.0.1\" in subnet \"10.20.0.1/16\""),
        row("bridged NIC skips the subnet check", placement("incus01", "default", "default", "incusbr0", "bridged"),
            "10.10.11.20", none, null),
        row("no IPv4 subnet", placement("incus01", "default", "default", "noip", "managed"), ip, none, null),
        row("automatic IPv4 subnet", placement("incus01", "default", "default", "autoip", "managed"), ip, none, null),
        row("unparsable subnet", placement("incus01", "default", "default", "broken", "managed"), ip, none,
            "Failed to parse target network \"broken\" subnet \"10.0.0.1\": invalid CIDR address: 10.0.0.1"),
        row("unparsable NIC IP", ok(), "10.10.10", none,
            "Failed to parse instance NIC \"/vc01/network/VMNET\" IP \"10.10.10\""),
        row("managed NIC on unmanaged bridge", placement("incus01", "default", "default", "br0", "managed"), ip, none,
            "Target network \"br0\" is not a managed network"),
        row("bridged NIC on unmanaged bridge", placement("incus01", "default", "default", "br0", "bridged"), ip, none,
            null),
        row("physical NIC on unmanaged NIC", placement("incus01", "default", "default", "eth1", "physical"), ip, none,
            null),
        row("bridged NIC on managed physical", placement("incus01", "default", "default", "uplink", "bridged"), ip,
            none, "Target network \"uplink\" expects nictype \"managed\", not \"bridged\""),
        row("physical NIC on managed physical", placement("incus01", "default", "default", "uplink", "physical"), ip,
            none, null),
        row("physical NIC on managed bridge", placement("incus01", "default", "default", "incusbr0", "physical"), ip,
            none, null),
        row("physical NIC on managed macvlan", placement("incus01", "default", "default", "mv", "physical"), ip, none,
            "Target network \"mv\" expects nictype \"managed\", not \"physical\""),
        row("managed NIC on managed macvlan", placement("incus01", "default", "default", "mv", "managed"), ip, none,
            null),
        row("unknown pool", placement("incus01", "default", "pool09", "incusbr0", "managed"), ip, none,
            "No Storage pool found with name \"pool09\" on target \"incus01\" in project \"default\""),
        row("second pool", placement("incus01", "default", "pool02", "incusbr0", "managed"), ip, none, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void placementsAreCheckedAgainstTheTarget(
      String why, Placement p, InstanceRecord instance, MigrationStatus status, List<MigrationNetwork> migration,
      String problem) {
    assertThat(PlacementValidation.problem(INCUS01, p, instance, status, migration).orElse(null)).isEqualTo(problem);
  }

  static final String TAKEN =
      "Instance already exists with name \"existing\" on target \"incus01\" in project \"default\"";
  static final String MISSING =
      "Could not find instance with name \"CentOS9New\" on target \"incus01\" in project \"default\"";

  @ParameterizedTest
  @CsvSource({
    "existing,    WAITING,     TAKEN",
    "existing,    BLOCKED,     TAKEN",
    "existing,    IDLE,        TAKEN",
    "CentOS9Done, WORKER_DONE, ''",
    "CentOS9New,  WORKER_DONE, MISSING",
    "CentOS9New,  WAITING,     ''",
  })
  void theTargetInstanceMustBeAbsentUntilTheWorkerIsDone(String name, MigrationStatus status, String problem) {
    String expected = problem.equals("TAKEN") ? TAKEN : problem.equals("MISSING") ? MISSING : problem;
    assertThat(PlacementValidation.problem(INCUS01, ok(), instance(name, ""), status, List.of()).orElse(""))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "existing, fresh,    ''",
    "fresh,    existing, TAKEN",
  })
  void theOverriddenNameIsTheTargetName(String sourceName, String overrideName, String problem) {
    InstanceRecord renamed =
        instance(sourceName, "")
            .withOverrides(
                new InstanceOverride(null, "", false, false,
                    new OverrideProperties(overrideName, "", 0, 0, Map.of(), "", "", ""), "", "", "", false, false));
    assertThat(PlacementValidation.problem(INCUS01, ok(), renamed, MigrationStatus.WAITING, List.of()).orElse(""))
        .isEqualTo(problem.equals("TAKEN") ? TAKEN : problem);
  }

  @ParameterizedTest
  @CsvSource({"incus01", "incus02"})
  void anUnregisteredTargetDoesNotExist(String target) {
    assertThat(PlacementValidation.problem(null, placement(target, "default", "default", "incusbr0", "managed"),
            instance("CentOS9", ""), MigrationStatus.WAITING, List.of()))
        .contains("Target \"" + target + "\" does not exist");
  }
}
