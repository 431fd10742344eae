package io.migrationmanager.cli.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationmanager.api.Batch;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.cli.CliRunner.Result;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.inventory.ScriptedEditor;
import io.migrationmanager.cli.transport.TestUnixServer.Request;
import io.migrationmanager.domain.batch.BatchStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchCommandTest extends FakeMigrationServerTest {

  private static final String HEADER =
      "### This is a YAML representation of batch configuration.\n"
          + "### Any line starting with a '# will be ignored.\n"
          + "###\n\n";

  private static final String DEBIAN = "52d89a93-ff8f-9dea-4d74-ec99beb1d2d4";

  /** {@code batch add} and {@code batch edit} of the user's document, dates moved forward. */
  private void defineSeedBatches() {
    for (String name : new String[] {"batch01", "batch02"}) {
      assertThat(cli.run("batch", "add", name).exitCode()).isZero();
      Result edit = cli.runWithInput(seedBatch("batch-edit-" + name), "batch", "edit", name);
      assertThat(edit.err()).isEmpty();
    }
  }

  @Test
  void addCreatesTheOriginalsEmptyBatchOnTheFirstTarget() {
    Result result = cli.run("batch", "add", "batch01");

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("Successfully added new batch \"batch01\".\n");
    assertThat(requests())
        .extracting(Request::path)
        .containsExactly("/1.0/targets?recursion=1", "/1.0/batches");
    JsonNode body = lastBody();
    assertThat(body.path("name").asText()).isEqualTo("batch01");
    assertThat(body.path("include_expression").asText()).isEqualTo("false");
    assertThat(body.path("constraints").isArray()).isTrue();
    assertThat(body.path("constraints")).isEmpty();
    assertThat(body.path("migration_windows")).isEmpty();
    assertThat(body.path("defaults").path("placement").path("target").asText())
        .isEqualTo("incus01");
    assertThat(body.path("defaults").path("migration_network").isArray()).isTrue();
    assertThat(body.path("config").path("post_migration_retries").asInt()).isEqualTo(5);
    assertThat(api.batch("batch01").status()).isEqualTo(BatchStatus.DEFINED);
  }

  @Test
  void addAndEditNeedATarget() {
    cli.run("target", "remove", "incus01");
    cli.run("target", "remove", "incus02");
    int before = requests().size();

    Result add = cli.run("batch", "add", "batch01");
    Result edit = cli.runWithInput(seedBatch("batch-edit-batch01"), "batch", "edit", "batch01");

    for (Result result : new Result[] {add, edit}) {
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).isEqualTo("No targets have been defined, cannot add a batch.\n");
    }
    assertThat(requests().subList(before, requests().size()))
        .extracting(Request::method)
        .containsOnly("GET");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "my batch | Name cannot contain white space",
        "batch/1  | Name cannot contain \"/\"",
        "batch-   | Name must start and end with a letter or digit"
      })
  void invalidBatchNamesAreRefusedBeforeAnyRequest(String name, String problem) {
    for (String command : new String[] {"add", "show", "info", "start", "remove"}) {
      Result result = cli.run("batch", command, name);

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).isEqualTo("Invalid batch name \"" + name + "\": " + problem + "\n");
    }
    assertThat(requests()).isEmpty();
  }

  @Test
  void editFromStandardInputSendsTheDocumentsBatchAsApiJson() {
    cli.run("batch", "add", "batch01");

    Result edit = cli.runWithInput(seedBatch("batch-edit-batch01"), "batch", "edit", "batch01");

    assertThat(edit.exitCode()).isZero();
    assertThat(edit.out()).isEmpty();
    Request put = lastRequest();
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.path()).isEqualTo("/1.0/batches/batch01");
    assertThat(put.header("If-Match")).isNull();
    JsonNode body = lastBody();
    assertThat(body.path("include_expression").asText())
        .isEqualTo("location matches '/Incus migrations/' and source == 'vcenter01'");
    assertThat(body.path("migration_windows").toString())
        .isEqualTo(
            "[{\"name\":\"window1\",\"start\":\"2099-12-01T01:00:00Z\","
                + "\"end\":\"2099-12-01T01:10:00Z\",\"lockout\":\"0001-01-01T00:00:00Z\","
                + "\"config\":{\"capacity\":0}},"
                + "{\"name\":\"window2\",\"start\":\"2099-12-01T01:00:00Z\","
                + "\"end\":\"2099-12-01T03:00:00Z\",\"lockout\":\"0001-01-01T00:00:00Z\","
                + "\"config\":{\"capacity\":0}}]");
    assertThat(body.path("constraints").toString())
        .isEqualTo(
            "[{\"name\":\"constraint1\",\"description\":\"Background import requires at least 1"
                + " hour windows (window2)\",\"include_expression\":\"background_import =="
                + " false\",\"max_concurrent_instances\":0,\"min_instance_boot_time\":\"1h0m0s\"}]");
    assertThat(body.path("defaults").toString())
        .isEqualTo(
            "{\"placement\":{\"target\":\"incus01\",\"target_project\":\"default\","
                + "\"storage_pool\":\"default\"},\"migration_network\":[],"
                + "\"force_conflict_resolution\":false}");
    assertThat(body.path("config").toString())
        .isEqualTo(
            "{\"rerun_scriptlets\":false,\"placement_scriptlet\":\"def placement(instance,"
                + " batch):\\n  if instance.os_version.startswith(\\\"CentOS\\\"):\\n   "
                + " set_target(\\\"incus02\\\")\\n\",\"post_migration_retries\":5,"
                + "\"instance_restriction_overrides\":{\"allow_unknown_os\":false,"
                + "\"allow_no_ipv4\":false,\"allow_no_background_import\":false},"
                + "\"background_sync_interval\":\"1h0m0s\","
                + "\"final_background_sync_limit\":\"1h0m0s\"}");
    BatchPut stored = api.batch("batch01").put();
    assertThat(stored.migrationWindows())
        .extracting(MigrationWindow::end)
        .containsExactly(
            Instant.parse("2099-12-01T01:10:00Z"), Instant.parse("2099-12-01T03:00:00Z"));
    assertThat(stored.config().finalBackgroundSyncLimit()).isEqualTo(GoDuration.parse("1h"));
  }

  @Test
  void editInTheEditorShowsTheDocumentsLayoutAndSendsTheEtag() {
    cli.run("batch", "add", "batch02");
    String etag = api.batchEtag("batch02");
    ScriptedEditor editor = new ScriptedEditor().thenSave(seedBatch("batch-edit-batch02"));
    ScriptedEditor viewer = new ScriptedEditor().thenSave("");

    Result edit = cli.runInteractive("", editor, "batch", "edit", "batch02");
    cli.runInteractive("", viewer, "batch", "edit", "batch02");

    assertThat(edit.err()).isEmpty();
    assertThat(edit.exitCode()).isZero();
    assertThat(editor.seen()).containsExactly(HEADER + resource("golden/batch-edit-new.yaml"));
    Request put =
        requests().stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
    assertThat(put.header("If-Match")).isEqualTo(etag);
    assertThat(viewer.seen()).containsExactly(HEADER + resource("golden/batch-edit-batch02.yaml"));
  }

  @Test
  void whatTheEditorShowsReadsBackAsTheSameBatch() {
    cli.run("batch", "add", "batch02");
    cli.runWithInput(seedBatch("batch-edit-batch02"), "batch", "edit", "batch02");
    Batch before = api.batch("batch02");
    String shown = HEADER + resource("golden/batch-edit-batch02.yaml");
    ScriptedEditor editor = new ScriptedEditor().thenSave(shown);

    Result edit = cli.runInteractive("", editor, "batch", "edit", "batch02");

    assertThat(edit.exitCode()).isZero();
    assertThat(editor.seen()).containsExactly(shown);
    assertThat(lastRequest().method()).isEqualTo("PUT");
    assertThat(api.batch("batch02")).isEqualTo(before);
    assertThat(cli.run("batch", "show", "batch02").out())
        .startsWith(
            "name: batch02\n"
                + "include_expression: background_import\n"
                + "migration_windows:\n"
                + "- name: window1\n"
                + "  start: 2099-12-01T01:00:00Z\n"
                + "  end: 2099-12-01T01:10:00Z\n"
                + "  lockout: 0001-01-01T00:00:00Z\n")
        .endsWith(
            "  background_sync_interval: 30m0s\n"
                + "  final_background_sync_limit: 10m0s\n"
                + "status: Defined\n"
                + "status_message: Defined\n"
                + "start_date: 0001-01-01T00:00:00Z\n");
  }

  @Test
  void theDocumentsSecondEditIsRejectedByTheServerAndCanBeFixedInTheEditor() {
    defineSeedBatches();
    String broken = seedBatch("batch-edit-batch01-second");
    ScriptedEditor editor =
        new ScriptedEditor().thenSave(broken).thenSave(broken.replace("\"(location", "\"location"));

    Result edit = cli.runInteractive("\n", editor, "batch", "edit", "batch01");

    assertThat(edit.exitCode()).isZero();
    assertThat(edit.err())
        .startsWith(
            "Error: Invalid batch \"(location matches '/Incus migrations/' and source =="
                + " 'vcenter01'\" is not a valid include expression: ");
    assertThat(editor.seen().get(1)).startsWith("# Error: Invalid batch \"(location matches");
    assertThat(api.batch("batch01").config().instanceRestrictionOverrides().allowNoIpv4()).isTrue();
    assertThat(api.batch("batch01").constraints()).isEmpty();
  }

  @Test
  void whatCannotBeABatchIsReportedInTheEditorBeforeSending() {
    cli.run("batch", "add", "batch02");
    String typo = seedBatch("batch-edit-batch02").replace("max_concurrent", "max_concurent");
    ScriptedEditor editor =
        new ScriptedEditor().thenSave(typo).thenSave(seedBatch("batch-edit-batch02"));

    Result edit = cli.runInteractive("\n", editor, "batch", "edit", "batch02");

    assertThat(edit.exitCode()).isZero();
    assertThat(edit.err())
        .isEqualTo(
            "Error: Invalid batch configuration: unknown key"
                + " \"constraints[0].max_concurent_instances\"\n");
    assertThat(editor.seen().get(1))
        .startsWith(
            "# Error: Invalid batch configuration: unknown key"
                + " \"constraints[0].max_concurent_instances\"\n");
    assertThat(requests()).extracting(Request::method).containsOnlyOnce("PUT");
    assertThat(api.batch("batch02").constraints().get(0).maxConcurrentInstances()).isEqualTo(1);
  }

  @Test
  void theDocumentsOwnDatesHaveSincePassed() {
    cli.run("batch", "add", "batch01");

    Result edit =
        cli.runWithInput(resource("fixtures/batch-edit-batch01.yaml"), "batch", "edit", "batch01");

    assertThat(edit.exitCode()).isEqualTo(1);
    assertThat(edit.err()).isEqualTo("Batch migration window has already passed\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{name: batch01, surprise: 1}" + " | Invalid batch configuration: unknown key \"surprise\"",
        "{name: batch01, config: {allow_no_ipv4: true}}"
            + " | Invalid batch configuration: unknown key \"config.allow_no_ipv4\"",
        "{name: batch01, migration_windows: [{name: w, start: tomorrow}]}"
            + " | Invalid batch configuration: \"migration_windows[0].start\": Invalid time"
            + " \"tomorrow\"",
        "{name: batch01, constraints: [{name: c, min_instance_boot_time: an hour}]}"
            + " | Invalid batch configuration: \"constraints[0].min_instance_boot_time\":"
            + " Invalid duration \"an hour\"",
        "{name: batch01, config: {post_migration_retries: five}}"
            + " | Invalid batch configuration: \"config.post_migration_retries\": expected a"
            + " whole number",
        "{name: batch01, migration_windows: {name: w}}"
            + " | Invalid batch configuration: \"migration_windows\": expected a list",
        "[{name: batch01}] | Invalid batch configuration: expected keys and values",
      })
  void editRefusesWhatCannotBeABatchBeforeSending(String yaml, String message) {
    cli.run("batch", "add", "batch01");
    int before = requests().size();

    Result edit = cli.runWithInput(yaml + "\n", "batch", "edit", "batch01");

    assertThat(edit.exitCode()).isEqualTo(1);
    assertThat(edit.err()).isEqualTo(message + "\n");
    assertThat(requests().subList(before, requests().size()))
        .extracting(Request::method)
        .doesNotContain("PUT");
  }

  @Test
  void editAcceptsTheReadOnlyFieldsOfShow() {
    defineSeedBatches();
    String shown = cli.run("batch", "show", "batch02").out();

    Result edit =
        cli.runWithInput(
            shown.replace("max_concurrent_instances: 1", "max_concurrent_instances: 2"),
            "batch",
            "edit",
            "batch02");

    assertThat(edit.err()).isEmpty();
    assertThat(lastBody().has("status")).isFalse();
    assertThat(api.batch("batch02").constraints().get(0).maxConcurrentInstances()).isEqualTo(2);
  }

  @Test
  void infoShowsTheInstancesTheDocumentsBatchesMatch() {
    defineSeedBatches();

    Result batch01 = cli.run("batch", "info", "batch01");
    Result batch02 = cli.run("batch", "info", "batch02");

    assertThat(batch01.err()).isEmpty();
    assertThat(batch01.out()).isEqualTo(resource("golden/batch-info-batch01.txt"));
    assertThat(batch02.out()).isEqualTo(resource("golden/batch-info-batch02.txt"));
  }

  @Test
  void infoShowsTheQueuedInstancesOfTheBatchAndDisabledMigrations() {
    defineSeedBatches();
    ((ObjectNode) api.inventory().instance(DEBIAN).get("overrides")).put("disable_migration", true);

    Result start = cli.run("batch", "start", "batch01");
    Result batch01 = cli.run("batch", "info", "batch01");
    Result batch02 = cli.run("batch", "info", "batch02");

    assertThat(start.out()).isEqualTo("Successfully started batch \"batch01\".\n");
    assertThat(batch01.out())
        .isEqualTo(
            """
            Matched Instances:
              - /vc01/vm/Incus migrations/Ubuntu 2404
              - /vc01/vm/Incus migrations/Debian Bookworm (Migration Disabled)
              - /vc01/vm/Incus migrations/Cent OS 9 UEFI

            Queued Instances:
              - /vc01/vm/Incus migrations/Ubuntu 2404 (Waiting)
              - /vc01/vm/Incus migrations/Debian Bookworm (Blocked)
              - /vc01/vm/Incus migrations/Cent OS 9 UEFI (Waiting)
            """);
    assertThat(batch02.out())
        .endsWith("Queued Instances:\n")
        .contains("  - /vc01/vm/Incus migrations/Ubuntu 2404\n");
  }

  @Test
  void listShowsTheBatchesWithTheirPlacementAndWindowCount() {
    defineSeedBatches();
    cli.run("batch", "start", "batch01");

    Result table = cli.run("batch", "list");
    Result json = cli.run("batch", "ls", "-f", "json");

    assertThat(table.err()).isEmpty();
    assertThat(table.out()).isEqualTo(resource("golden/batch-list.txt"));
    assertThat(Json.parseYaml(json.out()).get(1).path("name").asText()).isEqualTo("batch02");
  }

  @Test
  void startStopResetAndRemoveSayWhatTheyDid() {
    defineSeedBatches();

    Result start = cli.run("batch", "start", "batch01");
    Result stop = cli.run("batch", "stop", "batch01");
    Result reset = cli.run("batch", "reset", "batch01", "--force");
    Result remove = cli.run("batch", "rm", "batch01");

    assertThat(start.out()).isEqualTo("Successfully started batch \"batch01\".\n");
    assertThat(stop.out()).isEqualTo("Successfully stopped batch \"batch01\".\n");
    assertThat(reset.out()).isEqualTo("Successfully reset batch \"batch01\".\n");
    assertThat(remove.out()).isEqualTo("Successfully removed batch \"batch01\".\n");
    assertThat(requests())
        .filteredOn(r -> !r.method().equals("GET"))
        .extracting(r -> r.method() + " " + r.path())
        .endsWith(
            "POST /1.0/batches/batch01/:start",
            "POST /1.0/batches/batch01/:stop",
            "POST /1.0/batches/batch01/:reset?force=1",
            "DELETE /1.0/batches/batch01");
    assertThat(api.batch("batch01")).isNull();
  }

  @Test
  void serverErrorsAreShownAsTheServerWordsThem() {
    defineSeedBatches();
    cli.run("batch", "start", "batch01");

    Result again = cli.run("batch", "start", "batch01");
    Result remove = cli.run("batch", "remove", "batch01");
    Result missing = cli.run("batch", "show", "batch03");

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .isEqualTo("Cannot start batch \"batch01\" in its current state 'Running'\n");
    assertThat(remove.err()).isEqualTo("Cannot delete batch \"batch01\": Currently running\n");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Batch \"batch03\" not found\n");
  }

  @Test
  void resetRefusesCommittedEntriesUnlessForced() {
    defineSeedBatches();
    cli.run("batch", "start", "batch01");
    api.loadQueue("queue-edited.json");
    api.setStatus(DEBIAN, "Performing final import tasks");

    Result refused = cli.run("batch", "reset", "batch01");
    Result forced = cli.run("batch", "reset", "-f", "batch01");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .isEqualTo("Queue entries have already begun final import or post-migration steps\n");
    assertThat(forced.out()).isEqualTo("Successfully reset batch \"batch01\".\n");
    assertThat(api.batch("batch01").status()).isEqualTo(BatchStatus.DEFINED);
  }

  @Test
  void planShowsWhatStartingWouldDoForEveryMatchedInstance() {
    defineSeedBatches();
    api.plan("batch01", "plan-batch01.json");
    api.plan("batch02", "plan-batch02.json");

    Result batch01 = cli.run("batch", "plan", "batch01");
    Result batch02 = cli.run("batch", "plan", "batch02");

    assertThat(batch01.err()).isEmpty();
    assertThat(lastRequest().path()).isEqualTo("/1.0/batches/batch02/:plan");
    assertThat(batch01.out()).isEqualTo(resource("golden/batch-plan-batch01.txt"));
    assertThat(batch02.out()).isEqualTo(resource("golden/batch-plan-batch02.txt"));
  }

  @Test
  void planSaysWhyABatchCannotStart() {
    defineSeedBatches();
    api.plan("batch01", "plan-batch01-past.json");

    Result table = cli.run("batch", "plan", "batch01", "-f", "compact");
    Result yaml = cli.run("batch", "plan", "batch01", "-f", "yaml");

    assertThat(table.out())
        .startsWith(
            "Batch \"batch01\" cannot be started: Cannot start batch \"batch01\" with invalid"
                + " migration windows: No valid migration windows found\n\n")
        .contains(
            "  /vc01/vm/Incus migrations/Debian Bookworm  blocked  Blocked  Background import"
                + " is not supported  incus01");
    assertThat(yaml.out()).startsWith("batch: batch01\nstartable: false\nproblem: ");
  }
}
