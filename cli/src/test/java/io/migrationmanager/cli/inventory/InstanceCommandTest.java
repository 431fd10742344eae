package io.migrationmanager.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.cli.CliRunner.Result;
import io.migrationmanager.cli.transport.TestUnixServer.Request;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InstanceCommandTest extends FakeServerTest {

  private static final String UBUNTU = "52d5cfe0-d341-82d9-3f23-4149687b4e3e";
  private static final String DEBIAN = "52d89a93-ff8f-9dea-4d74-ec99beb1d2d4";
  private static final String CENTOS9 = "2f83c3b1-7966-4ff7-a671-79f163f28b3e";

  private static final String HEADER =
      "### This is a YAML representation of instance override configuration.\n"
          + "### Any line starting with a '# will be ignored.\n"
          + "###\n\n";

  private static final String NO_OVERRIDE =
      """
      last_update: 0001-01-01T00:00:00Z
      comment: ""
      disable_migration: false
      ignore_restrictions: false
      properties:
        name: ""
        description: ""
        cpus: 0
        memory: 0
        config: {}
        os: ""
        os_version: ""
        architecture: ""
      """;

  @Test
  void listMatchesTheDocumentInTheOrderOfTheApi() {
    Result result = cli.run("instance", "list");

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo(resource("golden/instance-list-before.txt"));
    assertThat(lastRequest().path()).isEqualTo("/1.0/instances?recursion=1");
  }

  @Test
  void overrideEditInTheEditorGivesTheDocumentsListAfter() {
    String etag = api.overrideEtag(UBUNTU);
    ScriptedEditor editor =
        new ScriptedEditor().thenSave(resource("fixtures/override-edit-ubuntu.yaml"));

    Result edit = cli.runInteractive("", editor, "instance", "override", "edit", UBUNTU);

    assertThat(edit.err()).isEmpty();
    assertThat(edit.exitCode()).isZero();
    assertThat(editor.seen()).containsExactly(HEADER + NO_OVERRIDE);
    Request put = lastRequest();
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.path()).isEqualTo("/1.0/instances/" + UBUNTU + "/override");
    assertThat(put.header("If-Match")).isEqualTo(etag);
    assertThat(cli.run("instance", "list").out())
        .isEqualTo(resource("golden/instance-list-after.txt"));
    assertThat(cli.run("instance", "override", "show", UBUNTU).out())
        .isEqualTo(resource("golden/instance-override-show-ubuntu.yaml"));
  }

  @Test
  void aConcurrentChangeIsReportedAndTheNextSaveUsesTheFreshEtag() {
    AtomicReference<String> freshEtag = new AtomicReference<>();
    ScriptedEditor editor =
        new ScriptedEditor()
            .thenSave(
                resource("fixtures/override-edit-ubuntu.yaml"),
                () -> {
                  cli.runWithInput(
                      "comment: someone else\n", "instance", "override", "edit", UBUNTU);
                  freshEtag.set(api.overrideEtag(UBUNTU));
                })
            .thenSave(resource("fixtures/override-edit-ubuntu.yaml"));

    Result edit = cli.runInteractive("\n", editor, "instance", "override", "edit", UBUNTU);

    assertThat(edit.exitCode()).isZero();
    assertThat(edit.err()).startsWith("Error: ETag doesn't match: ");
    assertThat(edit.out())
        .isEqualTo("Press enter to open the editor again or ctrl+c to abort change\n");
    assertThat(editor.seen().get(1)).startsWith("# Error: ETag doesn't match: ");
    assertThat(lastRequest().method()).isEqualTo("PUT");
    assertThat(lastRequest().header("If-Match")).isEqualTo(freshEtag.get());
    assertThat(cli.run("instance", "override", "show", UBUNTU).out())
        .isEqualTo(resource("golden/instance-override-show-ubuntu.yaml"));
  }

  @Test
  void overrideEditReadsStandardInputWhenItIsNotATerminal() {
    Result edit =
        cli.runWithInput(
            "comment: No background import\ndisable_migration: true\n",
            "instance",
            "override",
            "edit",
            DEBIAN);

    assertThat(edit.exitCode()).isZero();
    assertThat(lastRequest().header("If-Match")).isNull();
    assertThat(cli.run("instance", "list", "-f", "csv").out())
        .contains(
            DEBIAN
                + ",vcenter01,/vc01/vm/Incus migrations/Debian Bookworm,"
                + "Debian GNU/Linux 12 (bookworm),3,6.00GiB,false,true\n");
  }

  @Test
  void overrideShowHasTheDocumentsShape() {
    Result result = cli.run("instance", "override", "show", CENTOS9);

    assertThat(result.out())
        .isEqualTo(
            """
            last_update: 2025-11-18T23:40:00Z
            comment: Sized for the target
            disable_migration: false
            ignore_restrictions: false
            properties:
              name: ""
              description: ""
              cpus: 6
              memory: 6442450944
              config: {}
              os: ""
              os_version: ""
              architecture: ""
            """);
  }

  @Test
  void overrideRemoveBringsBackTheSourceValues() {
    cli.runWithInput(
        resource("fixtures/override-edit-ubuntu.yaml"), "instance", "override", "edit", UBUNTU);

    Result removed = cli.run("instance", "override", "remove", UBUNTU);

    assertThat(removed.out())
        .isEqualTo("Successfully removed override for instance \"" + UBUNTU + "\".\n");
    assertThat(lastRequest().method()).isEqualTo("DELETE");
    assertThat(cli.run("instance", "override", "show", UBUNTU).out()).isEqualTo(NO_OVERRIDE);
    assertThat(cli.run("instance", "list").out())
        .isEqualTo(resource("golden/instance-list-before.txt"));
  }

  @Test
  void verboseListShowsTheNewerColumns() {
    Result result = cli.run("instance", "list", "--verbose", "-f", "csv,header");

    String[] lines = result.out().split("\n(?=[0-9a-f]{8}-|UUID)");
    assertThat(lines[0])
        .isEqualTo(
            "UUID,Location,Description,Source,Last Update from Source,Architecture,OS Type,Distro,"
                + "Version,OS Name,OS Description,Disks,NICs,CPUs,Memory,Legacy Boot,Secure Boot,"
                + "TPM,Background Import,Migration Disabled,Running");
    assertThat(lines).hasSize(7);
    assertThat(lines[6])
        .isEqualTo(
            CENTOS9
                + ",/vc01/vm/other/CentOS9,,vcenter01,2025-11-18 23:47:23.99 +0000"
                + " UTC,x86_64,linux,centos,9,centos,CentOS Stream 9,\"[datastore-01]"
                + " CentOS9/CentOS9.vmdk: (32.00GiB)\n"
                + "[datastore-02] CentOS9/CentOS9_1.vmdk: (512.00MiB)\",\"00:50:56:b0:00:06"
                + " (/vc01/network/VMNET,"
                + " network-40007)\",6,6.00GiB,false,false,false,true,false,true\n");
  }

  @Test
  void jsonAndYamlShowTheApiObjects() {
    Result json = cli.run("instance", "list", "-f", "json");
    Result show = cli.run("instance", "show", UBUNTU);

    assertThat(json.out()).startsWith("[{\"name\":\"Win2016\",\"cpus\":2,");
    assertThat(show.out())
        .startsWith("name: Ubuntu2404\ncpus: 2\nmemory: 4294967296\nconfig: {}\n")
        .contains(
            "location: /vc01/vm/Incus migrations/Ubuntu 2404\n",
            "nics:\n- uuid: d56fcf64-1669-4c85-bffc-c9845676add6\n",
            "overrides:\n  last_update: 0001-01-01T00:00:00Z\n");
  }

  @Test
  void powerAndBackgroundImportActions() {
    Result off = cli.run("instance", "power", DEBIAN, "off");
    Result on = cli.run("instance", "power", DEBIAN, "on");
    Result reset = cli.run("instance", "reset-background-import", DEBIAN);
    Result enable = cli.run("instance", "enable-background-import", DEBIAN);
    Result resetAgain = cli.run("instance", "reset-background-import", DEBIAN);

    assertThat(off.out()).isEqualTo("Successfully powered off instance \"" + DEBIAN + "\".\n");
    assertThat(on.out()).isEqualTo("Successfully powered on instance \"" + DEBIAN + "\".\n");
    assertThat(requests().get(0).path())
        .isEqualTo("/1.0/instances/" + DEBIAN + "/:power?state=off");
    assertThat(reset.exitCode()).isEqualTo(1);
    assertThat(reset.err())
        .isEqualTo("Background import is not enabled for instance \"" + DEBIAN + "\"\n");
    assertThat(enable.out())
        .isEqualTo("Successfully enabled background import for instance \"" + DEBIAN + "\".\n");
    assertThat(resetAgain.out())
        .isEqualTo("Successfully reset background import for instance \"" + DEBIAN + "\".\n");
    assertThat(api.instance(DEBIAN).path("background_import").asBoolean()).isTrue();
    assertThat(api.instance(DEBIAN).path("running").asBoolean()).isTrue();
  }

  @Test
  void invalidArgumentsFailBeforeAnyRequest() {
    Result state = cli.run("instance", "power", DEBIAN, "reboot");
    Result uuid = cli.run("instance", "override", "show", "Ubuntu2404");
    Result edit = cli.run("instance", "override", "edit", "52d5cfe0");

    assertThat(state.err())
        .isEqualTo("Invalid power state \"reboot\", must be \"on\" or \"off\"\n");
    assertThat(uuid.err()).isEqualTo("Invalid instance UUID \"Ubuntu2404\"\n");
    assertThat(edit.exitCode()).isEqualTo(1);
    assertThat(requests()).isEmpty();
  }

  @Test
  void unknownInstancesAreServerErrors() {
    Result result = cli.run("instance", "show", "00000000-0000-0000-0000-000000000000");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("Instance \"00000000-0000-0000-0000-000000000000\" not found\n");
  }
}
