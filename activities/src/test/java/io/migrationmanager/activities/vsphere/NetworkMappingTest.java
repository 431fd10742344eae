package io.migrationmanager.activities.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.NumericRange;
import com.vmware.vim25.OpaqueNetworkSummary;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VMwareDVSPortSetting;
import com.vmware.vim25.VmwareDistributedVirtualSwitchTrunkVlanSpec;
import com.vmware.vim25.VmwareDistributedVirtualSwitchVlanIdSpec;
import io.migrationmanager.domain.network.NetworkProperties;
import io.migrationmanager.domain.network.NetworkType;
import io.migrationmanager.domain.source.DiscoveredNetwork;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Network kinds and placement properties (spec §2.5), including the NSX ones vcsim 0.24 cannot
 * serve.
 */
class NetworkMappingTest {

  private static PropertyValues object(String type, String id, Map<String, Object> values) {
    ManagedObjectReference ref = new ManagedObjectReference();
    ref.setType(type);
    ref.setVal(id);
    return new PropertyValues(ref, new HashMap<>(values), List.of());
  }

  private static VMwareDVSPortSetting vlan(int id) {
    VmwareDistributedVirtualSwitchVlanIdSpec spec = new VmwareDistributedVirtualSwitchVlanIdSpec();
    spec.setVlanId(id);
    VMwareDVSPortSetting setting = new VMwareDVSPortSetting();
    setting.setVlan(spec);
    return setting;
  }

  private static NumericRange range(int start, int end) {
    NumericRange r = new NumericRange();
    r.setStart(start);
    r.setEnd(end);
    return r;
  }

  @Test
  void standardNetworksUseTheirManagedObjectIdWithoutSpaces() {
    assertThat(VsphereSource.network(object("Network", "HaNetwork-VM Network", Map.of()), "/ha/n"))
        .isEqualTo(
            new DiscoveredNetwork(
                "HaNetwork-VM_Network", NetworkType.STANDARD, "/ha/n", NetworkProperties.EMPTY));
  }

  @Test
  void distributedPortGroupsCarryTheirVlan() {
    VmwareDistributedVirtualSwitchTrunkVlanSpec trunk =
        new VmwareDistributedVirtualSwitchTrunkVlanSpec();
    trunk.setVlanId(new NumericRange[] {range(100, 200), range(300, 300)});
    VMwareDVSPortSetting trunkSetting = new VMwareDVSPortSetting();
    trunkSetting.setVlan(trunk);

    assertThat(
            VsphereSource.network(
                object(
                    "DistributedVirtualPortgroup",
                    "dvportgroup-1",
                    Map.of("key", "dvportgroup-1", "config.defaultPortConfig", vlan(10))),
                "/dc/network/pg1"))
        .isEqualTo(
            new DiscoveredNetwork(
                "dvportgroup-1",
                NetworkType.DISTRIBUTED,
                "/dc/network/pg1",
                new NetworkProperties("", "", "10", "")));
    assertThat(
            VsphereSource.network(
                    object(
                        "DistributedVirtualPortgroup",
                        "dvportgroup-2",
                        Map.of("key", "dvportgroup-2", "config.defaultPortConfig", trunkSetting)),
                    "/dc/network/pg2")
                .properties())
        .isEqualTo(new NetworkProperties("", "", "", "100-200,300-300"));
    assertThat(
            VsphereSource.network(
                object(
                    "DistributedVirtualPortgroup",
                    "dvportgroup-3",
                    Map.of("config.defaultPortConfig", vlan(0))),
                "/dc/network/pg3"))
        .isEqualTo(
            new DiscoveredNetwork(
                "dvportgroup-3",
                NetworkType.DISTRIBUTED,
                "/dc/network/pg3",
                NetworkProperties.EMPTY));
  }

  @Test
  void nsxBackedPortGroupsAndOpaqueNetworks() {
    assertThat(
            VsphereSource.network(
                object(
                    "DistributedVirtualPortgroup",
                    "dvportgroup-9",
                    Map.of(
                        "key", "dvportgroup-9",
                        "config.backingType", "nsx",
                        "config.segmentId", "/infra/segments/web",
                        "config.transportZoneUuid", "1b3a2f5e-0000-4000-8000-000000000001")),
                "/dc/network/web"))
        .isEqualTo(
            new DiscoveredNetwork(
                "dvportgroup-9",
                NetworkType.NSX_DISTRIBUTED,
                "/dc/network/web",
                new NetworkProperties(
                    "/infra/segments/web", "1b3a2f5e-0000-4000-8000-000000000001", "", "")));

    OpaqueNetworkSummary summary = new OpaqueNetworkSummary();
    summary.setOpaqueNetworkId("a7c3 opaque");
    summary.setOpaqueNetworkType("nsx.LogicalSwitch");
    OptionValue segment = new OptionValue();
    segment.setKey("com.vmware.opaquenetwork.segment.path");
    segment.setValue("/infra/segments/db");
    assertThat(
            VsphereSource.network(
                object(
                    "OpaqueNetwork",
                    "network-o1",
                    Map.of("summary", summary, "extraConfig", new OptionValue[] {segment})),
                "/dc/network/db"))
        .isEqualTo(
            new DiscoveredNetwork(
                "a7c3_opaque",
                NetworkType.NSX,
                "/dc/network/db",
                new NetworkProperties("/infra/segments/db", "", "", "")));
  }
}
