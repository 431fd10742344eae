package io.migrationmanager.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.cli.CliRunner.Result;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.config.ClientCertificate;
import io.migrationmanager.cli.config.ClientConfig;
import io.migrationmanager.cli.config.ConfigStore;
import io.migrationmanager.cli.config.Remote;
import io.migrationmanager.tls.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteFlowTest {

  @TempDir Path home;

  private Path configDir;
  private TestHttpsServer server;
  private CliRunner cli;

  @BeforeEach
  void start() throws Exception {
    server = new TestHttpsServer();
    configDir = home.resolve("conf");
    cli = new CliRunner(configDir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String prompt() {
    return "Server presented an untrusted TLS certificate with SHA256 fingerprint "
        + server.fingerprint()
        + ". Is this the correct fingerprint? (yes/no) [default=no]: ";
  }

  private String clientFingerprint() throws Exception {
    return ClientCertificate.loadOrCreate(configDir).fingerprint();
  }

  private JsonNode configYaml() throws Exception {
    return Json.YAML.readTree(Files.readString(configDir.resolve("config.yml")));
  }

  private void trustClient() throws Exception {
    Files.createDirectories(configDir);
    server.trust(clientFingerprint());
  }

  @Test
  void addConfirmedRemotePinsTheServerCertificate() throws Exception {
    trustClient();

    Result result = cli.runWithInput("yes\n", "remote", "add", "m1", server.address() + "/");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(prompt());
    JsonNode config = configYaml();
    assertThat(config.path("default_remote").asText()).isEmpty();
    JsonNode remote = config.path("remotes").path("m1");
    assertThat(remote.path("addr").asText()).isEqualTo(server.address());
    assertThat(remote.path("auth_type").asText()).isEqualTo("tls");
    String pem = remote.path("server_cert").asText();
    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(Pem.fingerprint(Pem.readCertificate(pem)))
        .isEqualTo(server.fingerprint());
  }

  @Test
  void firstUseCreatesTheConfigDirectoryAndAPrivateClientKey() throws Exception {
    Result result = cli.runWithInput("yes\n", "remote", "add", "m1", server.address());

    assertThat(result.exitCode()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configDir)))
        .isEqualTo("rwxr-x---");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(configDir.resolve("client.key"))))
        .isEqualTo("rw-------");
    assertThat(
            ClientCertificate.loadOrCreate(configDir)
                .certificate()
                .getSubjectX500Principal()
                .getName())
        .startsWith("CN=migration-manager@");
  }

  @Test
  void rejectedFingerprintAbortsAndSavesNothing() {
    Result result = cli.runWithInput("no\n", "remote", "add", "m1", server.address());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Aborting due to untrusted server TLS certificate\n");
    assertThat(configDir.resolve("config.yml")).doesNotExist();
  }

  @Test
  void untrustedClientIsSavedWithAWarningNamingItsFingerprint() throws Exception {
    Result result = cli.runWithInput("yes\n", "remote", "add", "m1", server.address());

    assertThat(result.exitCode()).isZero();
    assertThat(result.err())
        .isEqualTo(
            "Warning: Received authentication mismatch: got \"untrusted\", expected \"tls\". "
                + "Ensure the server trusts the client fingerprint \""
                + clientFingerprint()
                + "\"\n");
    assertThat(configYaml().path("remotes").has("m1")).isTrue();
  }

  @Test
  void addValidatesNameUrlAndDuplicates() throws Exception {
    trustClient();
    assertThat(cli.run("remote", "add", "local", server.address()).err())
        .isEqualTo(
            "Name of remote can not be \"local\", because it is a reserved name for local access "
                + "through the unix socket\n");
    assertThat(cli.run("remote", "add", "m1", "http://127.0.0.1:1").err())
        .isEqualTo(
            "Provided URL \"http://127.0.0.1:1\" is not valid: protocol scheme needs to be"
                + " https\n");
    assertThat(cli.runWithInput("yes\n", "remote", "add", "m1", server.address()).exitCode())
        .isZero();
    Result duplicate = cli.run("remote", "add", "m1", server.address());
    assertThat(duplicate.exitCode()).isEqualTo(1);
    assertThat(duplicate.err()).isEqualTo("Remote with name \"m1\" already exists\n");
  }

  @Test
  void listSwitchUseAndRemoveRemotes() throws Exception {
    trustClient();
    assertThat(cli.runWithInput("yes\n", "remote", "add", "m1", server.address()).exitCode())
        .isZero();
    assertThat(cli.runWithInput("yes\n", "remote", "add", "m2", server.address()).exitCode())
        .isZero();
    String address = server.address();
    String dashes = "-".repeat(address.length() + 2);
    String pad = " ".repeat(address.length() - "Address".length());

    assertThat(cli.run("remote", "list").out())
        .isEqualTo(
            "+-----------------+"
                + dashes
                + "+-------------+\n"
                + "| Name            | Address"
                + pad
                + " | Auth Type   |\n"
                + "+-----------------+"
                + dashes
                + "+-------------+\n"
                + "| local (current) | unix://"
                + pad
                + " | file access |\n"
                + "+-----------------+"
                + dashes
                + "+-------------+\n"
                + "| m1              | "
                + address
                + " | tls         |\n"
                + "+-----------------+"
                + dashes
                + "+-------------+\n"
                + "| m2              | "
                + address
                + " | tls         |\n"
                + "+-----------------+"
                + dashes
                + "+-------------+\n");

    assertThat(cli.run("remote", "switch", "m1").exitCode()).isZero();
    assertThat(cli.run("remote", "ls", "-f", "csv").out())
        .isEqualTo(
            "local,unix://,file access\nm1 (current),"
                + address
                + ",tls\nm2,"
                + address
                + ",tls\n");

    Result info = cli.run("query", "/1.0");
    assertThat(info.err()).isEmpty();
    assertThat(Json.JSON.readTree(info.out()).path("metadata").path("auth").asText())
        .isEqualTo("tls");

    Result failure = cli.run("query", "/1.0/fail");
    assertThat(failure.exitCode()).isEqualTo(1);
    assertThat(failure.out()).isEmpty();
    assertThat(failure.err()).isEqualTo("Bad Request: batch \"b1\" is running\n");

    assertThat(cli.run("remote", "remove", "local").err())
        .isEqualTo("Remote \"local\" can not be removed\n");
    assertThat(cli.run("remote", "rm", "m9").err())
        .isEqualTo("Remote with name \"m9\" does not exist\n");
    assertThat(cli.run("remote", "rm", "m1").exitCode()).isZero();
    JsonNode config = configYaml();
    assertThat(config.path("default_remote").asText()).isEmpty();
    assertThat(config.path("remotes").has("m1")).isFalse();

    assertThat(cli.run("remote", "switch", "m2").exitCode()).isZero();
    assertThat(cli.run("remote", "switch", "local").exitCode()).isZero();
    assertThat(configYaml().path("default_remote").asText()).isEmpty();
    assertThat(cli.run("remote", "switch", "m9").err())
        .isEqualTo("Remote with name \"m9\" does not exist\n");
  }

  @Test
  void preRunAsksAboutAnUnpinnedCertificateAndPinsIt() throws Exception {
    trustClient();
    Files.writeString(
        configDir.resolve("config.yml"),
        "default_remote: m1\nremotes:\n  m1:\n    addr: "
            + server.address()
            + "\n    auth_type: tls\n");

    Result result = cli.runWithInput("yes\n", "query", "instances");

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).startsWith(prompt() + "{\"type\":\"sync\"");
    assertThat(configYaml().path("remotes").path("m1").path("server_cert").asText())
        .startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(cli.run("query", "instances").out()).startsWith("{\"type\":\"sync\"");
  }

  @Test
  void preRunRejectsAServerWhoseCertificateChanged() throws Exception {
    trustClient();
    String otherPem = Pem.encodeCertificate(ClientCertificate.generate("elsewhere").certificate());
    new ConfigStore(configDir)
        .save(new ClientConfig("m1", Map.of("m1", new Remote(server.address(), "tls", otherPem))));

    Result result = cli.run("query", "/1.0");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("Failed to connect to " + server.address() + ": ");
  }

  @Test
  void preRunReportsAnAuthenticationMismatchAsAnError() throws Exception {
    Files.createDirectories(configDir);
    assertThat(cli.runWithInput("yes\n", "remote", "add", "m1", server.address()).exitCode())
        .isZero();
    assertThat(cli.run("remote", "switch", "m1").exitCode()).isZero();

    Result result = cli.run("query", "/1.0");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("Received authentication mismatch: got \"untrusted\"");
  }

  @Test
  void missingDefaultRemoteFallsBackToTheLocalSocketWithAWarning() throws Exception {
    Files.createDirectories(configDir);
    Files.writeString(configDir.resolve("config.yml"), "default_remote: ghost\nremotes: {}\n");

    Result result = cli.run("query", "/1.0");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith(
            "Warning: Default remote \"ghost\" does not exist, using the local unix socket\n"
                + "Failed to talk to the local migration manager at "
                + configDir.resolve("no-such.socket"));
  }
}
