package io.migrationmanager.tests.peers.incus;

import static org.junit.jupiter.api.Assertions.fail;

import io.migrationmanager.activities.incus.IncusConnection;
import io.migrationmanager.tls.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Incus test peer, as {@code tests/peers/incus/start.sh} describes it in {@code .state/env}:
 * {@code MM_TEST_INCUS_URL}, {@code MM_TEST_INCUS_CLIENT_CERT}, {@code MM_TEST_INCUS_CLIENT_KEY}, {@code
 * MM_TEST_INCUS_SERVER_CERT} (paths to PEM files), {@code MM_TEST_INCUS_BRIDGE1_IPV4} and {@code
 * MM_TEST_INCUS_IMAGE}.
 */
public record IncusPeerEnvironment(
    URI url,
    String clientCertificatePem,
    String clientKeyPem,
    X509Certificate serverCertificate,
    String bridge1Ipv4,
    String image) {

  /**
   * The peer from the environment. Without {@code MM_TEST_INCUS_URL} the calling test is skipped, or fails
   * when {@code MM_TEST_REQUIRE_PEERS=1}.
   */
  public static IncusPeerEnvironment require() {
    String url = System.getenv("MM_TEST_INCUS_URL");
    if (url == null || url.isBlank()) {
      String reason =
          "MM_TEST_INCUS_URL is not set: start the Incus peer with tests/peers/incus/start.sh and"
              + " source tests/peers/incus/.state/env";
      if ("1".equals(System.getenv("MM_TEST_REQUIRE_PEERS"))) {
        fail("MM_TEST_REQUIRE_PEERS=1 but " + reason);
      }
      Assumptions.abort(reason);
    }
    String serverPem = read("MM_TEST_INCUS_SERVER_CERT");
    return new IncusPeerEnvironment(
        URI.create(url),
        read("MM_TEST_INCUS_CLIENT_CERT"),
        read("MM_TEST_INCUS_CLIENT_KEY"),
        Pem.readCertificates(serverPem).get(0),
        valueOr("MM_TEST_INCUS_BRIDGE1_IPV4", "none"),
        valueOr("MM_TEST_INCUS_IMAGE", "mm-busybox"));
  }

  /** A connection with the trusted test client certificate, pinned to the server's certificate. */
  public IncusConnection connection() {
    return IncusConnection.of(url, clientCertificatePem, clientKeyPem)
        .withTrustedServerCertificate(
            Pem.encodeCertificate(serverCertificate).getBytes(StandardCharsets.US_ASCII),
            Pem.fingerprint(serverCertificate));
  }

  private static String read(String variable) {
    String path = System.getenv(variable);
    if (path == null || path.isBlank()) {
      fail(variable + " is not set although MM_TEST_INCUS_URL is; source tests/peers/incus/.state/env");
    }
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + variable + "=" + path, e);
    }
  }

  private static String valueOr(String variable, String fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : value;
  }
}
