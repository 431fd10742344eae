package io.migrationmanager.cli.inventory;

import static io.migrationmanager.cli.inventory.FakeInventoryServer.CERT_FINGERPRINT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.cli.CliRunner.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceCommandTest extends FakeServerTest {

  private static final String ADD_PROMPTS =
      "Please enter username for endpoint 'https://10.10.0.3': "
          + "Please enter password for endpoint 'https://10.10.0.3': "
          + "How many instances can be concurrently imported? [default=50]: "
          + "Connection timeout for the source [default=10m0s]: "
          + "VM import timeout for the source [default=10s]: "
          + "Comma-separated list of datacenters to import from [defaults to all datacenters]: ";

  private static final String UNTRUSTED =
      "Successfully added new source \"esxi01\", but received an untrusted TLS server certificate"
          + " with fingerprint "
          + CERT_FINGERPRINT
          + ". Please update the source to correct the issue.\n";

  /** {@code source add esxi01 10.10.0.3} answered with a user, a password and the defaults. */
  private Result addEsxi() {
    return cli.runWithInput("user\nsecret\n\n\n\n\n", "source", "add", "esxi01", "10.10.0.3");
  }

  @Test
  void addAsksTheQuestionsAndReportsTheUntrustedCertificate() {
    Result result = addEsxi();

    assertThat(result.out()).isEqualTo(ADD_PROMPTS);
    assertThat(result.err()).isEqualTo(UNTRUSTED);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(lastRequest().method()).isEqualTo("POST");
    assertThat(lastRequest().path()).isEqualTo("/1.0/sources");
    assertThat(lastBody().toString())
        .isEqualTo(
            "{\"name\":\"esxi01\",\"source_type\":\"vmware\",\"properties\":{"
                + "\"endpoint\":\"https://10.10.0.3\",\"username\":\"user\",\"password\":\"secret\","
                + "\"import_limit\":50,\"connection_timeout\":\"10m0s\",\"sync_timeout\":\"10s\","
                + "\"datacenters\":[]}}");
  }

  @Test
  void listShowsTheSourcesWithoutSecrets() {
    addEsxi();

    Result table = cli.run("source", "list");
    Result json = cli.run("source", "ls", "-f", "json");

    assertThat(table.exitCode()).isZero();
    assertThat(table.out())
        .isEqualTo(
            """
+--------+--------+-------------------+-------------------------+---------+----------+-------------------------------------+
| Name   | Type   | Endpoint          | Connectivity Status     | Syncing | Username | Trusted TLS Cert SHA256 Fingerprint |
+--------+--------+-------------------+-------------------------+---------+----------+-------------------------------------+
| esxi01 | vmware | https://10.10.0.3 | Confirm TLS fingerprint | false   | user     |                                     |
+--------+--------+-------------------+-------------------------+---------+----------+-------------------------------------+
""");
    assertThat(json.out()).startsWith("[{\"name\":\"esxi01\"").doesNotContain("secret");
    assertThat(lastRequest().path()).isEqualTo("/1.0/sources?recursion=1");
  }

  @Test
  void updateAsksWithTheCurrentValuesAndKeepsThePassword() {
    addEsxi();
    String fingerprint = colonSeparated(CERT_FINGERPRINT.toUpperCase(Locale.ROOT));

    Result result =
        cli.runWithInput("\n\n\n\n\n\n\n" + fingerprint + "\n", "source", "update", "esxi01");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "Source name [default=esxi01]: "
                + "Endpoint [default=https://10.10.0.3]: "
                + "Update configured authentication? (yes/no) [default=no]: "
                + "How many instances can be concurrently imported? [default=50]: "
                + "Connection timeout for the source [default=10m0s]: "
                + "VM import timeout for the source [default=10s]: "
                + "Comma-separated list of datacenters to import from [default=]: "
                + "Manually-set trusted TLS cert SHA256 fingerprint []: "
                + "Successfully updated source \"esxi01\".\n");
    assertThat(lastRequest().method()).isEqualTo("PUT");
    assertThat(lastRequest().path()).isEqualTo("/1.0/sources/esxi01");
    JsonNode properties = lastBody().path("properties");
    assertThat(properties.has("password")).isFalse();
    assertThat(properties.path("trusted_server_certificate_fingerprint").asText())
        .isEqualTo(CERT_FINGERPRINT);
    assertThat(api.source("esxi01").path("properties").path("password").asText())
        .isEqualTo("secret");
    assertThat(cli.run("source", "list", "-f", "csv").out())
        .isEqualTo("esxi01,vmware,https://10.10.0.3,OK,false,user," + CERT_FINGERPRINT + "\n");
  }

  @Test
  void updateRenamesAndReplacesTheCredentials() {
    addEsxi();

    Result result =
        cli.runWithInput(
            "esxi02\n\nyes\nroot\nnew-secret\n8\n1h\n\n/ha-datacenter\n" + CERT_FINGERPRINT + "\n",
            "source",
            "update",
            "esxi01");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "Update configured authentication? (yes/no) [default=no]: "
                + "Username: [default=user]: Password: How many instances")
        .endsWith("Successfully updated source \"esxi02\".\n");
    assertThat(lastRequest().path()).isEqualTo("/1.0/sources/esxi01");
    JsonNode properties = api.source("esxi02").path("properties");
    assertThat(properties.path("username").asText()).isEqualTo("root");
    assertThat(properties.path("password").asText()).isEqualTo("new-secret");
    assertThat(properties.path("import_limit").asInt()).isEqualTo(8);
    assertThat(properties.path("connection_timeout").asText()).isEqualTo("1h0m0s");
    assertThat(properties.path("sync_timeout").asText()).isEqualTo("10s");
    assertThat(properties.path("datacenters").toString()).isEqualTo("[\"/ha-datacenter\"]");
    assertThat(api.source("esxi01")).isNull();
  }

  @Test
  void flagsAnswerEveryQuestion() {
    Result result =
        cli.runWithInput(
            "s3cret\n",
            "source",
            "add",
            "vmware",
            "vcenter01",
            "https://vc01.example:443",
            "--username",
            "administrator@vsphere.local",
            "--password-stdin",
            "--import-limit",
            "10",
            "--connection-timeout",
            "1h30m",
            "--sync-timeout",
            "30s",
            "--datacenters",
            "/vc01, /vc02,",
            "--trusted-cert-fingerprint",
            colonSeparated(CERT_FINGERPRINT));

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("Successfully added new source \"vcenter01\".\n");
    assertThat(result.exitCode()).isZero();
    assertThat(lastBody().path("properties").toString())
        .isEqualTo(
            "{\"endpoint\":\"https://vc01.example:443\",\"trusted_server_certificate_fingerprint\":\""
                + CERT_FINGERPRINT
                + "\",\"username\":\"administrator@vsphere.local\",\"password\":\"s3cret\","
                + "\"import_limit\":10,\"connection_timeout\":\"1h30m0s\",\"sync_timeout\":\"30s\","
                + "\"datacenters\":[\"/vc01\",\"/vc02\"]}");
  }

  @Test
  void updateWithFlagsAsksOnlyForTheRest() {
    cli.run(
        "source",
        "add",
        "vc",
        "vc.example",
        "--username",
        "u",
        "--password",
        "p",
        "--import-limit",
        "1",
        "--connection-timeout",
        "1m",
        "--sync-timeout",
        "5s",
        "--datacenters",
        "");

    Result result =
        cli.run(
            "source",
            "update",
            "vc",
            "--name",
            "vc2",
            "--endpoint",
            "vc2.example",
            "--password",
            "p2",
            "--import-limit",
            "2",
            "--connection-timeout",
            "2m",
            "--sync-timeout",
            "20s",
            "--datacenters",
            "/dc",
            "--trusted-cert-fingerprint",
            CERT_FINGERPRINT);

    assertThat(result.out()).isEqualTo("Successfully updated source \"vc2\".\n");
    JsonNode properties = api.source("vc2").path("properties");
    assertThat(properties.path("endpoint").asText()).isEqualTo("https://vc2.example");
    assertThat(properties.path("username").asText()).isEqualTo("u");
    assertThat(properties.path("password").asText()).isEqualTo("p2");
    assertThat(properties.path("import_limit").asInt()).isEqualTo(2);
  }

  @Test
  void invalidAnswersAreAskedAgain() {
    Result result =
        cli.runWithInput(
            "\nuser\nsecret\n2000\nmany\n7\nforever\n0s\n5m\n\n\n",
            "source",
            "add",
            "esxi01",
            "10.10.0.3");

    assertThat(result.err())
        .startsWith(
            "Invalid input: must not be empty\n\n"
                + "Invalid input: must be a number between 0 and 1024\n\n"
                + "Invalid input: must be a number between 0 and 1024\n\n"
                + "Invalid input: must be a positive duration such as 10m0s, 1h30m or 10s\n\n"
                + "Invalid input: must be a positive duration such as 10m0s, 1h30m or 10s\n\n"
                + "Successfully added new source");
    JsonNode properties = lastBody().path("properties");
    assertThat(properties.path("import_limit").asInt()).isEqualTo(7);
    assertThat(properties.path("connection_timeout").asText()).isEqualTo("5m0s");
  }

  @Test
  void theEndOfInputWithoutARequiredAnswerIsAnError() {
    Result result = cli.run("source", "add", "esxi01", "10.10.0.3");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "No answer to \"Please enter username for endpoint 'https://10.10.0.3'\": must not be"
                + " empty\n");
    assertThat(requests()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--trusted-cert-fingerprint=xyz | Invalid --trusted-cert-fingerprint \"xyz\": must be a"
            + " SHA256 fingerprint of 64 hexadecimal digits, optionally separated by \":\"",
        "--import-limit=1025 | Invalid --import-limit \"1025\": must be a number between 0 and"
            + " 1024",
        "--connection-timeout=0s | Invalid --connection-timeout \"0s\": must be a positive duration"
            + " such as 10m0s, 1h30m or 10s",
        "--sync-timeout=soon | Invalid --sync-timeout \"soon\": must be a positive duration such as"
            + " 10m0s, 1h30m or 10s",
        "--username= | Invalid --username \"\": must not be empty",
        "--password=p --password-stdin | Flags --password and --password-stdin cannot be used"
            + " together"
      })
  void invalidFlagsFailBeforeAnyRequest(String flags, String message) {
    List<String> args = new ArrayList<>(List.of("source", "add", "esxi01", "10.10.0.3"));
    args.addAll(List.of(flags.split(" ")));

    Result result = cli.run(args.toArray(String[]::new));

    assertThat(result.err()).isEqualTo(message + "\n");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(requests()).isEmpty();
  }

  @Test
  void invalidArgumentsFailBeforeAnyRequest() {
    Result type = cli.run("source", "add", "nsx", "nsx01", "10.0.0.1");
    Result endpoint = cli.run("source", "add", "esxi01", "https://");

    assertThat(type.err())
        .isEqualTo("Unsupported source type \"nsx\"; must be one of [\"vmware\"]\n");
    assertThat(endpoint.err())
        .isEqualTo("Invalid endpoint \"https://\": must be an IP address, a host name or a URL\n");
    assertThat(requests()).isEmpty();
  }

  @Test
  void otherConnectivityProblemsAreReported() {
    Result result =
        cli.run(
            "source",
            "add",
            "esxi01",
            "unreachable.example",
            "--username=u",
            "--password=p",
            "--import-limit=1",
            "--connection-timeout=1m",
            "--sync-timeout=1s",
            "--datacenters=");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Successfully added new source \"esxi01\", but connectivity check reported an issue:"
                + " Cannot connect. Please update the source to correct the issue.\n");
  }

  @Test
  void syncAndRemove() {
    addEsxi();
    Result untrusted = cli.run("source", "sync", "esxi01");
    cli.runWithInput("\n\n\n\n\n\n\n" + CERT_FINGERPRINT + "\n", "source", "update", "esxi01");

    Result synced = cli.run("source", "sync", "esxi01");
    Result removed = cli.run("source", "rm", "esxi01");
    Result missing = cli.run("source", "remove", "esxi01");

    assertThat(untrusted.err())
        .isEqualTo(
            "Cannot sync source \"esxi01\" with connectivity status \"Confirm TLS fingerprint\"\n");
    assertThat(synced.out()).isEqualTo("Successfully synced source \"esxi01\".\n");
    assertThat(removed.out()).isEqualTo("Successfully removed source \"esxi01\".\n");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Source \"esxi01\" not found\n");
    assertThat(cli.run("source", "list", "-f", "csv").out()).isEmpty();
  }

  @Test
  void serverErrorsAreShownExactly() {
    api.failNext("POST", "/1.0/sources", 500, "Failed to create source \"esxi01\": disk full");

    Result result = cli.runWithInput("u\np\n\n\n\n\n", "source", "add", "esxi01", "10.10.0.3");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Failed to create source \"esxi01\": disk full\n");
  }

  private static String colonSeparated(String hex) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 2) {
      out.append(i == 0 ? "" : ":").append(hex, i, i + 2);
    }
    return out.toString();
  }
}
