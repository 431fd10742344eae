package io.migrationmanager.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.cli.CliRunner.Result;
import io.migrationmanager.testsupport.VcsimPeer;
import io.migrationmanager.tests.support.Golden;
import io.migrationmanager.tests.support.ServiceUnderTest;
import io.migrationmanager.tls.Pem;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first half of the user's document, end to end: the service (MariaDB, Temporal, the per-source sync
 * workflows) reads the two vcsim sources of the document, and the CLI shows the document's tables.
 */
@ExtendWith(VcsimPeer.Available.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedInventoryIT {
  static VcsimPeer esxi;
  static VcsimPeer vcenter;
  static ServiceUnderTest service;
  static CliRunner cli;

  @BeforeAll
  static void start() throws Exception {
    esxi = VcsimPeer.start(Duration.ofSeconds(60), "-esx");
    vcenter = VcsimPeer.start(Duration.ofSeconds(60));
    service = new ServiceUnderTest().start();
    cli = service.cli();
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    if (esxi != null) {
      esxi.close();
    }
    if (vcenter != null) {
      vcenter.close();
    }
  }

  static String endpoint(VcsimPeer peer) {
    return peer.sdkUrl.replaceAll("/sdk$", "");
  }

  static Result addSource(String name, VcsimPeer peer, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "source", "add", name, endpoint(peer), "--username", VcsimPeer.USERNAME, "--password-stdin",
                "--import-limit", "50", "--connection-timeout", "10m", "--sync-timeout", "10s", "--datacenters", ""));
    args.addAll(Arrays.asList(extra));
    return cli.runWithInput(VcsimPeer.PASSWORD + "\n", args.toArray(String[]::new));
  }

  @Test
  @Order(1)
  void anUntrustedCertificateIsReportedWithItsFingerprint() throws Exception {
    String fp = Pem.fingerprint(esxi.certificate());
    Result r = addSource("esxi01", esxi);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().trim())
        .isEqualTo(
            "Successfully added new source \"esxi01\", but received an untrusted TLS server certificate with "
                + "fingerprint " + fp + ". Please update the source to correct the issue.");
    assertThat(cli.run("instance", "list", "-f", "csv").out()).isEmpty();

    Result update = cli.run("source", "update", "esxi01", "--trusted-cert-fingerprint", fp);
    assertThat(update.err()).isEmpty();
    assertThat(update.out()).contains("Successfully updated source \"esxi01\".");
  }

  @Test
  @Order(2)
  void bothSourcesImportTheDocumentsInstances() throws Exception {
    Result r = addSource("vcenter01", vcenter, "--trusted-cert-fingerprint", Pem.fingerprint(vcenter.certificate()));
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("Successfully added new source \"vcenter01\".\n");

    Result list = cli.run("instance", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).isEqualTo(Golden.read("instance-list-before.txt"));

    Result sources = cli.run("source", "list", "-f", "csv");
    assertThat(sources.out()).contains("esxi01,vmware," + endpoint(esxi) + ",OK,false,");
    assertThat(sources.out()).contains("vcenter01,vmware," + endpoint(vcenter) + ",OK,false,");
  }

  @Test
  @Order(3)
  void warningsExplainTheUbuntuVm() {
    Result list = cli.run("warning", "list", "-f", "csv");
    List<String> rows = list.out().lines().toList();
    assertThat(rows).hasSize(2);
    assertThat(rows)
        .anySatisfy(row -> assertThat(row).matches("[0-9a-f-]{36},new,sync,source,vcenter01,Instances partially imported,.*,1,1"))
        .anySatisfy(row -> assertThat(row).matches("[0-9a-f-]{36},new,sync,source,vcenter01,Instance migration is restricted,.*,2,1"));

    String restricted = rows.stream().filter(r -> r.contains("restricted")).findFirst().orElseThrow().split(",")[0];
    String show = cli.run("warning", "show", restricted).out();
    assertThat(show)
        .contains("type: Instance migration is restricted")
        .contains(
            "messages:\n"
                + "- '\"/vc01/vm/Incus migrations/Ubuntu 2404\": Could not determine instance OS, check if guest "
                + "agent is running'\n"
                + "- '\"/vc01/vm/Incus migrations/Debian Bookworm\": Background import is not supported'\n");
    String partial = rows.stream().filter(r -> r.contains("partially")).findFirst().orElseThrow().split(",")[0];
    assertThat(cli.run("warning", "show", partial).out())
        .contains(
            "- '\"/vc01/vm/Incus migrations/Ubuntu 2404\" has incomplete properties. Ensure VM is powered on and "
                + "guest agent is running'\n");

    // A second sync raises the same warnings again: same UUIDs, counts go up.
    assertThat(cli.run("source", "sync", "vcenter01").out()).isEqualTo("Successfully synced source \"vcenter01\".\n");
    assertThat(cli.run("warning", "list", "-f", "csv").out()).contains(restricted + ",new,").contains(",2,2");
  }

  @Test
  @Order(4)
  void overridingTheUbuntuOsShowsInTheList() {
    String yaml =
        "comment: \"Override OS and OS version (no VMware guest agent)\"\n"
            + "disable_migration: false\n"
            + "ignore_restrictions: false\n"
            + "properties:\n"
            + "  name: \"\"\n"
            + "  description: \"\"\n"
            + "  cpus: 0\n"
            + "  memory: 0\n"
            + "  config: {}\n"
            + "  os: \"Ubuntu\"\n"
            + "  os_version: \"Ubuntu 24.04 (Noble)\"\n"
            + "  architecture: \"\"\n";
    Result edit = cli.runWithInput(yaml, "instance", "override", "edit", "52d5cfe0-d341-82d9-3f23-4149687b4e3e");
    assertThat(edit.err()).isEmpty();
    assertThat(edit.exitCode()).isZero();
    assertThat(cli.run("instance", "list").out()).isEqualTo(Golden.read("instance-list-after.txt"));
    assertThat(cli.run("instance", "override", "show", "52d5cfe0-d341-82d9-3f23-4149687b4e3e").out())
        .startsWith("last_update: 20")
        .contains("comment: Override OS and OS version (no VMware guest agent)\n")
        .contains("  os: Ubuntu\n  os_version: Ubuntu 24.04 (Noble)\n");

    // Bad YAML changes nothing.
    Result bad = cli.runWithInput("properties:\n  cpus: lots\n", "instance", "override", "edit",
        "52d5cfe0-d341-82d9-3f23-4149687b4e3e");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("properties.cpus");
    assertThat(cli.run("instance", "list").out()).isEqualTo(Golden.read("instance-list-after.txt"));
  }

  @Test
  @Order(5)
  void networksAreListedAndOverridden() {
    String before = cli.run("network", "list").out();
    assertThat(maskUuids(before)).isEqualTo(maskUuids(Golden.read("network-list-before.txt")));
    String esxiNet = uuidOfRow(before, "HaNetwork-VMWARE");
    String vcNet = uuidOfRow(before, "network-40007");

    assertThat(cli.runWithInput("network: \"incusbr0\"\nnictype: \"managed\"\nvlan_id: \"\"\n", "network", "edit", esxiNet).exitCode())
        .isZero();
    assertThat(cli.runWithInput("network: \"br0\"\nnictype: \"bridged\"\nvlan_id: \"30\"\n", "network", "edit", vcNet).exitCode())
        .isZero();
    Result refused = cli.runWithInput("network: \"br0\"\nnictype: \"managed\"\nvlan_id: \"10\"\n", "network", "edit", vcNet);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err().trim()).isEqualTo("Cannot set VLAN ID with NIC type \"managed\"");
    assertThat(maskUuids(cli.run("network", "list").out())).isEqualTo(maskUuids(Golden.read("network-list-after.txt")));
  }

  static String uuidOfRow(String table, String marker) {
    return table.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow().split("\\|")[1].trim();
  }

  /** The table's lines with UUIDs masked, sorted: network UUIDs are random, and the table sorts by them. */
  static List<String> maskUuids(String table) {
    return table
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
        .lines()
        .sorted()
        .toList();
  }
}
