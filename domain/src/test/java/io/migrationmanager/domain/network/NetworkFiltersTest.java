package io.migrationmanager.domain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.lang.expr.ExprException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkFiltersTest {
  static final UUID VMNET_UUID = UUID.fromString("d56fcf64-1669-4c85-bffc-c9845676add6");
  static final List<NetworkRecord> NETWORKS =
      List.of(
          new NetworkRecord(UUID.fromString("8df4f8e3-b446-4631-87a8-f7f97fce3109"), "esxi01", NetworkType.STANDARD,
              "HaNetwork-VMWARE", "/ha-datacenter/network/VMWARE", null, null),
          new NetworkRecord(VMNET_UUID, "vcenter01", NetworkType.STANDARD, "network-40007", "/vc01/network/VMNET", null,
              null),
          new NetworkRecord(UUID.fromString("2b1b8c1e-5f0e-4a53-9d0c-0c4a7e1d2f30"), "vcenter01",
              NetworkType.NSX_DISTRIBUTED, "dvportgroup-12", "/vc01/network/DSwitch/DPG VLAN10", null, null));

  /** The selected networks by source-specific id, joined with spaces; {@code -} for none. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "source == 'vcenter01'|network-40007 dvportgroup-12",
        "source_specific_id startsWith 'Ha'|HaNetwork-VMWARE",
        "uuid == 'd56fcf64-1669-4c85-bffc-c9845676add6'|network-40007",
        "type == 'nsx-distributed'|dvportgroup-12",
        "type == 'standard' and source != 'esxi01'|network-40007",
        "location matches '^/vc01/'|network-40007 dvportgroup-12",
        "path_base(location) == 'VMWARE'|HaNetwork-VMWARE",
        "path_dir(location) == '/vc01/network/DSwitch'|dvportgroup-12",
        "path_base(path_dir(location)) == 'network'|HaNetwork-VMWARE network-40007",
        // The location alias: a bare word, a number, or anything that does not compile matches locations.
        "VMNET|network-40007",
        "DPG VLAN10|dvportgroup-12",
        "10|dvportgroup-12",
        "source ==|-",
        "true|HaNetwork-VMWARE network-40007 dvportgroup-12",
      })
  void selects(String expression, String expected) {
    List<String> selected =
        NetworkFilters.select(expression, NETWORKS).stream().map(NetworkRecord::sourceSpecificId).toList();
    assertThat(selected).isEqualTo(expected.equals("-") ? List.of() : Arrays.asList(expected.split(" ")));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("foo == 'bar'", "unknown name foo (1:1)\n | foo == 'bar'\n | ^"),
        Arguments.of(
            "source == 'a' || name == 'b'",
            "unknown name name (1:18)\n | source == 'a' || name == 'b'\n | .................^"),
        Arguments.of("len(location)", "expected bool, but got int"),
        // Compiles with undefined variables, so it is no location alias.
        Arguments.of("vc01/network/VMNET", "unknown name vc01 (1:1)\n | vc01/network/VMNET\n | ^"),
        Arguments.of(
            "location matches '('",
            "error parsing regexp: missing closing ): `location matches '('` (1:10)\n"
                + " | location matches \"location matches '('\"\n | .........^"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects(String expression, String message) {
    assertThatThrownBy(() -> NetworkFilters.select(expression, NETWORKS))
        .isInstanceOf(ExprException.class)
        .hasMessage(message);
  }

  @Test
  void environmentHasTheFilterableFieldsOnly() {
    assertThat(NetworkFilters.environment(NETWORKS.get(1)))
        .containsExactly(
            Map.entry("uuid", VMNET_UUID.toString()),
            Map.entry("source_specific_id", "network-40007"),
            Map.entry("source", "vcenter01"),
            Map.entry("type", "standard"),
            Map.entry("location", "/vc01/network/VMNET"));
    assertThat(NetworkFilters.env().variables().keySet())
        .containsExactly("uuid", "source_specific_id", "source", "type", "location");
  }

  @Test
  void compileChecksAgainstTheNetworkFields() {
    assertThat(NetworkFilters.compile("type == 'nsx'").runBool(NetworkFilters.environment(NETWORKS.get(0)))).isFalse();
    assertThatThrownBy(() -> NetworkFilters.compile("cpus > 2"))
        .isInstanceOf(ExprException.class)
        .hasMessageStartingWith("unknown name cpus (1:1)");
  }
}
