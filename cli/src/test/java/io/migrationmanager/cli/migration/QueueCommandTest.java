package io.migrationmanager.cli.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.cli.CliRunner.Result;
import io.migrationmanager.domain.queue.MigrationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueueCommandTest extends FakeMigrationServerTest {

  private static final String UBUNTU = "52d5cfe0-d341-82d9-3f23-4149687b4e3e";
  private static final String DEBIAN = "52d89a93-ff8f-9dea-4d74-ec99beb1d2d4";
  private static final String CENTOS9_UEFI = "5263adbf-dbca-eb36-3019-b09743f40b6d";

  /** The document's four queue tables, from the queue entries the API would return then. */
  @ParameterizedTest
  @ValueSource(strings = {"batch01", "edited", "both", "finished"})
  void listMatchesTheDocument(String state) {
    api.loadQueue("queue-" + state + ".json");

    Result result = cli.run("queue", "list");

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo(resource("golden/queue-list-" + state + ".txt"));
    assertThat(lastRequest().path()).isEqualTo("/1.0/queue?recursion=1");
  }

  @Test
  void listShowsMissingUpdatesMessagesAndWindowsAsTheOriginalDoes() {
    api.loadQueue("queue-mixed.json");

    Result result = cli.run("queue", "ls", "-f", "csv");

    assertThat(result.out())
        .isEqualTo(
            "CentOS9UEFI,batch01,1h11m2s ago,Conflict,\"Instance placement changed: target"
                + " \"\"incus01\"\" -> \"\"incus02\"\"\",2025-12-01 01:00:00 +0000 UTC - 2025-12-01"
                + " 01:10:00 +0000 UTC (lockout 2025-12-01 01:05:00 +0000 UTC)\n"
                + "DebianBookworm,batch01,4s ago,Canceled,Waiting for migration window,0001-01-01"
                + " 00:00:00 +0000 UTC - 2025-12-01 02:00:00 +0000 UTC\n"
                + "Ubuntu2404,batch01,No update,Waiting,Waiting,none\n");
  }

  @Test
  void verboseListAddsTheUuidTheBatchAndThePlacement() {
    cli.run("batch", "add", "batch01");
    cli.runWithInput(seedBatch("batch-edit-batch01"), "batch", "edit", "batch01");
    cli.run("batch", "start", "batch01");
    api.loadQueue("queue-mixed.json");

    Result result = cli.run("queue", "list", "--verbose", "-f", "csv,header");

    assertThat(result.out().split("\n"))
        .containsExactly(
            "UUID,Name,Batch,Last Update,Status,Status Message,Migration Window,Batch Status,"
                + "Batch Status Message,Target,Target Project",
            CENTOS9_UEFI
                + ",CentOS9UEFI,batch01,1h11m2s ago,Conflict,\"Instance placement changed: target"
                + " \"\"incus01\"\" -> \"\"incus02\"\"\",2025-12-01 01:00:00 +0000 UTC - 2025-12-01"
                + " 01:10:00 +0000 UTC (lockout 2025-12-01 01:05:00 +0000 UTC),Running,Running,"
                + "incus02,default",
            DEBIAN
                + ",DebianBookworm,batch01,4s ago,Canceled,Waiting for migration window,0001-01-01"
                + " 00:00:00 +0000 UTC - 2025-12-01 02:00:00 +0000 UTC,Running,Running,,",
            UBUNTU
                + ",Ubuntu2404,batch01,No update,Waiting,Waiting,none,Running,Running,incus01,"
                + "default");
  }

  @Test
  void jsonAndYamlShowTheApiObjects() {
    api.loadQueue("queue-batch01.json");

    Result json = cli.run("queue", "list", "-f", "json");
    Result show = cli.run("queue", "show", DEBIAN);

    assertThat(json.out()).startsWith("[{\"instance_uuid\":\"" + CENTOS9_UEFI + "\",");
    assertThat(show.err()).isEmpty();
    assertThat(show.out())
        .isEqualTo(
            """
            instance_uuid: 52d89a93-ff8f-9dea-4d74-ec99beb1d2d4
            instance_name: DebianBookworm
            migration_status: Blocked
            migration_status_message: Background import is not supported
            batch_name: batch01
            last_update: 2025-11-19T00:10:00Z
            migration_window:
              name: window2
              start: 2025-12-01T01:00:00Z
              end: 2025-12-01T03:00:00Z
              lockout: 0001-01-01T00:00:00Z
              config:
                capacity: 0
            placement:
              target_name: incus01
              target_project: default
              storage_pools:
                '[datastore-01] Debian/Debian.vmdk': default
              networks:
                "00:50:56:b0:00:04":
                  network: br0
                  nictype: bridged
                  vlan_id: "10"
              running: true
            """);
  }

  @Test
  void cancelRetryResolveAndRemoveSayWhatTheyDid() {
    api.loadQueue("queue-mixed.json");

    Result cancel = cli.run("queue", "cancel", UBUNTU, "--cleanup");
    Result retry = cli.run("queue", "retry", UBUNTU);
    Result resolve = cli.run("queue", "resolve", CENTOS9_UEFI);
    Result remove = cli.run("queue", "rm", DEBIAN);

    assertThat(cancel.out()).isEqualTo("Successfully cancelled queue entry \"" + UBUNTU + "\".\n");
    assertThat(retry.out()).isEqualTo("Successfully restarted queue entry \"" + UBUNTU + "\".\n");
    assertThat(resolve.out())
        .isEqualTo("Successfully resolved queue entry \"" + CENTOS9_UEFI + "\".\n");
    assertThat(remove.out()).isEqualTo("Successfully removed queue entry \"" + DEBIAN + "\".\n");
    assertThat(requests())
        .extracting(r -> r.method() + " " + r.path())
        .containsExactly(
            "POST /1.0/queue/" + UBUNTU + "/:cancel?cleanup=1",
            "POST /1.0/queue/" + UBUNTU + "/:retry",
            "POST /1.0/queue/" + CENTOS9_UEFI + "/:resolve",
            "DELETE /1.0/queue/" + DEBIAN);
    assertThat(api.entry(CENTOS9_UEFI).migrationStatusMessage()).isEqualTo("Conflict resolved");
    assertThat(api.entry(DEBIAN)).isNull();
  }

  @Test
  void cancelWithoutCleanupSendsNoQuery() {
    api.loadQueue("queue-batch01.json");

    Result cancel = cli.run("queue", "cancel", "-c", DEBIAN);
    Result again = cli.run("queue", "cancel", UBUNTU);

    assertThat(cancel.exitCode()).isZero();
    assertThat(lastRequest().path()).isEqualTo("/1.0/queue/" + UBUNTU + "/:cancel");
    assertThat(again.exitCode()).isZero();
    assertThat(api.entry(UBUNTU).migrationStatus()).isEqualTo(MigrationStatus.CANCELED.wire());
  }

  @Test
  void refusedActionsShowTheServersMessage() {
    api.loadQueue("queue-batch01.json");

    Result retry = cli.run("queue", "retry", DEBIAN);
    Result resolve = cli.run("queue", "resolve", DEBIAN);
    Result remove = cli.run("queue", "remove", CENTOS9_UEFI);
    Result missing = cli.run("queue", "show", "00000000-0000-0000-0000-000000000000");

    assertThat(retry.exitCode()).isEqualTo(1);
    assertThat(retry.err())
        .isEqualTo("Queue entry \"" + DEBIAN + "\" has not been cancelled and cleaned up\n");
    assertThat(resolve.err()).isEqualTo("Queue entry \"" + DEBIAN + "\" has no conflict\n");
    assertThat(remove.err())
        .isEqualTo(
            "Cannot delete queue entry \"" + CENTOS9_UEFI + "\": Currently in a migration phase\n");
    assertThat(missing.err())
        .isEqualTo("Queue entry \"00000000-0000-0000-0000-000000000000\" not found\n");
  }

  @Test
  void invalidUuidsAreRefusedBeforeAnyRequest() {
    for (String command : new String[] {"show", "remove", "cancel", "retry", "resolve"}) {
      Result result = cli.run("queue", command, "Ubuntu2404");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).isEqualTo("Invalid queue entry UUID \"Ubuntu2404\"\n");
    }
    assertThat(requests()).isEmpty();
  }

  @Test
  void anEmptyQueueIsAnEmptyTable() {
    Result result = cli.run("queue", "list");

    assertThat(result.out())
        .isEqualTo(
            """
            +------+-------+-------------+--------+----------------+------------------+
            | Name | Batch | Last Update | Status | Status Message | Migration Window |
            +------+-------+-------------+--------+----------------+------------------+
            """);
  }
}
