package io.migrationmanager.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.cli.CliRunner.Result;
import io.migrationmanager.tests.peers.incus.IncusStub;
import io.migrationmanager.tests.peers.incus.TestIdentity;
import io.migrationmanager.tests.support.ServiceUnderTest;
import io.migrationmanager.testsupport.VcsimPeer;
import io.migrationmanager.tls.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The batch half of the user's document (dates moved into the future): two batches sharing instances, their
 * `batch info`, the plan, and the first batch started claiming the shared instances. Targets are Incus API
 * stubs that have the document's networks and pools.
 */
@ExtendWith(VcsimPeer.Available.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedBatchIT {
  static final String BATCH01 =
      String.join(
          "\n",
          "name: batch01",
          "include_expression: \"location matches '/Incus migrations/' and source == 'vcenter01'\"",
          "migration_windows:",
          "- name: window1",
          "  start: 2099-12-01 01:00:00",
          "  end: 2099-12-01 01:10:00",
          "- name: window2",
          "  start: 2099-12-01 01:00:00",
          "  end: 2099-12-01 03:00:00",
          "constraints:",
          "- name: constraint1",
          "  description: Background import requires at least 1 hour windows (window2)",
          "  include_expression: background_import == false",
          "  min_instance_boot_time: 1h",
          "defaults:",
          "  placement:",
          "    target: incus01",
          "    target_project: default",
          "    storage_pool: default",
          "  migration_network: []",
          "config:",
          "  rerun_scriptlets: false",
          "  placement_scriptlet: |",
          "    def placement(instance, batch):",
          "        if instance.os_version.startswith(\"CentOS\"):",
          "            set_target(\"incus02\")",
          "  post_migration_retries: 5",
          "  instance_restriction_overrides:",
          "    allow_unknown_os: false",
          "    allow_no_ipv4: false",
          "    allow_no_background_import: false",
          "  background_sync_interval: 1h",
          "  final_background_sync_limit: 1h",
          "");
  static final String BATCH02 =
      String.join(
          "\n",
          "name: batch02",
          "include_expression: \"background_import\"",
          "migration_windows:",
          "- name: window1",
          "  start: 2099-12-01 01:00:00",
          "  end: 2099-12-01 01:10:00",
          "- name: window2",
          "  start: 2099-12-01 02:00:00",
          "  end: 2099-12-01 02:10:00",
          "constraints:",
          "- name: constraint1",
          "  description: Migrate esxi01 VMs one at a time",
          "  include_expression: source == 'esxi01'",
          "  max_concurrent_instances: 1",
          "defaults:",
          "  placement:",
          "    target: incus01",
          "    target_project: default",
          "    storage_pool: default",
          "  migration_network: []",
          "config:",
          "  rerun_scriptlets: false",
          "  placement_scriptlet: |",
          "    def placement(instance, batch):",
          "        for disk in instance.properties.disks:",
          "            if disk.capacity >= (1024 * 1024 * 1024 * 100):",
          "                set_pool(disk.name, 'pool02')",
          "  post_migration_retries: 5",
          "  instance_restriction_overrides:",
          "    allow_unknown_os: false",
          "    allow_no_ipv4: false",
          "    allow_no_background_import: false",
          "  background_sync_interval: 30m",
          "  final_background_sync_limit: 10m",
          "");

  static VcsimPeer esxi;
  static VcsimPeer vcenter;
  static IncusStub incus01;
  static IncusStub incus02;
  static ServiceUnderTest service;
  static CliRunner cli;

  @BeforeAll
  static void start() throws Exception {
    esxi = VcsimPeer.start(Duration.ofSeconds(60), "-esx");
    vcenter = VcsimPeer.start(Duration.ofSeconds(60));
    TestIdentity client = TestIdentity.generate("mm-e2e");
    incus01 = IncusStub.builder().trust(client.certificate()).withTestFixtures().start();
    incus02 = IncusStub.builder().trust(client.certificate()).withTestFixtures().start();
    service = new ServiceUnderTest().start();
    cli = service.cli();

    Path certFile = Files.createTempFile("client", ".crt");
    Path keyFile = Files.createTempFile("client", ".key");
    Files.writeString(certFile, client.certificatePem());
    Files.writeString(keyFile, client.pkcs8KeyPem());
    for (var t : List.of(List.of("incus01", incus01), List.of("incus02", incus02))) {
      IncusStub stub = (IncusStub) t.get(1);
      Result r =
          cli.run("target", "add", (String) t.get(0), stub.url().toString(), "--tls-client-cert", certFile.toString(),
              "--tls-client-key", keyFile.toString(), "--trusted-cert-fingerprint", Pem.fingerprint(stub.serverCertificate()),
              "--import-limit", "50", "--create-limit", "10", "--connection-timeout", "5m");
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    for (var s : List.of(List.of("esxi01", esxi), List.of("vcenter01", vcenter))) {
      VcsimPeer peer = (VcsimPeer) s.get(1);
      Result r =
          cli.runWithInput(VcsimPeer.PASSWORD + "\n", "source", "add", (String) s.get(0),
              peer.sdkUrl.replaceAll("/sdk$", ""), "--username", VcsimPeer.USERNAME, "--password-stdin",
              "--import-limit", "50", "--connection-timeout", "10m", "--sync-timeout", "10s", "--datacenters", "",
              "--trusted-cert-fingerprint", Pem.fingerprint(peer.certificate()));
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    // The document points its networks at incusbr0 before migrating.
    for (String line : cli.run("network", "list", "-f", "csv").out().lines().toList()) {
      String uuid = line.split(",")[0];
      assertThat(cli.runWithInput("network: incusbr0\nnictype: managed\nvlan_id: \"\"\n", "network", "edit", uuid).exitCode())
          .isZero();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    for (AutoCloseable c : new AutoCloseable[] {esxi, vcenter, incus01, incus02}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  @Order(1)
  void batchesAreAddedAndEditedLikeTheDocument() {
    assertThat(cli.run("batch", "add", "batch01").out()).isEqualTo("Successfully added new batch \"batch01\".\n");
    Result edit1 = cli.runWithInput(BATCH01, "batch", "edit", "batch01");
    assertThat(edit1.exitCode()).as(edit1.err()).isZero();
    assertThat(cli.run("batch", "add", "batch02").out()).isEqualTo("Successfully added new batch \"batch02\".\n");
    Result edit2 = cli.runWithInput(BATCH02, "batch", "edit", "batch02");
    assertThat(edit2.exitCode()).as(edit2.err()).isZero();

    String show = cli.run("batch", "show", "batch01").out();
    assertThat(show).contains("include_expression: location matches '/Incus migrations/' and source == 'vcenter01'");
    assertThat(show).contains("min_instance_boot_time: 1h0m0s").contains("status: Defined");
  }

  @Test
  @Order(2)
  void batchInfoListsTheMatchedInstances() {
    assertThat(cli.run("batch", "info", "batch01").out())
        .isEqualTo(
            "Matched Instances:\n"
                + "  - /vc01/vm/Incus migrations/Ubuntu 2404\n"
                + "  - /vc01/vm/Incus migrations/Debian Bookworm\n"
                + "  - /vc01/vm/Incus migrations/Cent OS 9 UEFI\n"
                + "\n"
                + "Queued Instances:\n");
    assertThat(cli.run("batch", "info", "batch02").out())
        .isEqualTo(
            "Matched Instances:\n"
                + "  - /ha-datacenter/vm/Win2016\n"
                + "  - /ha-datacenter/vm/SuseUEFI\n"
                + "  - /vc01/vm/Incus migrations/Ubuntu 2404\n"
                + "  - /vc01/vm/Incus migrations/Cent OS 9 UEFI\n"
                + "  - /vc01/vm/other/CentOS9\n"
                + "\n"
                + "Queued Instances:\n");
  }

  @Test
  @Order(3)
  void thePlanExplainsEveryInstance() {
    String plan = cli.run("batch", "plan", "batch01", "-f", "csv").out();
    assertThat(plan.lines().filter(l -> l.contains("Ubuntu 2404")).findFirst().orElseThrow())
        .contains("blocked").contains("Could not determine instance OS, check if guest agent is running")
        .contains("2099-12-01 01:00:00 +0000 UTC - 2099-12-01 01:10:00 +0000 UTC");
    assertThat(plan.lines().filter(l -> l.contains("Debian Bookworm")).findFirst().orElseThrow())
        .contains("Background import is not supported").contains("constraint1")
        .contains("2099-12-01 01:00:00 +0000 UTC - 2099-12-01 03:00:00 +0000 UTC");
    assertThat(plan.lines().filter(l -> l.contains("Cent OS 9 UEFI")).findFirst().orElseThrow())
        .contains("ready").contains("incus02").contains("2099-12-01 01:00:00 +0000 UTC - 2099-12-01 01:10:00 +0000 UTC");
    String plan2 = cli.run("batch", "plan", "batch02", "-f", "csv").out();
    assertThat(plan2.lines().filter(l -> l.contains("/SuseUEFI")).findFirst().orElseThrow()).contains("pool02");
  }

  @Test
  @Order(4)
  void theFirstBatchStartedClaimsTheSharedInstances() {
    assertThat(cli.run("batch", "start", "batch01").out()).isEqualTo("Successfully started batch \"batch01\".\n");
    String queue = cli.run("queue", "list", "-f", "csv").out();
    assertThat(queue.lines().toList())
        .hasSize(3)
        .anySatisfy(l -> assertThat(l).startsWith("CentOS9UEFI,batch01,").contains(",Waiting,"))
        .anySatisfy(l -> assertThat(l).startsWith("DebianBookworm,batch01,").contains(",Blocked,Background import is not supported,")
            .contains("2099-12-01 01:00:00 +0000 UTC - 2099-12-01 03:00:00 +0000 UTC"))
        .anySatisfy(l -> assertThat(l).startsWith("Ubuntu2404,batch01,").contains(",Blocked,"));

    // The document's second edit allows no IPv4 and no background import: the queue follows at once.
    String relaxed =
        BATCH01
            .replace("    allow_no_ipv4: false", "    allow_no_ipv4: true")
            .replace("    allow_no_background_import: false", "    allow_no_background_import: true")
            .replace("    allow_unknown_os: false", "    allow_unknown_os: true");
    Result edit = cli.runWithInput(relaxed, "batch", "edit", "batch01");
    assertThat(edit.exitCode()).as(edit.err()).isZero();
    String after = cli.run("queue", "list", "-f", "csv").out();
    assertThat(after.lines().filter(l -> l.startsWith("DebianBookworm")).findFirst().orElseThrow()).contains(",Waiting,");
    assertThat(after.lines().filter(l -> l.startsWith("Ubuntu2404")).findFirst().orElseThrow()).contains(",Waiting,");

    assertThat(cli.run("batch", "start", "batch02").out()).isEqualTo("Successfully started batch \"batch02\".\n");
    List<String> all = cli.run("queue", "list", "-f", "csv").out().lines().toList();
    assertThat(all).hasSize(6);
    assertThat(all.stream().filter(l -> l.contains(",batch02,")).map(l -> l.split(",")[0]).toList())
        .containsExactlyInAnyOrder("CentOS9", "SuseUEFI", "Win2016");
    assertThat(cli.run("batch", "info", "batch02").out())
        .contains("Queued Instances:\n  - /ha-datacenter/vm/Win2016 (Waiting)\n");
  }

  @Test
  @Order(5)
  void aStartedBatchRefusesWhatTheSpecForbids() {
    Result rename = cli.runWithInput(BATCH01.replace("name: batch01", "name: batch03"), "batch", "edit", "batch01");
    assertThat(rename.exitCode()).isEqualTo(1);
    assertThat(rename.err()).contains("Cannot rename running batch \"batch01\"");
    Result placement = cli.runWithInput(BATCH01.replace("target: incus01", "target: incus02"), "batch", "edit", "batch01");
    assertThat(placement.err()).contains("Cannot modify placement of running batch \"batch01\"");
    Result remove = cli.run("batch", "remove", "batch01");
    assertThat(remove.exitCode()).isEqualTo(1);
  }

  @Test
  @Order(6)
  void badBatchesAreRefusedAndChangeNothing() {
    String before = cli.run("batch", "show", "batch02").out();
    assertThat(cli.runWithInput(BATCH02.replace("include_expression: \"background_import\"",
        "include_expression: \"(location matches 'x'\""), "batch", "edit", "batch02").err())
        .contains("(1:");
    assertThat(cli.runWithInput(BATCH02.replace("2099-12-01 01:10:00", "2099-12-01 00:10:00"), "batch", "edit", "batch02")
        .exitCode()).isEqualTo(1);
    assertThat(cli.runWithInput(BATCH02 + "bogus: 1\n", "batch", "edit", "batch02").err()).contains("bogus");
    assertThat(cli.runWithInput(BATCH02.replace("target: incus01", "target: nowhere"), "batch", "edit", "batch02").err())
        .contains("nowhere");
    assertThat(cli.runWithInput(BATCH02.replace("placement(instance, batch)", "placement(instance)"), "batch", "edit", "batch02")
        .err()).contains("placement(instance, batch)");
    assertThat(cli.run("batch", "show", "batch02").out()).isEqualTo(before);
  }

  @Test
  @Order(7)
  void queueEntriesCanBeCanceledRetriedAndBatchesStoppedAndReset() {
    String debian = "52d89a93-ff8f-9dea-4d74-ec99beb1d2d4";
    assertThat(cli.run("queue", "cancel", debian).out()).isEqualTo("Successfully cancelled queue entry \"" + debian + "\".\n");
    assertThat(cli.run("queue", "list", "-f", "csv").out()).contains("DebianBookworm,batch01,").contains(",Canceled,");
    Result again = cli.run("queue", "resolve", debian);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("has no conflict");
    assertThat(cli.run("queue", "retry", debian).exitCode()).isZero();
    assertThat(cli.run("queue", "list", "-f", "csv").out().lines().filter(l -> l.startsWith("DebianBookworm")).findFirst().orElseThrow())
        .contains(",Waiting,Performing initial migration checks,");

    assertThat(cli.run("batch", "stop", "batch02").out()).isEqualTo("Successfully stopped batch \"batch02\".\n");
    assertThat(cli.run("batch", "reset", "batch02").out()).isEqualTo("Successfully reset batch \"batch02\".\n");
    assertThat(cli.run("queue", "list", "-f", "csv").out()).doesNotContain(",batch02,");
    assertThat(cli.run("batch", "list", "-f", "csv").out()).contains("batch02,Defined,");
    assertThat(cli.run("batch", "start", "batch02").exitCode()).isZero();
    assertThat(cli.run("queue", "list", "-f", "csv").out().lines().filter(l -> l.contains(",batch02,")).count()).isEqualTo(3);
  }
}
