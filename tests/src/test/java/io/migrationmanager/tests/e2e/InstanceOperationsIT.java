package io.migrationmanager.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrationmanager.activities.vsphere.VsphereSource;
import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.cli.CliRunner.Result;
import io.migrationmanager.testsupport.VcsimPeer;
import io.migrationmanager.tests.support.ServiceUnderTest;
import io.migrationmanager.tls.Pem;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The actions on an instance's source VM (power, enabling and resetting background import) against vcsim, and
 * include expressions on {@code GET /1.0/instances} and {@code GET /1.0/networks}, through the CLI.
 */
@ExtendWith(VcsimPeer.Available.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstanceOperationsIT {
  static final String DEBIAN = "52d89a93-ff8f-9dea-4d74-ec99beb1d2d4";
  static final String DEBIAN_LOCATION = "/vc01/vm/Incus migrations/Debian Bookworm";
  static final String CENTOS_UEFI = "5263adbf-dbca-eb36-3019-b09743f40b6d";
  static final ObjectMapper JSON = new ObjectMapper();

  static VcsimPeer vcenter;
  static ServiceUnderTest service;
  static CliRunner cli;

  @BeforeAll
  static void start() throws Exception {
    vcenter = VcsimPeer.start(Duration.ofSeconds(60));
    service = new ServiceUnderTest().start();
    cli = service.cli();
    Result add =
        cli.runWithInput(
            VcsimPeer.PASSWORD + "\n", "source", "add", "vcenter01", vcenter.sdkUrl.replaceAll("/sdk$", ""),
            "--username", VcsimPeer.USERNAME, "--password-stdin", "--import-limit", "50", "--connection-timeout", "10m",
            "--sync-timeout", "10s", "--datacenters", "", "--trusted-cert-fingerprint",
            Pem.fingerprint(vcenter.certificate()));
    assertThat(add.err()).isEmpty();
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    if (vcenter != null) {
      vcenter.close();
    }
  }

  /** The metadata of a successful raw request. */
  static JsonNode query(String path) {
    Result r = cli.run("query", path);
    assertThat(r.err()).isEmpty();
    try {
      return JSON.readTree(r.out()).path("metadata");
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + r.out(), e);
    }
  }

  static JsonNode instance(String uuid) {
    return query("/1.0/instances/" + uuid);
  }

  static boolean vmPoweredOn(String uuid) throws IOException {
    try (VsphereSource source = new VsphereSource(vcenter.trustedEndpoint())) {
      return source.poweredOn(instance(uuid).path("source_specific_id").asText());
    }
  }

  static boolean vmChangeTracking(String uuid) throws IOException {
    try (VsphereSource source = new VsphereSource(vcenter.trustedEndpoint())) {
      return source.changeTrackingEnabled(instance(uuid).path("source_specific_id").asText());
    }
  }

  static String restrictedWarning() {
    String row =
        cli.run("warning", "list", "-f", "csv").out().lines()
            .filter(l -> l.contains("Instance migration is restricted"))
            .findFirst()
            .orElseThrow();
    return cli.run("warning", "show", row.split(",")[0]).out();
  }

  static String filter(String collection, String expression) {
    return "/1.0/" + collection + "?include_expression="
        + URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static List<String> values(JsonNode list, String field) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  static void setQueued(boolean queued, boolean allowNoBackgroundImport) {
    service
        .services()
        .jdbi()
        .useHandle(
            h -> {
              h.execute("DELETE FROM queue");
              h.execute("DELETE FROM batches");
              if (!queued) {
                return;
              }
              h.createUpdate(
                      "INSERT INTO batches (name, status, status_message, include_expression, constraints, defaults, "
                          + "config) VALUES ('batch01', 'Running', 'Running', 'true', '[]', '{}', :config)")
                  .bind(
                      "config",
                      "{\"instance_restriction_overrides\": {\"allow_no_background_import\": "
                          + allowNoBackgroundImport + "}}")
                  .execute();
              h.createUpdate(
                      "INSERT INTO queue (instance_id, batch_id, migration_status, migration_status_message, "
                          + "import_stage, secret_token, placement, last_update) "
                          + "SELECT i.id, b.id, 'Waiting', 'Performing initial migration checks', 'background', "
                          + "UUID(), '{}', NOW(6) FROM instances i, batches b WHERE i.uuid = :u AND b.name = 'batch01'")
                  .bind("u", DEBIAN)
                  .execute();
            });
  }

  @Test
  @Order(1)
  void powerReachesTheVmAndStoresTheRequestedState() throws IOException {
    assertThat(vmPoweredOn(DEBIAN)).isTrue();
    for (String state : List.of("off", "off", "on", "on")) {
      Result r = cli.run("instance", "power", DEBIAN, state);
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).isEqualTo("Successfully powered " + state + " instance \"" + DEBIAN + "\".\n");
      assertThat(vmPoweredOn(DEBIAN)).isEqualTo(state.equals("on"));
      // The requested state, also when it did not change (the original toggles the flag: quirk 19).
      assertThat(instance(DEBIAN).path("running").asBoolean()).isEqualTo(state.equals("on"));
    }
  }

  @ParameterizedTest
  @Order(2)
  @CsvSource(
      delimiter = '|',
      value = {
        "/1.0/instances/" + DEBIAN + "/:power?state=reboot|Invalid power state \"reboot\": expected \"on\" or \"off\"",
        "/1.0/instances/" + DEBIAN + "/:power|Invalid power state \"\": expected \"on\" or \"off\"",
        "/1.0/instances/00000000-0000-0000-0000-000000000001/:power?state=on"
            + "|Instance \"00000000-0000-0000-0000-000000000001\" not found",
        "/1.0/instances/not-a-uuid/:reset-background-import|Invalid instance UUID \"not-a-uuid\"",
      })
  void badRequestsAreRefused(String path, String message) {
    Result r = cli.run("query", "-X", "POST", path);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().trim()).isEqualTo(message);
  }

  @Test
  @Order(3)
  void resetNeedsChangeTrackingOnTheSource() throws IOException {
    assertThat(vmChangeTracking(DEBIAN)).isFalse();
    Result r = cli.run("instance", "reset-background-import", DEBIAN);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().trim())
        .isEqualTo(
            "Instance \"" + DEBIAN + "\" (\"" + DEBIAN_LOCATION + "\") on source \"vcenter01\" does not have "
                + "background import support");

    JsonNode before = instance(CENTOS_UEFI);
    assertThat(before.path("background_import").asBoolean()).isTrue();
    Result ok = cli.run("instance", "reset-background-import", CENTOS_UEFI);
    assertThat(ok.err()).isEmpty();
    assertThat(ok.out()).isEqualTo("Successfully reset background import for instance \"" + CENTOS_UEFI + "\".\n");
    assertThat(instance(CENTOS_UEFI)).isEqualTo(before);
  }

  @Test
  @Order(4)
  void queuedInstancesRefuseSourceVmActions() throws IOException {
    setQueued(true, true);
    try {
      String queued = " instance \"" + DEBIAN_LOCATION + "\" while it is queued for migration in batch \"batch01\"";
      Result off = cli.run("instance", "power", DEBIAN, "off");
      assertThat(off.exitCode()).isEqualTo(1);
      assertThat(off.err().trim()).isEqualTo("Cannot power off" + queued);
      assertThat(vmPoweredOn(DEBIAN)).isTrue();

      Result enable = cli.run("instance", "enable-background-import", DEBIAN);
      assertThat(enable.exitCode()).isEqualTo(1);
      assertThat(enable.err().trim()).isEqualTo("Cannot enable background import for" + queued);
      assertThat(vmChangeTracking(DEBIAN)).isFalse();

      Result reset = cli.run("instance", "reset-background-import", DEBIAN);
      assertThat(reset.exitCode()).isEqualTo(1);
      assertThat(reset.err().trim())
          .isEqualTo(
              "Cannot reset background import of instance \"" + DEBIAN_LOCATION + "\": running batch \"batch01\" "
                  + "may be migrating it without background import");

      // A batch that needs background import lets the reset through to the source, which has no tracking.
      setQueued(true, false);
      Result check = cli.run("instance", "reset-background-import", DEBIAN);
      assertThat(check.exitCode()).isEqualTo(1);
      assertThat(check.err().trim()).endsWith("does not have background import support");
    } finally {
      setQueued(false, false);
    }
  }

  @Test
  @Order(5)
  void enablingBackgroundImportTurnsTrackingOnAndTheNextSyncVerifiesIt() throws IOException {
    assertThat(restrictedWarning()).contains("- '\"" + DEBIAN_LOCATION + "\": Background import is not supported'\n");

    Result r = cli.run("instance", "enable-background-import", DEBIAN);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("Successfully enabled background import for instance \"" + DEBIAN + "\".\n");
    assertThat(vmChangeTracking(DEBIAN)).isTrue();
    assertThat(vmPoweredOn(DEBIAN)).isTrue();
    JsonNode reset = instance(DEBIAN);
    assertThat(reset.path("background_import").asBoolean()).isTrue();
    assertThat(values(reset.path("disks"), "background_import_verified")).containsExactly("false");

    assertThat(cli.run("source", "sync", "vcenter01").out()).isEqualTo("Successfully synced source \"vcenter01\".\n");
    JsonNode synced = instance(DEBIAN);
    assertThat(synced.path("background_import").asBoolean()).isTrue();
    assertThat(values(synced.path("disks"), "background_import_verified")).containsExactly("true");
    assertThat(cli.run("instance", "list", "-f", "csv").out())
        .contains(DEBIAN + ",vcenter01," + DEBIAN_LOCATION + ",Debian GNU/Linux 12 (bookworm),3,6.00GiB,true,false");
    assertThat(restrictedWarning())
        .doesNotContain("Debian")
        .contains(
            "messages:\n- '\"/vc01/vm/Incus migrations/Ubuntu 2404\": Could not determine instance OS, check if "
                + "guest agent is running'\n");

    Result again = cli.run("instance", "reset-background-import", DEBIAN);
    assertThat(again.err()).isEmpty();
    assertThat(instance(DEBIAN)).isEqualTo(synced);
  }

  @ParameterizedTest(name = "instances: {0}")
  @Order(6)
  @CsvSource(
      delimiter = '|',
      value = {
        "source == 'vcenter01'|/vc01/vm/Incus migrations/Cent OS 9 UEFI,/vc01/vm/Incus migrations/Debian Bookworm,"
            + "/vc01/vm/Incus migrations/Ubuntu 2404,/vc01/vm/other/CentOS9",
        "Ubuntu|/vc01/vm/Incus migrations/Ubuntu 2404",
        "Incus migrations|/vc01/vm/Incus migrations/Cent OS 9 UEFI,/vc01/vm/Incus migrations/Debian Bookworm,"
            + "/vc01/vm/Incus migrations/Ubuntu 2404",
        "cpus > 4 and location matches '/other/'|/vc01/vm/other/CentOS9",
        "path_base(location) == 'Debian Bookworm'|/vc01/vm/Incus migrations/Debian Bookworm",
        "nowhere|",
      })
  void instancesAreFilteredByExpression(String expression, String locations) {
    JsonNode list = query(filter("instances", expression));
    assertThat(values(list, "location"))
        .containsExactlyInAnyOrderElementsOf(locations == null ? List.of() : List.of(locations.split(",")));
  }

  @ParameterizedTest(name = "networks: {0}")
  @Order(7)
  @CsvSource(
      delimiter = '|',
      value = {
        "source == 'vcenter01'|network-40007",
        "VMNET|network-40007",
        "type == 'standard' and path_base(location) == 'VMNET'|network-40007",
        "path_dir(location) == '/vc01/network'|network-40007",
        "source == 'esxi01'|",
      })
  void networksAreFilteredByExpression(String expression, String ids) {
    JsonNode list = query(filter("networks", expression));
    assertThat(values(list, "source_specific_id"))
        .containsExactlyElementsOf(ids == null ? List.of() : List.of(ids.split(",")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @Order(8)
  @CsvSource(
      delimiter = '|',
      value = {
        "instances|foo == 'bar'|unknown name foo (1:1)",
        "networks|cpus > 2|unknown name cpus (1:1)",
        "networks|source == 'a' or name == 'b'|unknown name name (1:18)",
      })
  void invalidExpressionsAre400WithThePosition(String collection, String expression, String message) {
    Result r = cli.run("query", filter(collection, expression));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith(message + "\n | " + expression + "\n | ");
  }
}
