package io.migrationmanager.activities.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vmware.vim25.ArrayOfVirtualDevice;
import com.vmware.vim25.CustomFieldDef;
import com.vmware.vim25.CustomFieldStringValue;
import com.vmware.vim25.CustomFieldValue;
import com.vmware.vim25.DistributedVirtualSwitchPortConnection;
import com.vmware.vim25.GuestNicInfo;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.NetIpConfigInfo;
import com.vmware.vim25.NetIpConfigInfoIpAddress;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDeviceBackingInfo;
import com.vmware.vim25.VirtualDeviceFileBackingInfo;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualDiskFlatVer2BackingInfo;
import com.vmware.vim25.VirtualDiskRawDiskMappingVer1BackingInfo;
import com.vmware.vim25.VirtualDiskRawDiskVer2BackingInfo;
import com.vmware.vim25.VirtualDiskSparseVer2BackingInfo;
import com.vmware.vim25.VirtualEthernetCard;
import com.vmware.vim25.VirtualEthernetCardDistributedVirtualPortBackingInfo;
import com.vmware.vim25.VirtualEthernetCardNetworkBackingInfo;
import com.vmware.vim25.VirtualEthernetCardOpaqueNetworkBackingInfo;
import com.vmware.vim25.VirtualMachineSnapshotTree;
import com.vmware.vim25.VirtualVmxnet3;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mapping of spec §2.4 on VM properties built by hand: backings and guest data vcsim cannot
 * produce.
 */
class VmMapperTest {
  private static final long GIB = 1L << 30;
  private static final Map<String, String> NETWORKS =
      Map.of(
          "network-40007", "/vc01/network/VMNET",
          "dvportgroup-12", "/vc01/network/DPG 12",
          "HaNetwork-VM_Network", "/ha-datacenter/network/VM Network",
          "c9a7b8d6-nsx", "/vc01/network/segment-a");

  private static ManagedObjectReference ref(String type, String value) {
    ManagedObjectReference ref = new ManagedObjectReference();
    ref.setType(type);
    ref.setVal(value);
    return ref;
  }

  private static Map<String, Object> baseProperties(VirtualDevice... devices) {
    Map<String, Object> values = new HashMap<>();
    values.put("name", "Web 01_prod.example");
    values.put("config.name", "Web 01_prod.example");
    values.put("summary.config.instanceUuid", "52d5cfe0-d341-82d9-3f23-4149687b4e3e");
    values.put("config.hardware.numCPU", 4);
    values.put("summary.config.memorySizeMB", 8192);
    values.put("config.firmware", "efi");
    values.put("runtime.powerState", "poweredOff");
    ArrayOfVirtualDevice array = new ArrayOfVirtualDevice();
    array.setVirtualDevice(devices);
    values.put("config.hardware.device", array);
    return values;
  }

  private static InstanceProperties map(Map<String, Object> values) {
    return map(values, Map.of());
  }

  private static InstanceProperties map(
      Map<String, Object> values, Map<Integer, CustomFieldDef> fields) {
    PropertyValues vm = new PropertyValues(ref("VirtualMachine", "vm-42"), values, List.of());
    return new VmMapper(NETWORKS, fields).map(vm, "/vc01/vm/Web 01_prod.example", Map.of("k", "v"));
  }

  private static VirtualDisk disk(VirtualDeviceBackingInfo backing, long kb, Long bytes) {
    VirtualDisk disk = new VirtualDisk();
    disk.setKey(2000);
    disk.setBacking(backing);
    disk.setCapacityInKB(kb);
    disk.setCapacityInBytes(bytes);
    return disk;
  }

  private static VirtualDiskFlatVer2BackingInfo flat(String file, String mode, String sharing) {
    VirtualDiskFlatVer2BackingInfo b = new VirtualDiskFlatVer2BackingInfo();
    b.setFileName(file);
    b.setDiskMode(mode);
    b.setSharing(sharing);
    return b;
  }

  private static VirtualEthernetCard nic(String mac, VirtualDeviceBackingInfo backing) {
    VirtualEthernetCard card = new VirtualVmxnet3();
    card.setKey(4000);
    card.setMacAddress(mac);
    card.setBacking(backing);
    return card;
  }

