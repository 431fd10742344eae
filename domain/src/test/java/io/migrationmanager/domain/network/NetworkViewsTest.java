package io.migrationmanager.domain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.domain.error.ValidationException;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkViewsTest {
  static final NetworkRecord VMNET =
      new NetworkRecord(UUID.randomUUID(), "vcenter01", NetworkType.STANDARD, "network-40007", "/vc01/network/VM NET",
          NetworkProperties.EMPTY, null);
  static final NetworkRecord DVPG =
      new NetworkRecord(UUID.randomUUID(), "vcenter01", NetworkType.DISTRIBUTED, "dvportgroup-1", "/vc01/network/trunk",
          new NetworkProperties("", "", "", "100-200"), null);

  @ParameterizedTest
  @CsvSource({"standard,VM-NET,managed,''", "distributed,trunk,physical,100-200"})
  void defaultPlacement(String kind, String network, String nictype, String vlan) {
    NetworkRecord n = kind.equals("standard") ? VMNET : DVPG;
    assertThat(NetworkViews.defaultPlacement(n)).isEqualTo(new NetworkPlacement(network, nictype, vlan));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "incusbr0|managed|''|",
        "br0|bridged|10|",
        "br0|''|''|",
        "br0|bridged|10,20,30-40|",
        "br0|managed|10|Cannot set VLAN ID with NIC type \"managed\"",
        "br0|''|10|Cannot set VLAN ID with NIC type \"managed\"",
        "br0|ovn|''|Unknown NIC type \"ovn\"",
        "br 0|managed|''|Invalid network name \"br 0\": Name cannot contain white space",
        "br0|physical|5000|Invalid VLAN ID \"5000\": expected VLAN ids (1-4094) or ranges, separated by commas",
      })
  void overrideValidation(String network, String nictype, String vlan, String error) {
    NetworkPlacement o = new NetworkPlacement(network, nictype, vlan);
    if (error == null) {
      NetworkViews.validateOverride(VMNET, o);
    } else {
      assertThatThrownBy(() -> NetworkViews.validateOverride(VMNET, o))
          .isInstanceOf(ValidationException.class)
          .hasMessage(error);
    }
  }
}
