package io.migrationmanager.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.api.Batch;
import io.migrationmanager.api.BatchConfig;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.domain.batch.BatchStatus;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.RestrictionOverrides;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The placement scriptlets of the user's document, and the builtins' rules. */
class StarlarkPlacementScriptsTest {
  static final String CENTOS_TO_INCUS02 =
      "def placement(instance, batch):\n"
          + "    if instance.os_version.startswith(\"CentOS\"):\n"
          + "        set_target(\"incus02\")\n";
  static final String BIG_DISKS_TO_POOL02 =
      "def placement(instance, batch):\n"
          + "    for disk in instance.properties.disks:\n"
          + "        if disk.capacity >= (1024 * 1024 * 1024 * 100):\n"
          + "            set_pool(disk.name, 'pool02')\n";

  final StarlarkPlacementScripts scripts = new StarlarkPlacementScripts();

  static InstanceRecord vm(String name, String osVersion, long... diskGiB) {
    List<InstanceDisk> disks = new java.util.ArrayList<>();
    for (int i = 0; i < diskGiB.length; i++) {
      disks.add(new InstanceDisk(diskGiB[i] << 30, "[datastore-01] " + name + "/" + name + "_" + i + ".vmdk", false, true, true));
    }
    InstanceProperties p =
        new InstanceProperties(
            name, 2, 4L << 30, Map.of("tag.env", "prod"), "x86_64", UUID.randomUUID(), "VirtualMachine:vm-1",
            "/vc01/vm/" + name, "", "", osVersion, "", false, false, false, true, true,
            List.of(new InstanceNic(null, "network-40007", "00:50:56:8a:20:01", "/vc01/network/VMNET", "192.0.2.9", "")),
            disks, List.of());
    return new InstanceRecord(p.uuid(), "vcenter01", "vmware", null, InstanceOverride.EMPTY, p);
  }

  static Batch batch(String script) {
    BatchPut put =
        new BatchPut("batch01", "true", List.of(), List.of(), null,
            new BatchConfig(false, script, 5, RestrictionOverrides.NONE, null, null));
    return Batch.of(put, BatchStatus.DEFINED, "Defined", null);
  }

  @Test
  void centOsGoesToIncus02() {
    assertThat(scripts.run(batch(CENTOS_TO_INCUS02), vm("CentOS9", "CentOS Stream 9", 20)).target()).isEqualTo("incus02");
    assertThat(scripts.run(batch(CENTOS_TO_INCUS02), vm("Debian", "Debian GNU/Linux 12", 20)))
        .isEqualTo(PlacementOverrides.NONE);
  }

  @Test
  void disksOfAtLeast100GiBGoToPool02() {
    InstanceRecord suse = vm("SuseUEFI", "openSUSE Leap 15.6", 128, 20, 100);
    PlacementOverrides r = scripts.run(batch(BIG_DISKS_TO_POOL02), suse);
    assertThat(r.storagePools())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("[datastore-01] SuseUEFI/SuseUEFI_0.vmdk", "pool02", "[datastore-01] SuseUEFI/SuseUEFI_2.vmdk", "pool02"));
  }

  @Test
  void theInstanceShowsPropertiesTwiceAndTheNewerNames() {
    String script =
        "def placement(instance, batch):\n"
            + "    if instance.properties.os_version != instance.os_description:\n"
            + "        fail('aliases differ')\n"
            + "    if instance.config['tag.env'] == 'prod' and instance.source == 'vcenter01' and batch.name == 'batch01':\n"
            + "        set_project('prod')\n"
            + "    set_network(instance.nics[0].hardware_address, 'br0', 'bridged', '10,20')\n"
            + "    log_info('placed', instance.name, len(instance.disks))\n";
    PlacementOverrides r = scripts.run(batch(script), vm("X", "CentOS Stream 9", 20));
    assertThat(r.project()).isEqualTo("prod");
    assertThat(r.networks()).containsEntry("00:50:56:8a:20:01", new NetworkPlacement("br0", "bridged", "10,20"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "set_target('')|Target name is empty",
        "set_project('')|Project name is empty",
        "set_pool('[ds] nope.vmdk', 'p')|No disk found with name \"[ds] nope.vmdk\" on instance \"/vc01/vm/X\"",
        "set_pool(instance.disks[0].name, '')|Storage pool name is empty",
        "set_network('00:00:00:00:00:00', 'br0', 'bridged', '')|No NIC found with hardware address \"00:00:00:00:00:00\"",
        "set_network(instance.nics[0].hardware_address, 'br0', 'ovn', '')|Unknown NIC type \"ovn\"",
        "set_network(instance.nics[0].hardware_address, 'br0', 'managed', '10')|Cannot set VLAN ID with NIC type \"managed\"",
        "set_network(instance.nics[0].hardware_address, 'br0', '', '0')|Cannot set VLAN ID with NIC type \"managed\"",
        "set_network(instance.nics[0].hardware_address, 'br0', 'bridged', 'x')|Invalid VLAN ID \"x\"",
        "set_network(instance.nics[0].hardware_address, '', 'bridged', '')|Network name is empty",
        "instance.nope|nope",
        "return 1|Failed with unexpected return value: 1",
      })
  void builtinErrorsNameTheProblemAndTheLine(String body, String message) {
    String script = "def placement(instance, batch):\n    " + body + "\n";
    assertThatThrownBy(() -> scripts.run(batch(script), vm("X", "CentOS Stream 9", 20)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(message);
  }

  @Test
  void runtimeErrorsCarryTheLine() {
    String script = "def placement(instance, batch):\n    x = 1\n    set_target('')\n";
    assertThatThrownBy(() -> scripts.run(batch(script), vm("X", "CentOS Stream 9", 20)))
        .hasMessageContaining("placement.star:3:");
  }

  static Stream<Arguments> badScriptlets() {
    String expected = "it must define a function \"placement(instance, batch)\"";
    return Stream.of(
        Arguments.of("def placement(instance):\n    pass\n", expected),
        Arguments.of("def place(instance, batch):\n    pass\n", expected),
        Arguments.of("placement = 1\n", expected),
        Arguments.of("def placement(instance, batch)\n    pass\n", "placement.star:1:"),
        Arguments.of("def placement(instance, batch):\n    set_vlan('x')\n", "placement.star:2:"),
        Arguments.of("def placement(instance, batch):\n    undefined_thing()\n", "undefined"));
  }

  @ParameterizedTest
  @MethodSource("badScriptlets")
  void validationRejectsBadScriptlets(String script, String message) {
    assertThatThrownBy(() -> scripts.validate("batch01", script))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid placement scriptlet: ")
        .hasMessageContaining(message);
  }

  @Test
  void endlessScriptletsAreStopped() {
    String script = "def placement(instance, batch):\n    for i in range(100000000):\n        pass\n";
    assertThatThrownBy(() -> scripts.run(batch(script), vm("X", "CentOS Stream 9", 20))).isInstanceOf(ValidationException.class);
  }
}
