package io.migrationmanager.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.cli.CliRunner.Result;
import org.junit.jupiter.api.Test;

class NetworkCommandTest extends FakeServerTest {

  private static final String ESXI_NETWORK = "8df4f8e3-b446-4631-87a8-f7f97fce3109";
  private static final String VCENTER_NETWORK = "d56fcf64-1669-4c85-bffc-c9845676add6";

  @Test
  void listMatchesTheDocumentSortedNaturally() {
    Result result = cli.run("network", "list");

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo(resource("golden/network-list-before.txt"));
    assertThat(lastRequest().path()).isEqualTo("/1.0/networks?recursion=1");
  }

  @Test
  void editingTheOverridesGivesTheDocumentsListAfter() {
    ScriptedEditor editor =
        new ScriptedEditor()
            .thenSave("network: \"incusbr0\"\nnictype: \"managed\"\nvlan_id: \"\"\n");

    Result interactive = cli.runInteractive("", editor, "network", "edit", ESXI_NETWORK);
    Result piped =
        cli.runWithInput(
            "network: \"br0\"\nnictype: \"bridged\"\nvlan_id: \"30\"\n",
            "network",
            "edit",
            VCENTER_NETWORK);

    assertThat(interactive.err()).isEmpty();
    assertThat(piped.err()).isEmpty();
    assertThat(editor.seen())
        .containsExactly(
            "### This is a YAML representation of network configuration.\n"
                + "### Any line starting with a '# will be ignored.\n"
                + "###\n\n"
                + "network: \"\"\nnictype: \"\"\nvlan_id: \"\"\n");
    assertThat(lastRequest().method()).isEqualTo("PUT");
    assertThat(lastRequest().path()).isEqualTo("/1.0/networks/" + VCENTER_NETWORK + "/override");
    assertThat(lastBody().toString())
        .isEqualTo("{\"network\":\"br0\",\"nictype\":\"bridged\",\"vlan_id\":\"30\"}");
    assertThat(cli.run("network", "ls").out()).isEqualTo(resource("golden/network-list-after.txt"));
  }

  @Test
  void editShowsTheCurrentOverrideAndReportsRejectedChanges() {
    cli.runWithInput(
        "network: br0\nnictype: bridged\nvlan_id: 10\n", "network", "edit", VCENTER_NETWORK);
    ScriptedEditor editor =
        new ScriptedEditor().thenSave("network: br0\nnictype: managed\nvlan_id: \"10\"\n");

    Result result = cli.runInteractive("", editor, "network", "edit", VCENTER_NETWORK);

    assertThat(editor.seen().get(0))
        .endsWith("\nnetwork: br0\nnictype: bridged\nvlan_id: \"10\"\n");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Error: Bad Request: Cannot set VLAN ID with NIC type \"managed\"\n"
                + "Bad Request: Cannot set VLAN ID with NIC type \"managed\"\n");
  }

  @Test
  void theDocumentsSecondEditNamesAnInstanceNotANetwork() {
    Result result =
        cli.runWithInput(
            "network: \"br0\"\nnictype: \"bridged\"\nvlan_id: \"10\"\n",
            "network",
            "edit",
            "52d5cfe0-d341-82d9-3f23-4149687b4e3e");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("Network \"52d5cfe0-d341-82d9-3f23-4149687b4e3e\" not found\n");
  }

  @Test
  void showInstancesAndRemove() {
    Result show = cli.run("network", "show", VCENTER_NETWORK);
    Result instances = cli.run("network", "instances", ESXI_NETWORK);
    Result removed = cli.run("network", "rm", ESXI_NETWORK);
    Result missing = cli.run("network", "remove", ESXI_NETWORK);

    assertThat(show.out())
        .isEqualTo(
            """
            uuid: d56fcf64-1669-4c85-bffc-c9845676add6
            source_specific_id: network-40007
            source: vcenter01
            type: standard
            location: /vc01/network/VMNET
            properties: {}
            placement:
              network: VMNET
              nictype: managed
              vlan_id: ""
            overrides:
              network: ""
              nictype: ""
              vlan_id: ""
            """);
    assertThat(instances.out())
        .isEqualTo(
            """
+--------------------------------------+--------+----------------------------+-----------------------------------------------+------+---------+-------------------+--------------------+
| UUID                                 | Source | Location                   | OS Version                                    | CPUs | Memory  | Background Import | Migration Disabled |
+--------------------------------------+--------+----------------------------+-----------------------------------------------+------+---------+-------------------+--------------------+
| 52cfcb6b-20ee-add3-adc9-68c63ca9adfd | esxi01 | /ha-datacenter/vm/Win2016  | Windows Server 2016, 64-bit (Build 14393.693) | 2    | 4.00GiB | true              | false              |
+--------------------------------------+--------+----------------------------+-----------------------------------------------+------+---------+-------------------+--------------------+
| 5298cc11-96ea-4f50-b018-6d80bfdaa7d9 | esxi01 | /ha-datacenter/vm/SuseUEFI | openSUSE Leap 15.6                            | 3    | 6.00GiB | true              | false              |
+--------------------------------------+--------+----------------------------+-----------------------------------------------+------+---------+-------------------+--------------------+
""");
    assertThat(requests().get(1).path())
        .isEqualTo("/1.0/networks/" + ESXI_NETWORK + "/instances?recursion=1");
    assertThat(removed.out()).isEqualTo("Successfully removed network \"" + ESXI_NETWORK + "\".\n");
    assertThat(missing.err()).isEqualTo("Network \"" + ESXI_NETWORK + "\" not found\n");
    assertThat(cli.run("network", "list", "-f", "csv").out())
        .isEqualTo(
            VCENTER_NETWORK
                + ",network-40007,/vc01/network/VMNET,vcenter01,standard,VMNET,managed,\n");
  }

  @Test
  void invalidUuidFailsBeforeAnyRequest() {
    Result result = cli.run("network", "edit", "VMNET");

    assertThat(result.err()).isEqualTo("Invalid network UUID \"VMNET\"\n");
    assertThat(requests()).isEmpty();
  }
}