  private static VirtualEthernetCardNetworkBackingInfo standard(String id) {
    VirtualEthernetCardNetworkBackingInfo b = new VirtualEthernetCardNetworkBackingInfo();
    b.setNetwork(ref("Network", id));
    return b;
  }

  private static GuestNicInfo guestNic(String network, String mac, String... addresses) {
    GuestNicInfo g = new GuestNicInfo();
    g.setNetwork(network);
    g.setMacAddress(mac);
    g.setIpAddress(addresses);
    return g;
  }

  @Test
  void mapsTheVmProperties() {
    Map<String, Object> values = baseProperties();
    OptionValue detailed = new OptionValue();
    detailed.setKey("guestInfo.detailed.data");
    detailed.setValue(
        "architecture='Arm' bitness='64' distroName='Ubuntu' prettyName='Ubuntu 24.04.1 LTS'");
    values.put("config.extraConfig", new OptionValue[] {detailed});
    values.put("config.annotation", "web server");
    values.put("config.guestFullName", "Ubuntu Linux (64-bit)");
    values.put("config.changeTrackingEnabled", true);
    values.put("config.bootOptions.efiSecureBootEnabled", true);
    values.put("summary.config.tpmPresent", true);
    values.put("runtime.powerState", "poweredOn");
    VirtualMachineSnapshotTree snapshot = new VirtualMachineSnapshotTree();
    snapshot.setName("before upgrade");
    values.put("snapshot.rootSnapshotList", new VirtualMachineSnapshotTree[] {snapshot});

    InstanceProperties p = map(values);

    assertThat(p.name()).isEqualTo("Web01prodexample");
    assertThat(p.cpus()).isEqualTo(4);
    assertThat(p.memory()).isEqualTo(8 * GIB);
    assertThat(p.architecture()).isEqualTo("aarch64");
    assertThat(p.uuid()).hasToString("52d5cfe0-d341-82d9-3f23-4149687b4e3e");
    assertThat(p.sourceSpecificId()).isEqualTo("VirtualMachine:vm-42");
    assertThat(p.location()).isEqualTo("/vc01/vm/Web 01_prod.example");
    assertThat(p.description()).isEqualTo("web server");
    assertThat(p.os()).isEqualTo("Ubuntu");
    assertThat(p.osVersion()).isEqualTo("Ubuntu 24.04.1 LTS");
    assertThat(p.osTemplate()).isEqualTo("Ubuntu Linux (64-bit)");
    assertThat(p.secureBoot()).isTrue();
    assertThat(p.legacyBoot()).isFalse();
    assertThat(p.tpm()).isTrue();
    assertThat(p.running()).isTrue();
    assertThat(p.backgroundImport()).isTrue();
    assertThat(p.config()).containsExactly(Map.entry("k", "v"));
    assertThat(p.snapshots()).extracting(s -> s.name()).containsExactly("before upgrade");
  }

  @Test
  void withoutGuestDataTheOsAndArchitectureAreUnknown() {
    InstanceProperties p = map(baseProperties());

    assertThat(p.os()).isEmpty();
    assertThat(p.osVersion()).isEmpty();
    assertThat(p.architecture()).isEmpty();
    assertThat(p.running()).isFalse();
  }

