package io.migrationmanager.activities.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.migrationmanager.domain.error.TransientException;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.OsClassifier;
import io.migrationmanager.domain.network.NetworkProperties;
import io.migrationmanager.domain.network.NetworkType;
import io.migrationmanager.domain.source.ConnectivityStatus;
import io.migrationmanager.domain.source.DiscoveredNetwork;
import io.migrationmanager.domain.source.SourceInventory;
import io.migrationmanager.domain.source.SyncWarning;
import io.migrationmanager.domain.source.VmwareEndpoint;
import io.migrationmanager.domain.warning.WarningType;
import io.migrationmanager.testsupport.VcsimPeer;
import io.migrationmanager.tls.Pem;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link VsphereSource} against the vcsim launcher with the user's two sources, and with the
 * extras.
 */
@Tag("vcsim")
@ExtendWith(VcsimPeer.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VsphereSourceVcsimTest {
  private static final long GIB = 1L << 30;
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Map<String, String> VCENTER_CONFIG =
      Map.of("vmware.resource_pool", "Resources");

  private VcsimPeer esxi;
  private VcsimPeer vcenter;
  private VcsimPeer esxiExtras;
  private VcsimPeer vcenterExtras;

  @BeforeAll
  void startPeers() throws IOException {
    esxi = VcsimPeer.start(STARTUP, "-esx");
    vcenter = VcsimPeer.start(STARTUP);
    esxiExtras = VcsimPeer.start(STARTUP, "-esx", "-extras");
    vcenterExtras = VcsimPeer.start(STARTUP, "-extras");
  }

  @AfterAll
  void stopPeers() throws IOException {
    for (VcsimPeer peer : new VcsimPeer[] {esxi, vcenter, esxiExtras, vcenterExtras}) {
      if (peer != null) {
        peer.close();
      }
    }
  }

  private static SourceInventory fetch(VmwareEndpoint endpoint) {
    try (VsphereSource source = new VsphereSource(endpoint)) {
      return source.fetchInventory();
    }
  }

  private static InstanceProperties instance(
      String name,
      long cpus,
      long memory,
      Map<String, String> config,
      String architecture,
      String uuid,
      String location,
      String os,
      String osVersion,
      String osTemplate,
      boolean legacyBoot,
      boolean backgroundImport,
      InstanceNic nic,
      InstanceDisk disk) {
    return new InstanceProperties(
        name,
        cpus,
        memory,
        config,
        architecture,
        UUID.fromString(uuid),
        "",
        location,
        "",
        os,
        osVersion,
        osTemplate,
        false,
        legacyBoot,
        false,
        true,
        backgroundImport,
        List.of(nic),
        List.of(disk),
        List.of());
  }

  private static InstanceDisk disk(String name, long capacity) {
    return new InstanceDisk(capacity, name, false, true, false);
  }

  @Test
  void esxiSeedGivesTheDocumentsInstancesAndNetwork() throws IOException {
    SourceInventory inventory = fetch(esxi.trustedEndpoint());

    InstanceNic vmware =
        new InstanceNic(null, "HaNetwork-VMWARE", "", "/ha-datacenter/network/VMWARE", "", "");
    assertThat(inventory.instances())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("sourceSpecificId")
        .containsExactly(
            instance(
                "SuseUEFI",
                3,
                6 * GIB,
                Map.of(),
                "x86_64",
                "5298cc11-96ea-4f50-b018-6d80bfdaa7d9",
                "/ha-datacenter/vm/SuseUEFI",
                "openSUSE Leap",
                "openSUSE Leap 15.6",
                "SUSE openSUSE (64-bit)",
                false,
                true,
                new InstanceNic(
                    null,
                    vmware.sourceSpecificId(),
                    "00:50:56:8a:10:02",
                    vmware.location(),
                    "192.0.2.12",
                    "2001:db8::12"),
                disk("[datastore-01] Suse/Suse.vmdk", 128 * GIB)),
            instance(
                "Win2016",
                2,
                4 * GIB,
                Map.of(),
                "x86_64",
                "52cfcb6b-20ee-add3-adc9-68c63ca9adfd",
                "/ha-datacenter/vm/Win2016",
                "Windows",
                "Windows Server 2016, 64-bit (Build 14393.693)",
                "Microsoft Windows Server 2016 or later (64-bit)",
                true,
                true,
                new InstanceNic(
                    null,
                    vmware.sourceSpecificId(),
                    "00:50:56:8a:10:01",
                    vmware.location(),
                    "192.0.2.11",
                    ""),
                disk("[datastore-01] Win2016/Win2016.vmdk", 40 * GIB)));
    assertThat(inventory.instances())
        .allSatisfy(i -> assertThat(i.sourceSpecificId()).startsWith("VirtualMachine:"));
    assertThat(inventory.networks())
        .containsExactly(
            new DiscoveredNetwork(
                "HaNetwork-VMWARE",
                NetworkType.STANDARD,
                "/ha-datacenter/network/VMWARE",
                NetworkProperties.EMPTY));
    assertThat(inventory.warnings()).isEmpty();
  }

  @Test
  void vcenterSeedGivesTheDocumentsInstancesAndNetwork() throws IOException {
    SourceInventory inventory = fetch(vcenter.trustedEndpoint());

    String vmnet = "/vc01/network/VMNET";
    assertThat(inventory.instances())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("sourceSpecificId")
        .containsExactly(
            instance(
                "CentOS9UEFI",
                6,
                6 * GIB,
                VCENTER_CONFIG,
                "x86_64",
                "5263adbf-dbca-eb36-3019-b09743f40b6d",
                "/vc01/vm/Incus migrations/Cent OS 9 UEFI",
                "CentOS Stream",
                "CentOS Stream 9",
                "CentOS Stream 9 (64-bit)",
                false,
                true,
                new InstanceNic(
                    null, "network-40007", "00:50:56:8a:20:03", vmnet, "192.0.2.22", ""),
                disk("[datastore-01] CentOS9/CentOS9.vmdk", 24 * GIB)),
            instance(
                "DebianBookworm",
                3,
                6 * GIB,
                VCENTER_CONFIG,
                "x86_64",
                "52d89a93-ff8f-9dea-4d74-ec99beb1d2d4",
                "/vc01/vm/Incus migrations/Debian Bookworm",
                "Debian GNU/Linux",
                "Debian GNU/Linux 12 (bookworm)",
                "Debian GNU/Linux 12 (64-bit)",
                true,
                false,
                new InstanceNic(
                    null, "network-40007", "00:50:56:8a:20:02", vmnet, "192.0.2.21", ""),
                disk("[datastore-01] Debian/Debian.vmdk", 16 * GIB)),
            instance(
                "Ubuntu2404",
                2,
                4 * GIB,
                VCENTER_CONFIG,
                "",
                "52d5cfe0-d341-82d9-3f23-4149687b4e3e",
                "/vc01/vm/Incus migrations/Ubuntu 2404",
                "",
                "",
                "Ubuntu Linux (64-bit)",
                true,
                true,
                new InstanceNic(null, "network-40007", "00:50:56:8a:20:01", vmnet, "", ""),
                disk("[datastore-01] Ubuntu/Ubuntu.vmdk", 20 * GIB)),
            instance(
                "CentOS9",
                6,
                6 * GIB,
                VCENTER_CONFIG,
                "x86_64",
                "2f83c3b1-7966-4ff7-a671-79f163f28b3e",
                "/vc01/vm/other/CentOS9",
                "CentOS Stream",
                "CentOS Stream 9",
                "CentOS Stream 9 (64-bit)",
                true,
                true,
                new InstanceNic(
                    null, "network-40007", "00:50:56:8a:20:04", vmnet, "192.0.2.23", ""),
                disk("[datastore-01] CentOS9-other/CentOS9.vmdk", 24 * GIB)));
    assertThat(inventory.networks())
        .containsExactly(
            new DiscoveredNetwork(
                "network-40007", NetworkType.STANDARD, vmnet, NetworkProperties.EMPTY));
    assertThat(inventory.warnings()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/ha-datacenter/vm/Win2016,       windows, other,  Server 2016",
    "/ha-datacenter/vm/SuseUEFI,      linux,   suse,   15",
  })
  void esxiSeedOperatingSystems(String location, String osType, String distribution, String version)
      throws IOException {
    assertOperatingSystem(fetch(esxi.trustedEndpoint()), location, osType, distribution, version);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/vc01/vm/Incus migrations/Ubuntu 2404,     linux, ubuntu, ''",
    "/vc01/vm/Incus migrations/Debian Bookworm, linux, debian, 12",
    "/vc01/vm/Incus migrations/Cent OS 9 UEFI,  linux, centos, 9",
    "/vc01/vm/other/CentOS9,                    linux, centos, 9",
  })
  void vcenterSeedOperatingSystems(
      String location, String osType, String distribution, String version) throws IOException {
    assertOperatingSystem(
        fetch(vcenter.trustedEndpoint()), location, osType, distribution, version);
  }

  private static void assertOperatingSystem(
      SourceInventory inventory,
      String location,
      String osType,
      String distribution,
      String version) {
    InstanceProperties props =
        inventory.instances().stream()
            .filter(i -> i.location().equals(location))
            .findFirst()
            .orElseThrow();
    assertThat(OsClassifier.osType(props)).isEqualTo(osType);
    assertThat(OsClassifier.distribution(props)).isEqualTo(distribution);
    assertThat(OsClassifier.distributionVersion(props)).isEqualTo(version);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/vc01/..., 4", "/vc*/..., 4", "/..., 4", "/vc02/..., 0", "/vc01/vm/other/..., 0"})
  void datacentersLimitTheImport(String pattern, int instances) throws IOException {
    SourceInventory inventory = fetch(vcenter.trustedEndpoint(List.of(pattern)));

    assertThat(inventory.instances()).hasSize(instances);
    assertThat(inventory.networks()).hasSize(instances == 0 ? 0 : 1);
    assertThat(inventory.warnings()).isEmpty();
  }

  @Test
  void extrasOnVcenterAreIgnoredOrRejectedWithTheOriginalsMessages() throws IOException {
    SourceInventory inventory = fetch(vcenterExtras.trustedEndpoint());

    assertThat(inventory.warnings())
        .containsExactly(
            new SyncWarning(
                WarningType.INSTANCES_IGNORED,
                "Not importing VM tagged as a template \"/vc01/vm/Templates/debian12-template\""),
            new SyncWarning(
                WarningType.INSTANCES_IGNORED,
                "Not importing VM with empty source config \"/vc01/vm/inaccessible-vm\""),
            new SyncWarning(
                WarningType.INSTANCES_IGNORED,
                "Not importing vCLS tagged VM"
                    + " \"/vc01/vm/vCLS/vCLS-4c4c4544-0044-3510-8058-b4c04f4e4d32\""),
            new SyncWarning(
                WarningType.INSTANCES_NOT_IMPORTED,
                "Duplicate UUIDs: \"52d89a93-ff8f-9dea-4d74-ec99beb1d2d4\". Skipped instance "
                    + "\"/vc01/vm/other/Debian Bookworm clone\", keeping instance "
                    + "\"/vc01/vm/Incus migrations/Debian Bookworm\""),
            new SyncWarning(
                WarningType.INSTANCES_NOT_IMPORTED,
                "Failed to determine OS distribution version \"Windows 7 Professional, 64-bit"
                    + " (Build 7601)\" for Windows VM \"/vc01/vm/other/Win7\": Windows version"
                    + " \"Windows 7 Professional, 64-bit (Build 7601)\" is unknown or unsupported"),
            new SyncWarning(
                WarningType.INSTANCES_IGNORED,
                "Not importing VM tagged as vCenter appliance \"/vc01/vm/vcsa01\""));
    assertThat(inventory.instances())
        .extracting(InstanceProperties::location)
        .containsExactly(
            "/vc01/vm/Incus migrations/Cent OS 9 UEFI",
            "/vc01/vm/Incus migrations/Debian Bookworm",
            "/vc01/vm/Incus migrations/Ubuntu 2404",
            "/vc01/vm/other/CentOS9",
            "/vc01/vm/other/dvs/Multi NIC");
  }

  @Test
  void extrasOnEsxiAreIgnored() throws IOException {
    SourceInventory inventory = fetch(esxiExtras.trustedEndpoint());

    assertThat(inventory.warnings())
        .containsExactly(
            new SyncWarning(
                WarningType.INSTANCES_IGNORED,
                "Not importing VM tagged as a template \"/ha-datacenter/vm/debian12-template\""),
            new SyncWarning(
                WarningType.INSTANCES_IGNORED,
                "Not importing VM with empty source config \"/ha-datacenter/vm/inaccessible-vm\""),
            new SyncWarning(
                WarningType.INSTANCES_IGNORED,
                "Not importing vCLS tagged VM"
                    + " \"/ha-datacenter/vm/vCLS-4c4c4544-0044-3510-8058-b4c04f4e4d32\""));
    assertThat(inventory.instances())
        .extracting(InstanceProperties::name)
        .containsExactly("SuseUEFI", "Win2016");
  }

  @Test
  void tagsCustomAttributesAndResourcePoolBecomeConfig() throws IOException {
    SourceInventory inventory = fetch(vcenterExtras.trustedEndpoint());

    assertThat(byLocation(inventory, "/vc01/vm/Incus migrations/Debian Bookworm").config())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "tag.Environment", "production",
                "tag.Team", "blue,green",
                "attribute.VirtualMachine.Owner", "platform-team",
                "attribute.global.CostCenter", "cc-4711",
                "vmware.resource_pool", "Resources"));
    assertThat(byLocation(inventory, "/vc01/vm/other/CentOS9").config())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("tag.Environment", "staging", "vmware.resource_pool", "Resources"));
  }

  @Test
  void distributedPortGroupsNicsAndUnsupportedDisks() throws IOException {
    SourceInventory inventory = fetch(vcenterExtras.trustedEndpoint());

    assertThat(inventory.networks())
        .extracting(
            DiscoveredNetwork::location, DiscoveredNetwork::type, DiscoveredNetwork::properties)
        .containsExactly(
            tuple(
                "/vc01/network/DPG-Trunk",
                NetworkType.DISTRIBUTED,
                new NetworkProperties("", "", "", "100-200,300-400")),
            tuple(
                "/vc01/network/DPG-VLAN10",
                NetworkType.DISTRIBUTED,
                new NetworkProperties("", "", "10", "")),
            tuple("/vc01/network/VMNET", NetworkType.STANDARD, NetworkProperties.EMPTY));
    Map<String, String> ids =
        inventory.networks().stream()
            .collect(
                Collectors.toMap(DiscoveredNetwork::location, DiscoveredNetwork::sourceSpecificId));
    assertThat(ids.get("/vc01/network/DPG-VLAN10")).startsWith("dvportgroup-");

    InstanceProperties multi = byLocation(inventory, "/vc01/vm/other/dvs/Multi NIC");
    assertThat(multi.nics())
        .containsExactly(
            new InstanceNic(
                null,
                ids.get("/vc01/network/DPG-VLAN10"),
                "00:50:56:8a:40:01",
                "/vc01/network/DPG-VLAN10",
                "192.0.2.41",
                ""),
            new InstanceNic(
                null,
                ids.get("/vc01/network/DPG-Trunk"),
                "00:50:56:8a:40:02",
                "/vc01/network/DPG-Trunk",
                "",
                ""),
            new InstanceNic(
                null,
                "network-40007",
                "00:50:56:8a:40:03",
                "/vc01/network/VMNET",
                "192.0.2.43",
                "2001:db8::43"));
    assertThat(multi.disks())
        .containsExactly(
            new InstanceDisk(32 * GIB, "[datastore-01] MultiNIC/MultiNIC.vmdk", false, true, false),
            new InstanceDisk(
                8 * GIB, "[datastore-01] MultiNIC/MultiNIC_1.vmdk", false, false, false));
    assertThat(multi.secureBoot()).isTrue();
    assertThat(multi.legacyBoot()).isFalse();
    assertThat(multi.osVersion()).isEqualTo("Red Hat Enterprise Linux 9.4 (Plow)");
  }

  private static InstanceProperties byLocation(SourceInventory inventory, String location) {
    return inventory.instances().stream()
        .filter(i -> i.location().equals(location))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void tagReadFailureRejectsTheVcentersVms() throws IOException {
    VsphereTags.Factory failing =
        (connection, username, password) ->
            new VsphereTags() {
              @Override
              public Map<String, Map<String, List<String>>> attachedTags(List<String> vmIds)
                  throws IOException {
                throw new IOException("tagging service unavailable");
              }

              @Override
              public void close() {}
            };
    SourceInventory inventory;
    try (VsphereSource source = new VsphereSource(vcenter.trustedEndpoint(), failing)) {
      inventory = source.fetchInventory();
    }

    assertThat(inventory.instances()).isEmpty();
    assertThat(inventory.warnings())
        .hasSize(4)
        .first()
        .isEqualTo(
            new SyncWarning(
                WarningType.INSTANCES_NOT_IMPORTED,
                "Failed to import tags for VM \"/vc01/vm/Incus migrations/Cent OS 9 UEFI\": "
                    + "IOException: tagging service unavailable"));
  }

  @Test
  void tagLoginFailureFailsTheSync() throws IOException {
    VsphereTags.Factory refusing =
        (connection, username, password) -> {
          throw new IOException("HTTP 401");
        };
    try (VsphereSource source = new VsphereSource(vcenter.trustedEndpoint(), refusing)) {
      assertThatThrownBy(source::fetchInventory)
          .isInstanceOf(TransientException.class)
          .hasMessage("Failed to login to REST API: IOException: HTTP 401");
    }
  }

  // ----------------------------------------------------------------------------------------------
  // connectivity

  @Test
  void untrustedCertificateAsksForConfirmationAndIsCaptured() throws IOException {
    VsphereConnectivity result = new VsphereSource(vcenter.untrustedEndpoint()).checkConnectivity();

    assertThat(result.status()).isEqualTo(ConnectivityStatus.CONFIRM_TLS_FINGERPRINT);
    assertThat(result.serverCertificate()).isEqualTo(vcenter.certificate());
    assertThat(result.serverCertificateFingerprint())
        .isEqualTo(Pem.fingerprint(vcenter.certificate()));
  }

  @Test
  void pinnedCertificateIsTrusted() throws IOException {
    VsphereConnectivity result = new VsphereSource(esxi.trustedEndpoint()).checkConnectivity();

    assertThat(result.status()).isEqualTo(ConnectivityStatus.OK);
    assertThat(result.message()).isEmpty();
    assertThat(result.serverCertificate()).isEqualTo(esxi.certificate());
  }

  @Test
  void confirmedFingerprintWithColonsAndCapitalsIsTrusted() throws IOException {
    String fingerprint =
        Pem.fingerprint(vcenter.certificate()).toUpperCase().replaceAll("(..)(?!$)", "$1:");
    VmwareEndpoint endpoint =
        VcsimPeer.endpoint(
            vcenter.sdkUrl,
            VcsimPeer.der(vcenter.certificate()),
            fingerprint,
            VcsimPeer.PASSWORD,
            List.of());

    assertThat(new VsphereSource(endpoint).checkConnectivity().status())
        .isEqualTo(ConnectivityStatus.OK);
    assertThat(fetch(endpoint).instances()).hasSize(4);
  }

  @Test
  void anotherSourcesCertificateIsNotTrusted() throws IOException {
    VmwareEndpoint endpoint =
        VcsimPeer.endpoint(
            vcenter.sdkUrl,
            VcsimPeer.der(esxi.certificate()),
            Pem.fingerprint(esxi.certificate()),
            VcsimPeer.PASSWORD,
            List.of());

    VsphereConnectivity result = new VsphereSource(endpoint).checkConnectivity();

    assertThat(result.status()).isEqualTo(ConnectivityStatus.CONFIRM_TLS_FINGERPRINT);
    assertThat(result.serverCertificate()).isEqualTo(vcenter.certificate());
    assertThatThrownBy(() -> fetch(endpoint))
        .isInstanceOf(TransientException.class)
        .hasMessageStartingWith("Failed to connect to endpoint \"" + vcenter.sdkUrl + "\"");
  }

  @Test
  void wrongPasswordIsAnAuthenticationError() throws IOException {
    VmwareEndpoint trusted = vcenter.trustedEndpoint();
    VmwareEndpoint wrong =
        VcsimPeer.endpoint(
            trusted.endpoint(),
            trusted.trustedServerCertificate(),
            trusted.trustedServerCertificateFingerprint(),
            "not-the-password",
            List.of());

    VsphereConnectivity result = new VsphereSource(wrong).checkConnectivity();

    assertThat(result.status()).isEqualTo(ConnectivityStatus.AUTHENTICATION_ERROR);
    assertThat(result.message()).contains("Cannot complete login");
  }

  @Test
  void closedPortCannotConnect() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    VmwareEndpoint endpoint =
        VcsimPeer.endpoint("https://127.0.0.1:" + port, null, "", VcsimPeer.PASSWORD, List.of());

    VsphereConnectivity result = new VsphereSource(endpoint).checkConnectivity();

    assertThat(result.status()).isEqualTo(ConnectivityStatus.CANNOT_CONNECT);
    assertThat(result.message()).contains("ConnectException");
  }

  @Test
  void unknownHostCannotConnect() {
    VmwareEndpoint endpoint =
        VcsimPeer.endpoint(
            "https://vcenter.mm-test.invalid", null, "", VcsimPeer.PASSWORD, List.of());

    assertThat(new VsphereSource(endpoint).checkConnectivity().status())
        .isEqualTo(ConnectivityStatus.CANNOT_CONNECT);
  }

  // ------------------------------------------------------------------------------------- files and
  // power

  @Test
  void changeTrackingFilesAreFoundOnTheDatastore() throws IOException {
    try (VsphereSource source = new VsphereSource(vcenter.trustedEndpoint())) {
      assertThat(
              source.findChangeTrackingFiles(
                  List.of(
                      "[datastore-01] CentOS9/CentOS9.vmdk",
                      "[datastore-01] Debian/Debian.vmdk",
                      "[datastore-01] Nowhere/Nowhere.vmdk")))
          .containsExactly(
              Map.entry("[datastore-01] CentOS9/CentOS9.vmdk", ChangeTrackingFile.FOUND),
              Map.entry("[datastore-01] Debian/Debian.vmdk", ChangeTrackingFile.MISSING),
              Map.entry("[datastore-01] Nowhere/Nowhere.vmdk", ChangeTrackingFile.MISSING));
      assertThat(source.searchDatastoreFile("[datastore-01] Ubuntu/Ubuntu-flat.vmdk"))
          .hasValueSatisfying(f -> assertThat(f.size()).isEqualTo(20 * GIB));
    }
  }

  @Test
  void powerOffAndOn() throws IOException {
    try (VsphereSource source = new VsphereSource(esxiExtras.trustedEndpoint())) {
      String win =
          byLocation(source.fetchInventory(), "/ha-datacenter/vm/Win2016").sourceSpecificId();

      source.powerOff(win);
      assertThat(byLocation(source.fetchInventory(), "/ha-datacenter/vm/Win2016").running())
          .isFalse();
      source.powerOff(win);
      source.powerOn(win);
      assertThat(byLocation(source.fetchInventory(), "/ha-datacenter/vm/Win2016").running())
          .isTrue();
    }
  }
}
