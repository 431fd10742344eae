package io.migrationmanager.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.cli.CliRunner.Result;
import io.migrationmanager.tests.support.ServiceUnderTest;
import io.migrationmanager.tls.Pem;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI against the running service over HTTPS: the server's self-signed certificate is pinned after the
 * fingerprint prompt, the client's certificate is trusted through the local socket, and commands then work
 * remotely.
 */
class RemoteIT {
  static ServiceUnderTest service;

  @BeforeAll
  static void start() throws Exception {
    service = new ServiceUnderTest().start();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void pinTrustAndUseAServiceOverHttps() throws Exception {
    CliRunner cli = service.cli();
    String url = "https://127.0.0.1:" + service.httpsPort();
    String serverFp = Pem.fingerprint(Pem.readCertificate(Files.readString(service.dataDir().resolve("server.crt"))));

    Result refused = cli.runWithInput("no\n", "remote", "add", "m0", url);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out())
        .contains("Server presented an untrusted TLS certificate with SHA256 fingerprint " + serverFp + ".");
    assertThat(refused.err()).isEqualTo("Aborting due to untrusted server TLS certificate\n");
    assertThat(cli.run("remote", "list").out()).doesNotContain("m0");

    Result added = cli.runWithInput("yes\n", "remote", "add", "m1", url);
    assertThat(added.exitCode()).isZero();
    Matcher m = Pattern.compile("trusts the client fingerprint \"([0-9a-f]{64})\"").matcher(added.err());
    assertThat(m.find()).as(added.err()).isTrue();
    String clientFp = m.group(1);

    // Not trusted yet: remote commands are refused with the server's message.
    assertThat(cli.run("remote", "switch", "m1").exitCode()).isZero();
    Result untrusted = cli.run("source", "list");
    assertThat(untrusted.exitCode()).isEqualTo(1);
    assertThat(untrusted.err()).contains(clientFp);

    // Trust the client through the local unix socket, then everything works over HTTPS.
    assertThat(cli.run("remote", "switch", "local").exitCode()).isZero();
    Result trust =
        cli.run("query", "/1.0/system/security", "-X", "PUT", "-d",
            "{\"trusted_tls_client_cert_fingerprints\": [\"" + clientFp + "\"]}");
    assertThat(trust.exitCode()).as(trust.err()).isZero();
    assertThat(cli.run("remote", "switch", "m1").exitCode()).isZero();

    Result list = cli.run("remote", "list");
    assertThat(list.out()).contains("m1 (current)").contains(url);
    Result info = cli.run("query", "/1.0");
    assertThat(info.out()).contains("\"auth\":\"tls\"");
    Result sources = cli.run("source", "list");
    assertThat(sources.exitCode()).as(sources.err()).isZero();
    assertThat(sources.out()).contains("Connectivity Status");
  }
}
