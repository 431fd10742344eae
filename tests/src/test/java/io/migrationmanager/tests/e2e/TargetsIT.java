package io.migrationmanager.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.cli.CliRunner.Result;
import io.migrationmanager.testsupport.Peers;
import io.migrationmanager.tests.peers.incus.IncusStub;
import io.migrationmanager.tests.peers.incus.TestIdentity;
import io.migrationmanager.tests.support.ServiceUnderTest;
import io.migrationmanager.tls.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Incus targets through the CLI: the real Incus of the test peer ({@code tests/peers/incus}) with its trusted
 * client certificate, first without and then with its server certificate's fingerprint; a client certificate
 * Incus does not trust; and a second target on the Incus API stub.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetsIT {
  static String incusUrl;
  static Path clientCert;
  static Path clientKey;
  static String incusFingerprint;
  static ServiceUnderTest service;
  static CliRunner cli;
  static IncusStub stub;
  static TestIdentity stubClient;

  @BeforeAll
  static void start() throws Exception {
    incusUrl = Peers.env("MM_TEST_INCUS_URL");
    if (incusUrl == null) {
      Peers.missing("The Incus test peer (MM_TEST_INCUS_URL from tests/peers/incus/.state/env)");
    }
    clientCert = Path.of(required("MM_TEST_INCUS_CLIENT_CERT"));
    clientKey = Path.of(required("MM_TEST_INCUS_CLIENT_KEY"));
    incusFingerprint =
        Pem.fingerprint(
            Pem.readCertificates(Files.readString(Path.of(required("MM_TEST_INCUS_SERVER_CERT")))).get(0));
    service = new ServiceUnderTest().start();
    cli = service.cli();
    stubClient = TestIdentity.generate("mm-e2e-stub-client");
    stub = IncusStub.builder().withTestFixtures().trust(stubClient.certificate()).start();
  }

  @AfterAll
  static void stop() {
    if (stub != null) {
      stub.close();
    }
    if (service != null) {
      service.close();
    }
  }

  private static String required(String variable) {
    String value = Peers.env(variable);
    if (value == null) {
      Peers.missing(variable + " (tests/peers/incus/.state/env)");
    }
    return value;
  }

  static Result addTarget(String name, String url, Path cert, Path key, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "target", "add", name, url, "--tls-client-cert", cert.toString(), "--tls-client-key", key.toString(),
                "--import-limit", "50", "--create-limit", "10", "--connection-timeout", "5m"));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  static Path write(String name, String content) throws IOException {
    Path file = service.dataDir().resolve(name);
    Files.writeString(file, content);
    return file;
  }

  static List<String> targets() {
    Result r = cli.run("target", "list", "-f", "csv");
    assertThat(r.err()).isEmpty();
    return r.out().lines().toList();
  }

  @Test
  @Order(1)
  void anUntrustedServerCertificateIsReportedWithItsFingerprint() {
    Result r = addTarget("incus01", incusUrl, clientCert, clientKey);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "Successfully added new target \"incus01\", but received an untrusted TLS server certificate with "
                + "fingerprint " + incusFingerprint + ". Please update the target to correct the issue.\n");
    assertThat(targets()).containsExactly("incus01,incus," + incusUrl + ",Confirm TLS fingerprint,TLS,");
  }

  @Test
  @Order(2)
  void confirmingTheFingerprintMakesTheTargetUsable() {
    Result r = cli.run("target", "update", "incus01", "--trusted-cert-fingerprint", incusFingerprint);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).endsWith("]: Successfully updated target \"incus01\".\n");
    assertThat(targets()).containsExactly("incus01,incus," + incusUrl + ",OK,TLS," + incusFingerprint);

    Result table = cli.run("target", "list");
    assertThat(table.out().lines())
        .anyMatch(
            Pattern.compile(
                    "\\| incus01 \\| incus \\| " + Pattern.quote(incusUrl) + " \\| OK +\\| TLS +\\| "
                        + incusFingerprint + " \\|")
                .asMatchPredicate());
  }

  @Test
  @Order(3)
  void theClientKeyIsNeverReturned() throws IOException {
    String key = Files.readString(clientKey);
    String cert = Files.readString(clientCert);
    for (String path : List.of("/1.0/targets/incus01", "/1.0/targets?recursion=1")) {
      Result r = cli.run("query", path);
      assertThat(r.err()).isEmpty();
      assertThat(r.out())
          .contains("\"tls_client_cert\"")
          .doesNotContain("tls_client_key")
          .doesNotContain("PRIVATE KEY")
          .doesNotContain(key.lines().skip(1).findFirst().orElseThrow());
      assertThat(r.out().replace("\\n", "\n")).contains(cert.strip());
    }
  }

  @Test
  @Order(4)
  void aClientCertificateIncusDoesNotTrustIsAnAuthenticationError() throws IOException {
    TestIdentity stranger = TestIdentity.generate("mm-e2e-stranger");
    Path cert = write("stranger.crt", stranger.certificatePem());
    Path key = write("stranger.key", stranger.pkcs8KeyPem());
    Result r = addTarget("stranger", incusUrl, cert, key, "--trusted-cert-fingerprint", incusFingerprint);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "Successfully added new target \"stranger\", but connectivity check reported an issue: Authentication "
                + "error. Please update the target to correct the issue.\n");
    assertThat(targets()).contains("stranger,incus," + incusUrl + ",Authentication error,TLS," + incusFingerprint);

    // Trusting the stranger's certificate is Incus' business; switching to the trusted one fixes the target.
    Result fixed =
        cli.run(
            "target", "update", "stranger", "--tls-client-cert", clientCert.toString(), "--tls-client-key",
            clientKey.toString());
    assertThat(fixed.err()).isEmpty();
    assertThat(targets()).contains("stranger,incus," + incusUrl + ",OK,TLS," + incusFingerprint);
    assertThat(cli.run("target", "remove", "stranger").out()).isEqualTo("Successfully removed target \"stranger\".\n");
  }

  @Test
  @Order(5)
  void aSecondTargetOnTheStub() throws IOException {
    String stubUrl = stub.url().toString().replaceAll("/$", "");
    String stubFingerprint = Pem.fingerprint(stub.serverCertificate());
    Path cert = write("stub-client.crt", stubClient.certificatePem());
    Path key = write("stub-client.key", stubClient.pkcs8KeyPem());
    Result r = addTarget("incus02", stubUrl, cert, key, "--trusted-cert-fingerprint", stubFingerprint);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("Successfully added new target \"incus02\".\n");
    assertThat(targets())
        .containsExactly(
            "incus01,incus," + incusUrl + ",OK,TLS," + incusFingerprint,
            "incus02,incus," + stubUrl + ",OK,TLS," + stubFingerprint);
  }

  @Test
  @Order(6)
  void removingATarget() {
    Result r = cli.run("target", "remove", "incus01");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("Successfully removed target \"incus01\".\n");
    assertThat(targets()).hasSize(1).allMatch(l -> l.startsWith("incus02,"));
    Result gone = cli.run("query", "/1.0/targets/incus01");
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.err().trim()).isEqualTo("Target \"incus01\" not found");
  }
}
