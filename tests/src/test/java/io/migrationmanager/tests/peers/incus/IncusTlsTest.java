package io.migrationmanager.tests.peers.incus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.activities.incus.IncusClient;
import io.migrationmanager.activities.incus.IncusConnection;
import io.migrationmanager.domain.source.ConnectivityStatus;
import io.migrationmanager.tls.Pem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PEM parsing, fingerprints, connection settings, and TLS client authentication with each key format. */
class IncusTlsTest {
  private static final URI ENDPOINT = URI.create("https://192.0.2.10:8443");

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"EC, pkcs8", "EC, traditional", "RSA, pkcs8", "RSA, traditional"})
  void parsesPrivateKeysInEitherPemForm(TestIdentity.KeyType type, String form) {
    TestIdentity identity = TestIdentity.generate("client", type);
    String pem = form.equals("pkcs8") ? identity.pkcs8KeyPem() : identity.traditionalKeyPem();
    assertThat(pem)
        .startsWith(
            form.equals("pkcs8")
                ? "-----BEGIN PRIVATE KEY-----"
                : "-----BEGIN " + type + " PRIVATE KEY-----");

    PrivateKey key = Pem.readPrivateKey(pem);

    assertThat(key.getAlgorithm()).isEqualTo(type.name());
    if (key instanceof ECPrivateKey ec) {
      assertThat(ec.getS()).isEqualTo(((ECPrivateKey) identity.key()).getS());
    } else {
      assertThat(key.getEncoded()).isEqualTo(identity.key().getEncoded());
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"EC, pkcs8", "EC, traditional", "RSA, pkcs8", "RSA, traditional"})
  void authenticatesWithEachKeyType(TestIdentity.KeyType type, String form) throws Exception {
    TestIdentity identity = TestIdentity.generate("client", type);
    String key = form.equals("pkcs8") ? identity.pkcs8KeyPem() : identity.traditionalKeyPem();
    try (IncusStub stub = IncusStub.builder().trust(identity.certificate()).start()) {
      IncusConnection connection =
          IncusConnection.of(stub.url(), identity.certificatePem(), key)
              .withTrustedServerCertificate(
                  stub.serverCertificate().getEncoded(), Pem.fingerprint(stub.serverCertificate()));

      assertThat(new IncusClient(connection).checkConnectivity().status())
          .isEqualTo(ConnectivityStatus.OK);
    }
  }

  @Test
  void connectsWithoutClientCertificateAsUntrusted() {
    try (IncusStub stub = IncusStub.builder().start()) {
      IncusConnection anonymous =
          new IncusConnection(
              stub.url(),
              null,
              null,
              Pem.encodeCertificate(stub.serverCertificate()).getBytes(StandardCharsets.US_ASCII),
              Pem.fingerprint(stub.serverCertificate()),
              null);

      assertThat(new IncusClient(anonymous).serverInfo().auth()).isEqualTo("untrusted");
    }
  }

  @Test
  void parsesCertificatesFromPemChainAndDer() throws Exception {
    TestIdentity leaf = TestIdentity.generate("leaf");
    TestIdentity other = TestIdentity.generate("ca");

    assertThat(Pem.readCertificates(leaf.certificatePem() + other.certificatePem()))
        .containsExactly(leaf.certificate(), other.certificate());
    assertThat(Pem.readCertificate(leaf.certificate().getEncoded())).isEqualTo(leaf.certificate());
    assertThat(Pem.readCertificate(leaf.certificatePem().getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(leaf.certificate());
  }

  @Test
  void fingerprintIsLowercaseHexSha256OfDer() throws Exception {
    TestIdentity identity = TestIdentity.generate("fp");
    String expected =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded()));

    assertThat(Pem.fingerprint(identity.certificate())).isEqualTo(expected).hasSize(64);
    assertThat(Pem.canonicalFingerprint("AB:CD:ef")).isEqualTo("abcdef");
    assertThat(Pem.canonicalFingerprint(null)).isEmpty();
  }

  @Test
  void rejectsBrokenPem() {
    assertThatThrownBy(() -> Pem.readCertificates("not a certificate"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No PEM certificate found");
    assertThatThrownBy(() -> Pem.readPrivateKey(TestIdentity.generate("x").certificatePem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No unencrypted PEM private key found");
  }

  @Test
  void connectionValidatesAndDefaults() {
    TestIdentity identity = TestIdentity.generate("client");
    IncusConnection c =
        IncusConnection.of(
            URI.create("https://192.0.2.10:8443/"), identity.certificatePem(), identity.pkcs8KeyPem());

    assertThat(c.endpoint()).isEqualTo(ENDPOINT);
    assertThat(c.connectionTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.withConnectionTimeout(Duration.ZERO).connectionTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.toString()).doesNotContain("PRIVATE KEY").contains("clientCertificate=present");
    assertThat(c.withTrustedServerCertificate(new byte[] {1, 2}, "ab"))
        .isEqualTo(c.withTrustedServerCertificate(new byte[] {1, 2}, "ab"));
    for (String bad : List.of("http://192.0.2.10:8443", "https://192.0.2.10:8443/1.0", "192.0.2.10")) {
      assertThatThrownBy(() -> IncusConnection.of(URI.create(bad), null, null))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> IncusConnection.of(ENDPOINT, identity.certificatePem(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A client certificate needs its key, and a key its certificate");
    assertThatThrownBy(() -> c.withConnectionTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
