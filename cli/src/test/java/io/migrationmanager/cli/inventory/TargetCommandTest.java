package io.migrationmanager.cli.inventory;

import static io.migrationmanager.cli.inventory.FakeInventoryServer.CERT_FINGERPRINT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TargetCommandTest extends FakeServerTest {

  private static final String CERT =
      "-----BEGIN CERTIFICATE-----\nMIIBcert\n-----END CERTIFICATE-----\n";
  private static final String KEY =
      "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEkey\n-----END EC PRIVATE KEY-----\n";
  private static final String KEY2 =
      "-----BEGIN PRIVATE KEY-----\nMIGHAgEAkey2\n-----END PRIVATE KEY-----\n";

  private Path certFile;
  private Path keyFile;

  @BeforeEach
  void writeClientCertificate() throws IOException {
    certFile = Files.writeString(dir.resolve("client.crt"), CERT);
    keyFile = Files.writeString(dir.resolve("client.key"), KEY);
  }

  private Result addIncus() {
    return cli.runWithInput(
        "\n\n\ntls\n" + certFile + "\n" + keyFile + "\n",
        "target",
        "add",
        "incus01",
        "https://10.1.0.101:8443");
  }

  @Test
  void addAsksTheQuestionsAndSendsThePemFiles() {
    Result result = addIncus();

    assertThat(result.out())
        .isEqualTo(
            "How many instances can be concurrently imported? [default=50]: "
                + "How many instances can be concurrently created? [default=10]: "
                + "Specify the timeout for connecting to the target [default=5m0s]: "
                + "Use OIDC or TLS certificates to authenticate to target? [default=tls]: "
                + "Please enter the absolute path to client TLS certificate: "
                + "Please enter the absolute path to client TLS key: ");
    assertThat(result.err())
        .isEqualTo(
            "Successfully added new target \"incus01\", but received an untrusted TLS server"
                + " certificate with fingerprint "
                + CERT_FINGERPRINT
                + ". Please update the target to correct the issue.\n");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(lastRequest().path()).isEqualTo("/1.0/targets");
    JsonNode body = lastBody();
    assertThat(body.path("name").asText()).isEqualTo("incus01");
    assertThat(body.path("target_type").asText()).isEqualTo("incus");
    JsonNode properties = body.path("properties");
    assertThat(properties.path("endpoint").asText()).isEqualTo("https://10.1.0.101:8443");
    assertThat(properties.path("import_limit").asInt()).isEqualTo(50);
    assertThat(properties.path("create_limit").asInt()).isEqualTo(10);
    assertThat(properties.path("connection_timeout").asText()).isEqualTo("5m0s");
    assertThat(properties.path("tls_client_cert").asText()).isEqualTo(CERT);
    assertThat(properties.path("tls_client_key").asText()).isEqualTo(KEY);
  }

  @Test
  void oidcIsExplainedAndAskedAgain() {
    Result result =
        cli.runWithInput(
            "\n\n\noidc\nkerberos\n\n" + certFile + "\n" + keyFile + "\n",
            "target",
            "add",
            "incus01",
            "10.1.0.101:8443");

    assertThat(result.err())
        .startsWith(
            "Invalid input: OIDC authentication to targets is not supported, use TLS certificates"
                + " (tls)\n\n"
                + "Invalid input: must be \"tls\"\n\n"
                + "Successfully added new target \"incus01\", but");
    assertThat(lastBody().path("properties").path("endpoint").asText())
        .isEqualTo("https://10.1.0.101:8443");
  }

  @Test
  void unreadableFilesAreAskedAgain() {
    Result result =
        cli.runWithInput(
            "\n\n\n\n"
                + dir.resolve("missing.crt")
                + "\n"
                + keyFile
                + "\n"
                + certFile
                + "\n"
                + certFile
                + "\n"
                + keyFile
                + "\n",
            "target",
            "add",
            "incus01",
            "https://10.1.0.101:8443");

    assertThat(result.err())
        .startsWith(
            "Invalid input: no such file\n\n"
                + "Invalid input: the file does not contain a PEM certificate\n\n"
                + "Invalid input: the file does not contain a PEM private key\n\n");
    assertThat(lastBody().path("properties").path("tls_client_key").asText()).isEqualTo(KEY);
  }

  @Test
  void listShowsTheAuthTypeAndNeverTheKey() {
    addIncus();

    Result table = cli.run("target", "list");
    Result yaml = cli.run("target", "ls", "-f", "yaml");

    assertThat(table.out())
        .isEqualTo(
            """
+---------+-------+-------------------------+-------------------------+-----------+-------------------------------------+
| Name    | Type  | Endpoint                | Connectivity Status     | Auth Type | Trusted TLS Cert SHA256 Fingerprint |
+---------+-------+-------------------------+-------------------------+-----------+-------------------------------------+
| incus01 | incus | https://10.1.0.101:8443 | Confirm TLS fingerprint | TLS       |                                     |
+---------+-------+-------------------------+-------------------------+-----------+-------------------------------------+
""");
    assertThat(yaml.out()).contains("tls_client_cert: |").doesNotContain("PRIVATE KEY");
  }

  @Test
  void updateAsksAsTheTutorialShowsAndKeepsTheKey() {
    addIncus();

    Result result =
        cli.runWithInput("\n\n\n\n\n\n" + CERT_FINGERPRINT + "\n", "target", "update", "incus01");

    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .isEqualTo(
            "Target name [default=incus01]: "
                + "Endpoint [default=https://10.1.0.101:8443]: "
                + "How many instances can be concurrently imported? [default=50]: "
                + "How many instances can be concurrently created? [default=10]: "
                + "Specify the timeout for connecting to the target [default=5m0s]: "
                + "Update configured authentication? (yes/no) [default=no]: "
                + "Manually-set trusted TLS cert SHA256 fingerprint []: "
                + "Successfully updated target \"incus01\".\n");
    assertThat(lastRequest().path()).isEqualTo("/1.0/targets/incus01");
    assertThat(lastBody().path("properties").has("tls_client_key")).isFalse();
    assertThat(api.target("incus01").path("properties").path("tls_client_key").asText())
        .isEqualTo(KEY);
    assertThat(cli.run("target", "list", "-f", "csv").out())
        .isEqualTo("incus01,incus,https://10.1.0.101:8443,OK,TLS," + CERT_FINGERPRINT + "\n");
  }

  @Test
  void updateReplacesTheCredentialsOnRequest() throws IOException {
    addIncus();
    Path newKey = Files.writeString(dir.resolve("new.key"), KEY2);

    Result result =
        cli.runWithInput(
            "incus02\n\n5\n0\n30s\nyes\n\n" + certFile + "\n" + newKey + "\n\n",
            "target",
            "update",
            "incus01");

    assertThat(result.out())
        .contains(
            "Update configured authentication? (yes/no) [default=no]: "
                + "Use OIDC or TLS certificates to authenticate to target? [default=tls]: "
                + "Please enter the absolute path to client TLS certificate: "
                + "Please enter the absolute path to client TLS key: "
                + "Manually-set trusted TLS cert SHA256 fingerprint []: ");
    assertThat(result.err())
        .isEqualTo(
            "Successfully updated target \"incus02\", but received an untrusted TLS server"
                + " certificate with fingerprint "
                + CERT_FINGERPRINT
                + ". Please update the target to correct the issue.\n");
    JsonNode properties = api.target("incus02").path("properties");
    assertThat(properties.path("tls_client_key").asText()).isEqualTo(KEY2);
    assertThat(properties.path("import_limit").asInt()).isEqualTo(5);
    assertThat(properties.path("create_limit").asInt()).isZero();
    assertThat(properties.path("connection_timeout").asText()).isEqualTo("30s");
  }

  @Test
  void flagsAnswerEveryQuestion() {
    Result added =
        cli.run(
            "target",
            "add",
            "incus",
            "incus01",
            "https://10.1.0.101:8443",
            "--import-limit",
            "4",
            "--create-limit",
            "2",
            "--connection-timeout",
            "90s",
            "--tls-client-cert",
            certFile.toString(),
            "--tls-client-key",
            keyFile.toString(),
            "--trusted-cert-fingerprint",
            CERT_FINGERPRINT);
    Result updated =
        cli.run(
            "target",
            "update",
            "incus01",
            "--name",
            "incus01",
            "--endpoint",
            "https://10.1.0.102:8443",
            "--import-limit",
            "4",
            "--create-limit",
            "2",
            "--connection-timeout",
            "90s",
            "--trusted-cert-fingerprint",
            CERT_FINGERPRINT,
            "--tls-client-key",
            keyFile.toString(),
            "--tls-client-cert",
            certFile.toString());

    assertThat(added.out()).isEqualTo("Successfully added new target \"incus01\".\n");
    assertThat(updated.out()).isEqualTo("Successfully updated target \"incus01\".\n");
    assertThat(updated.exitCode()).isZero();
    JsonNode properties = api.target("incus01").path("properties");
    assertThat(properties.path("endpoint").asText()).isEqualTo("https://10.1.0.102:8443");
    assertThat(properties.path("connection_timeout").asText()).isEqualTo("1m30s");
  }

  @Test
  void invalidInputsFailBeforeAnyRequest() {
    Result type = cli.run("target", "add", "lxd", "t", "https://t");
    Result missingKey =
        cli.run("target", "add", "t", "https://t", "--tls-client-key", dir.resolve("x").toString());
    Result limit = cli.run("target", "add", "t", "https://t", "--create-limit", "-1");
    Result fingerprint = cli.run("target", "update", "t", "--trusted-cert-fingerprint", "abc");

    assertThat(type.err())
        .isEqualTo("Unsupported target type \"lxd\"; must be one of [\"incus\"]\n");
    assertThat(missingKey.err())
        .isEqualTo("Invalid --tls-client-key \"" + dir.resolve("x") + "\": no such file\n");
    assertThat(limit.err())
        .isEqualTo("Invalid --create-limit \"-1\": must be a number between 0 and 1024\n");
    assertThat(fingerprint.err()).startsWith("Invalid --trusted-cert-fingerprint \"abc\": ");
    assertThat(requests()).isEmpty();
  }

  @Test
  void removeAndErrors() {
    addIncus();

    Result removed = cli.run("target", "remove", "incus01");
    Result missing = cli.run("target", "rm", "incus01");
    Result missingUpdate = cli.run("target", "update", "incus01");

    assertThat(removed.out()).isEqualTo("Successfully removed target \"incus01\".\n");
    assertThat(missing.err()).isEqualTo("Target \"incus01\" not found\n");
    assertThat(missingUpdate.err()).isEqualTo("Target \"incus01\" not found\n");
    assertThat(missingUpdate.out()).isEmpty();
  }
}
