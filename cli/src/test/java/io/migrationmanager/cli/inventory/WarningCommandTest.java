package io.migrationmanager.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.cli.CliRunner.Result;
import org.junit.jupiter.api.Test;

class WarningCommandTest extends FakeServerTest {

  private static final String PARTIAL = "40043116-7a1b-436e-be95-ea1e65a37016";
  private static final String RESTRICTED = "c2841bda-fe78-41c1-974d-c760dddb074b";

  @Test
  void listMatchesTheDocument() {
    Result result = cli.run("warning", "list");

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo(resource("golden/warning-list.txt"));
    assertThat(lastRequest().path()).isEqualTo("/1.0/warnings?recursion=1");
  }

  @Test
  void showMatchesTheDocument() {
    assertThat(cli.run("warning", "show", PARTIAL).out())
        .isEqualTo(resource("golden/warning-show-40043116.yaml"));
    assertThat(cli.run("warning", "show", RESTRICTED).out())
        .isEqualTo(resource("golden/warning-show-c2841bda.yaml"));
  }

  @Test
  void acknowledgeChangesTheStatusSilently() {
    Result result = cli.run("warning", "ack", RESTRICTED);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(lastRequest().method()).isEqualTo("PUT");
    assertThat(lastRequest().path()).isEqualTo("/1.0/warnings/" + RESTRICTED);
    assertThat(lastRequest().body()).isEqualTo("{\"status\":\"acknowledged\"}");
    assertThat(cli.run("warning", "ls", "-f", "csv").out())
        .contains(
            RESTRICTED + ",acknowledged,sync,source,esxi01,Instance migration is restricted,");
    assertThat(cli.run("warning", "acknowledge", PARTIAL).exitCode()).isZero();
    assertThat(api.warning(PARTIAL).path("status").asText()).isEqualTo("acknowledged");
  }

  @Test
  void errors() {
    Result invalid = cli.run("warning", "show", "latest");
    Result missing = cli.run("warning", "ack", "00000000-0000-0000-0000-000000000001");

    assertThat(invalid.err()).isEqualTo("Invalid warning UUID \"latest\"\n");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo("Warning \"00000000-0000-0000-0000-000000000001\" not found\n");
  }
}