  @Test
  void customAttributesAreNamedByTypeOrGlobal() {
    Map<String, Object> values = baseProperties();
    CustomFieldStringValue owner = new CustomFieldStringValue();
    owner.setKey(101);
    owner.setValue("ops");
    CustomFieldStringValue cost = new CustomFieldStringValue();
    cost.setKey(102);
    cost.setValue("cc-1");
    CustomFieldStringValue unknown = new CustomFieldStringValue();
    unknown.setKey(999);
    unknown.setValue("dropped");
    values.put("customValue", new CustomFieldValue[] {owner, cost, unknown});
    CustomFieldDef ownerField = new CustomFieldDef();
    ownerField.setKey(101);
    ownerField.setName("Owner");
    ownerField.setManagedObjectType("VirtualMachine");
    CustomFieldDef costField = new CustomFieldDef();
    costField.setKey(102);
    costField.setName("Cost Center");

    InstanceProperties p = map(values, Map.of(101, ownerField, 102, costField));

    assertThat(p.config())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "attribute.VirtualMachine.Owner",
                "ops",
                "attribute.global.Cost Center",
                "cc-1",
                "k",
                "v"));
  }

  @Test
  void nicsTakeTheFirstNonLinkLocalAddressesOfTheirNetwork() {
    Map<String, Object> values =
        baseProperties(
            nic("00:50:56:aa:00:01", standard("network-40007")),
            nic("00:50:56:aa:00:02", standard("network-40007")),
            nic("00:50:56:aa:00:03", standard("HaNetwork-VM Network")));
    values.put(
        "guest.net",
        new GuestNicInfo[] {
          guestNic(
              "VMNET",
              "00:50:56:aa:00:01",
              "fe80::1",
              "169.254.3.4",
              "192.0.2.10",
              "2001:db8::10",
              "192.0.2.99"),
          guestNic("VMNET", "00:50:56:aa:00:02", "fe80::2", "2001:db8::20"),
          guestNic("VM Network", "00:50:56:aa:00:99", "198.51.100.7")
        });

    assertThat(map(values).nics())
        .containsExactly(
            new InstanceNic(
                null,
                "network-40007",
                "00:50:56:aa:00:01",
                "/vc01/network/VMNET",
                "192.0.2.10",
                "2001:db8::10"),
            new InstanceNic(
                null,
                "network-40007",
                "00:50:56:aa:00:02",
                "/vc01/network/VMNET",
                "",
                "2001:db8::20"),
            new InstanceNic(
                null,
                "HaNetwork-VM_Network",
                "00:50:56:aa:00:03",
                "/ha-datacenter/network/VM Network",
                "198.51.100.7",
                ""));
  }

  @Test
  void ipConfigAddressesComeBeforeThePlainList() {
    Map<String, Object> values =
        baseProperties(nic("00:50:56:aa:00:01", standard("network-40007")));
    GuestNicInfo g = guestNic("VMNET", "00:50:56:aa:00:01", "192.0.2.1");
    NetIpConfigInfo config = new NetIpConfigInfo();
    NetIpConfigInfoIpAddress address = new NetIpConfigInfoIpAddress();
    address.setIpAddress("192.0.2.2");
    config.setIpAddress(new NetIpConfigInfoIpAddress[] {address});
    g.setIpConfig(config);
    values.put("guest.net", new GuestNicInfo[] {g});

    assertThat(map(values).nics())
        .extracting(InstanceNic::ipv4Address)
        .containsExactly("192.0.2.2");
  }

  @Test
  void distributedAndOpaqueNetworkIds() {
    VirtualEthernetCardDistributedVirtualPortBackingInfo dvpg =
        new VirtualEthernetCardDistributedVirtualPortBackingInfo();
    DistributedVirtualSwitchPortConnection port = new DistributedVirtualSwitchPortConnection();
    port.setPortgroupKey("dvportgroup-12");
    port.setSwitchUuid("50 2a");
    dvpg.setPort(port);
    VirtualEthernetCardOpaqueNetworkBackingInfo opaque =
        new VirtualEthernetCardOpaqueNetworkBackingInfo();
    opaque.setOpaqueNetworkId("c9a7b8d6-nsx");
    opaque.setOpaqueNetworkType("nsx.LogicalSwitch");
    Map<String, Object> values =
        baseProperties(nic("00:50:56:aa:00:01", dvpg), nic("00:50:56:aa:00:02", opaque));
    values.put(
        "guest.net", new GuestNicInfo[] {guestNic("DPG 12", "00:50:56:aa:00:01", "192.0.2.12")});

    assertThat(map(values).nics())
        .containsExactly(
            new InstanceNic(
                null,
                "dvportgroup-12",
                "00:50:56:aa:00:01",
                "/vc01/network/DPG 12",
                "192.0.2.12",
                ""),
            new InstanceNic(
                null, "c9a7b8d6-nsx", "00:50:56:aa:00:02", "/vc01/network/segment-a", "", ""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "persistent,                 ,                    false, true",
    "persistent,                 sharingNone,         false, true",
    "persistent,                 sharingMultiWriter,  true,  false",
    "independent_persistent,     ,                    false, false",
    "independent_nonpersistent,  ,                    false, false",
    "nonpersistent,              ,                    false, true",
  })
  void flatDisks(String mode, String sharing, boolean shared, boolean supported) {
    InstanceDisk d = VmMapper.disk(disk(flat("[ds] vm/vm.vmdk", mode, sharing), 1024, null));

    assertThat(d)
        .isEqualTo(new InstanceDisk(1024 * 1024, "[ds] vm/vm.vmdk", shared, supported, false));
  }

  @Test
  void diskNameIsTheBaseOfTheSnapshotChain() {
    VirtualDiskFlatVer2BackingInfo base = flat("[ds] vm/vm.vmdk", "persistent", null);
    VirtualDiskFlatVer2BackingInfo delta1 = flat("[ds] vm/vm-000001.vmdk", "persistent", null);
    delta1.setParent(base);
    VirtualDiskFlatVer2BackingInfo delta2 = flat("[ds] vm/vm-000002.vmdk", "persistent", null);
    delta2.setParent(delta1);
    VirtualDiskSparseVer2BackingInfo sparseBase = new VirtualDiskSparseVer2BackingInfo();
    sparseBase.setFileName("[ds] old/old.vmdk");
    sparseBase.setDiskMode("persistent");
    VirtualDiskSparseVer2BackingInfo sparse = new VirtualDiskSparseVer2BackingInfo();
    sparse.setFileName("[ds] old/old-000001.vmdk");
    sparse.setDiskMode("persistent");
    sparse.setParent(sparseBase);

    assertThat(VmMapper.disk(disk(delta2, 0, 100 * GIB)))
        .isEqualTo(new InstanceDisk(100 * GIB, "[ds] vm/vm.vmdk", false, true, false));
    assertThat(VmMapper.disk(disk(sparse, 2048, null)))
        .isEqualTo(new InstanceDisk(2048 * 1024, "[ds] old/old.vmdk", false, true, false));
  }

  @Test
  void rawAndUnknownDisksAreUnsupported() {
    VirtualDiskRawDiskMappingVer1BackingInfo rdm = new VirtualDiskRawDiskMappingVer1BackingInfo();
    rdm.setFileName("[ds] vm/vm_rdm.vmdk");
    rdm.setCompatibilityMode("physicalMode");
    VirtualDiskRawDiskVer2BackingInfo raw = new VirtualDiskRawDiskVer2BackingInfo();
    raw.setDeviceName("/vmfs/devices/disks/naa.600");
    raw.setSharing("sharingMultiWriter");
    VirtualDeviceFileBackingInfo unknown = new VirtualDeviceFileBackingInfo();
    unknown.setFileName("[ds] vm/other.vmdk");

    assertThat(VmMapper.disk(disk(rdm, 1024, null)))
        .isEqualTo(new InstanceDisk(1024 * 1024, "[ds] vm/vm_rdm.vmdk", false, false, false));
    assertThat(VmMapper.disk(disk(raw, 1024, null)))
        .isEqualTo(
            new InstanceDisk(1024 * 1024, "/vmfs/devices/disks/naa.600", true, false, false));
    assertThat(VmMapper.disk(disk(unknown, 1024, null)))
        .isEqualTo(new InstanceDisk(1024 * 1024, "[ds] vm/other.vmdk", false, false, false));
  }

  @Test
  void missingInstanceUuidFailsTheMapping() {
    Map<String, Object> values = baseProperties();
    values.remove("summary.config.instanceUuid");

    assertThatThrownBy(() -> map(values)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Ubuntu 2404      | Ubuntu2404
          Cent OS 9 UEFI   | CentOS9UEFI
          web_01.prod      | web01prod
          db-02            | db-02
          Grüße (old)      | Greold
          """)
  void namesKeepOnlyLettersDigitsAndDashes(String name, String sanitized) {
    assertThat(VmMapper.sanitizeName(name)).isEqualTo(sanitized);
  }
}
