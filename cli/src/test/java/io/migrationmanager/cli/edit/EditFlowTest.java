package io.migrationmanager.cli.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.cli.Terminal;
import io.migrationmanager.cli.transport.ApiClient;
import io.migrationmanager.cli.transport.RawResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditFlowTest {

  private static final String OVERRIDE =
      "{\"comment\":\"\",\"disable_migration\":false,\"cpus\":0,\"os_type\":\"\"}";

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /**
   * A fake API: GET answers {@code object} with ETag "v1" (then "v2"), PUTs answer the queued
   * outcomes.
   */
  private static final class FakeApi implements ApiClient {
    record Put(String path, String body, String ifMatch) {}

    private final String object;
    private final Deque<RawResponse> putOutcomes = new ArrayDeque<>();
    private final List<Put> puts = new ArrayList<>();
    private int gets;

    FakeApi(String object) {
      this.object = object;
    }

    FakeApi rejectNextPut(int code, String message) {
      putOutcomes.add(
          new RawResponse(
              code,
              Map.of(),
              ("{\"type\":\"error\",\"status\":\"\",\"status_code\":0,\"operation\":\"\","
                      + "\"error_code\":"
                      + code
                      + ",\"error\":\""
                      + message
                      + "\",\"metadata\":null}")
                  .getBytes(StandardCharsets.UTF_8)));
      return this;
    }

    @Override
    public RawResponse exchange(
        String method, String path, byte[] body, Map<String, String> headers) {
      if (method.equals("GET")) {
        gets++;
        return ok(object, Map.of("ETag", List.of("\"v" + gets + "\"")));
      }
      puts.add(new Put(path, new String(body, StandardCharsets.UTF_8), headers.get("If-Match")));
      return putOutcomes.isEmpty() ? ok("{}", Map.of()) : putOutcomes.poll();
    }

    private static RawResponse ok(String metadata, Map<String, List<String>> headers) {
      String envelope =
          "{\"type\":\"sync\",\"status\":\"Success\",\"status_code\":200,\"operation\":\"\","
              + "\"error_code\":0,\"error\":\"\",\"metadata\":"
              + metadata
              + "}";
      return new RawResponse(200, headers, envelope.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * An editor driven by a list of steps, each receiving the file content and returning the new one.
   */
  private static final class ScriptedEditor implements EditorLauncher {
    private final Deque<UnaryOperator<String>> steps = new ArrayDeque<>();
    private final List<String> presented = new ArrayList<>();

    ScriptedEditor then(UnaryOperator<String> step) {
      steps.add(step);
      return this;
    }

    @Override
    public void edit(Path file) {
      try {
        String content = Files.readString(file);
        presented.add(content);
        Files.writeString(file, steps.remove().apply(content));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Terminal terminal(String stdin, boolean interactive, EditorLauncher editor) {
    return new Terminal(
        new CliRunner(dir)
            .environment(
                stdin,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                interactive,
                editor));
  }

  @Test
  void nonInteractiveInputIsReadFromStdinAndSent() {
    FakeApi api = new FakeApi(OVERRIDE);
    EditorLauncher noEditor =
        file -> {
          throw new AssertionError("no editor expected");
        };

    new EditFlow(api, terminal("comment: piped\ncpus: 4\n", false, noEditor))
        .edit("instance override configuration", "instances/u1/override");

    assertThat(api.puts)
        .containsExactly(
            new FakeApi.Put(
                "/1.0/instances/u1/override", "{\"comment\":\"piped\",\"cpus\":4}", null));
    assertThat(api.gets).isZero();
  }

  @Test
  void editorScriptChangesAreSentWithIfMatch() throws Exception {
    Path record = dir.resolve("record.txt");
    Path script = dir.resolve("fake-editor.sh");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "printf '%s %s\\n' \"$(basename \"$1\")\" \"$(stat -c %a \"$1\")\" > '"
            + record
            + "'\n"
            + "cat \"$1\" >> '"
            + record
            + "'\n"
            + "sed -i 's/^comment: .*/comment: edited by script/' \"$1\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    FakeApi api = new FakeApi(OVERRIDE);
    EditorLauncher editor = EditorLauncher.fromEnvironment(Map.of("VISUAL", script.toString()));

    new EditFlow(api, terminal("", true, editor))
        .edit("instance override configuration", "instances/u1/override");

    List<String> recorded = Files.readAllLines(record);
    assertThat(recorded.get(0)).matches("migration_manager_editor_.*\\.yaml 600");
    assertThat(String.join("\n", recorded.subList(1, recorded.size())) + "\n")
        .isEqualTo(
            "### This is a YAML representation of instance override configuration.\n"
                + "### Any line starting with a '# will be ignored.\n"
                + "###\n"
                + "\n"
                + "comment: \"\"\n"
                + "disable_migration: false\n"
                + "cpus: 0\n"
                + "os_type: \"\"\n");
    assertThat(api.puts)
        .containsExactly(
            new FakeApi.Put(
                "/1.0/instances/u1/override",
                "{\"comment\":\"edited by"
                    + " script\",\"disable_migration\":false,\"cpus\":0,\"os_type\":\"\"}",
                "\"v1\""));
    String tempName = recorded.get(0).split(" ")[0];
    assertThat(Path.of(System.getProperty("java.io.tmpdir"), tempName)).doesNotExist();
  }

  @Test
  void rejectedChangeReopensTheEditorWithTheUsersTextAndTheError() {
    FakeApi api =
        new FakeApi(OVERRIDE).rejectNextPut(400, "Bad Request: cpus must not be negative");
    ScriptedEditor editor =
        new ScriptedEditor()
            .then(
                text ->
                    text.replace("cpus: 0", "cpus: -2")
                        .replace("comment: \"\"", "comment: keep me"))
            .then(text -> text.replace("cpus: -2", "cpus: 2"));

    new EditFlow(api, terminal("\n", true, editor))
        .edit("instance override configuration", "instances/u1/override");

    assertThat(editor.presented.get(1))
        .isEqualTo(
            "# Error: Bad Request: cpus must not be negative\n"
                + "# Fix the configuration below and save to try again; save it unchanged or empty"
                + " to give up.\n"
                + editor
                    .presented
                    .get(0)
                    .replace("cpus: 0", "cpus: -2")
                    .replace("comment: \"\"", "comment: keep me"));
    assertThat(api.puts).hasSize(2);
    assertThat(api.puts.get(1).body()).contains("\"comment\":\"keep me\"", "\"cpus\":2");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("Error: Bad Request: cpus must not be negative\n");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("Press enter to open the editor again or ctrl+c to abort change\n");
  }

  @Test
  void invalidYamlIsReportedInTheEditorWithoutReachingTheServer() {
    FakeApi api = new FakeApi(OVERRIDE);
    ScriptedEditor editor =
        new ScriptedEditor()
            .then(text -> text + "cpus: [unclosed\n")
            .then(text -> text.replace("cpus: [unclosed\n", ""));

    new EditFlow(api, terminal("\n", true, editor))
        .edit("instance override configuration", "instances/u1/override");

    assertThat(editor.presented.get(1)).startsWith("# Error: Failed to parse YAML: ");
    assertThat(api.puts).hasSize(1);
  }

  @Test
  void savingUnchangedAfterAnErrorGivesUpWithThatError() {
    FakeApi api = new FakeApi(OVERRIDE).rejectNextPut(400, "Bad Request: no");
    ScriptedEditor editor =
        new ScriptedEditor().then(text -> text.replace("cpus: 0", "cpus: 1")).then(text -> text);

    assertThatThrownBy(
            () ->
                new EditFlow(api, terminal("\n", true, editor))
                    .edit("instance override configuration", "instances/u1/override"))
        .isInstanceOf(CliException.class)
        .hasMessage("Bad Request: no");
    assertThat(api.puts).hasSize(1);
  }

  @Test
  void endOfInputAtThePromptGivesUp() {
    FakeApi api = new FakeApi(OVERRIDE).rejectNextPut(400, "Bad Request: no");
    ScriptedEditor editor = new ScriptedEditor().then(text -> text.replace("cpus: 0", "cpus: 1"));

    assertThatThrownBy(
            () ->
                new EditFlow(api, terminal("", true, editor))
                    .edit("instance override configuration", "instances/u1/override"))
        .isInstanceOf(CliException.class)
        .hasMessage("Bad Request: no");
  }

  @Test
  void emptiedFileAborts() {
    FakeApi api = new FakeApi(OVERRIDE);
    ScriptedEditor editor = new ScriptedEditor().then(text -> "# nothing\n\n");

    assertThatThrownBy(
            () ->
                new EditFlow(api, terminal("", true, editor))
                    .edit("instance override configuration", "instances/u1/override"))
        .isInstanceOf(CliException.class)
        .hasMessage("Edit aborted: the file is empty");
    assertThat(api.puts).isEmpty();
  }

  @Test
  void changedObjectIsReportedAndTheNextSaveUsesTheNewEtag() {
    FakeApi api = new FakeApi(OVERRIDE).rejectNextPut(412, "ETag doesn't match: v1 vs v9");
    ScriptedEditor editor =
        new ScriptedEditor()
            .then(text -> text.replace("cpus: 0", "cpus: 1"))
            .then(text -> text.replace("cpus: 1", "cpus: 3"));

    new EditFlow(api, terminal("\n", true, editor))
        .edit("instance override configuration", "instances/u1/override");

    assertThat(editor.presented.get(1))
        .startsWith(
            "# Error: ETag doesn't match: v1 vs v9\n"
                + "# The object changed since it was opened; saving again overwrites those"
                + " changes.\n");
    assertThat(api.puts).extracting(FakeApi.Put::ifMatch).containsExactly("\"v1\"", "\"v2\"");
  }

  @Test
  void partOfAnObjectIsEditedAndSentElsewhereWithoutIfMatch() {
    FakeApi api =
        new FakeApi(
            "{\"uuid\":\"n1\",\"overrides\":{\"network\":\"\",\"nictype\":\"\",\"vlan_id\":\"\"}}");
    ScriptedEditor editor =
        new ScriptedEditor()
            .then(
                text -> {
                  assertThat(text).endsWith("\n\nnetwork: \"\"\nnictype: \"\"\nvlan_id: \"\"\n");
                  return text.replace("network: \"\"", "network: br0")
                      .replace("vlan_id: \"\"", "vlan_id: \"10\"");
                });

    new EditFlow(api, terminal("", true, editor))
        .edit(
            "network configuration",
            "networks/n1",
            node -> node.get("overrides"),
            "networks/n1/override");

    assertThat(api.puts)
        .containsExactly(
            new FakeApi.Put(
                "/1.0/networks/n1/override",
                "{\"network\":\"br0\",\"nictype\":\"\",\"vlan_id\":\"10\"}",
                null));
  }
}
