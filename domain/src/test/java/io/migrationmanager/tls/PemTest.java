package io.migrationmanager.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemTest {
  private static final SelfSigned.Identity SERVER = identity("server");
  private static final SelfSigned.Identity CLIENT = client("client");

  static SelfSigned.Identity identity(String name) {
    try {
      return SelfSigned.create(name, List.of("localhost"), List.of("127.0.0.1"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static SelfSigned.Identity client(String name) {
    try {
      return SelfSigned.client(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void certificatesRoundTripThroughPemAndDer() throws Exception {
    String pem = Pem.encodeCertificate(SERVER.certificate());

    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----\n");
    assertThat(pem.lines().filter(l -> !l.startsWith("-----")).allMatch(l -> l.length() <= 64)).isTrue();
    assertThat(Pem.readCertificate(pem)).isEqualTo(SERVER.certificate());
    assertThat(Pem.readCertificate(pem.getBytes(StandardCharsets.US_ASCII))).isEqualTo(SERVER.certificate());
    assertThat(Pem.readCertificate(SERVER.certificate().getEncoded())).isEqualTo(SERVER.certificate());
    assertThat(Pem.readCertificate("subject=whatever\n" + pem)).isEqualTo(SERVER.certificate());
  }

  @Test
  void chainsAreReadInOrderAndTheFirstIsTheLeaf() {
    String chain = Pem.encodeCertificate(SERVER.certificate()) + Pem.encodeCertificate(CLIENT.certificate());

    assertThat(Pem.readCertificates(chain)).containsExactly(SERVER.certificate(), CLIENT.certificate());
    assertThat(Pem.readCertificate(chain)).isEqualTo(SERVER.certificate());
  }

  @Test
  void brokenInputIsAnIllegalArgument() {
    assertThatThrownBy(() -> Pem.readCertificates("not a certificate"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No PEM certificate found");
    assertThatThrownBy(() -> Pem.readCertificate(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a DER or PEM certificate: ");
    assertThatThrownBy(() -> Pem.readPrivateKey(Pem.encodeCertificate(SERVER.certificate())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No unencrypted PEM private key found");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"EC, pkcs8", "EC, traditional", "RSA, pkcs8", "RSA, traditional"})
  void privateKeysRoundTripInEitherForm(String algorithm, String form) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    generator.initialize(algorithm.equals("EC") ? 256 : 2048);
    KeyPair pair = generator.generateKeyPair();
    String pem =
        form.equals("pkcs8")
            ? Pem.encodePrivateKey(pair.getPrivate())
            : Pem.encodeTraditionalPrivateKey(pair.getPrivate());

    assertThat(pem)
        .startsWith(form.equals("pkcs8") ? "-----BEGIN PRIVATE KEY-----" : "-----BEGIN " + algorithm + " PRIVATE KEY-----");
    PrivateKey key = Pem.readPrivateKey(pem);
    assertThat(key.getAlgorithm()).isEqualTo(algorithm);
    if (key instanceof ECPrivateKey ec) {
      assertThat(ec.getS()).isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
    } else {
      assertThat(key.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    }
  }

  @Test
  void aKeyAfterItsCertificateIsFound() {
    String both = Pem.encodeCertificate(CLIENT.certificate()) + Pem.encodePrivateKey(CLIENT.keyPair().getPrivate());

    assertThat(Pem.readPrivateKey(both).getEncoded()).isEqualTo(CLIENT.keyPair().getPrivate().getEncoded());
  }

  @Test
  void privateKeysAreWrittenForTheOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("client.key");
    Files.writeString(file, "old");

    Pem.writePrivate(file, CLIENT.keyPair().getPrivate());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Pem.readPrivateKey(Files.readString(file)).getEncoded())
        .isEqualTo(CLIENT.keyPair().getPrivate().getEncoded());
  }

  @Test
  void fingerprintIsTheLowercaseHexSha256OfTheDer() throws Exception {
    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(SERVER.certificate().getEncoded()));

    assertThat(Pem.fingerprint(SERVER.certificate())).isEqualTo(expected).hasSize(64);
    assertThat(Pem.fingerprint(SERVER.certificate().getEncoded())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      value = {"AB:CD:ef|abcdef", "' abcd '|abcd", "': ab'|ab", "''|''"},
      delimiter = '|')
  void canonicalFingerprintsHaveNoColonsNoCaseAndNoSpaceAround(String given, String canonical) {
    assertThat(Pem.canonicalFingerprint(given)).isEqualTo(canonical);
  }

  @Test
  void canonicalFingerprintOfNothingIsEmpty() {
    assertThat(Pem.canonicalFingerprint(null)).isEmpty();
  }

  @Test
  void selfSignedIdentitiesHaveTheirNamesAndUsages() throws Exception {
    assertThat(SERVER.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=server,O=Migration Manager");
    assertThat(SERVER.certificate().getSubjectAlternativeNames()).hasSize(2);
    assertThat(CLIENT.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=client");
    assertThat(CLIENT.certificate().getBasicConstraints()).isEqualTo(-1);
    assertThat(CLIENT.certificate().getExtendedKeyUsage())
        .containsExactly("1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.1");
    assertThat(CLIENT.keyPair().getPrivate().getAlgorithm()).isEqualTo("EC");
  }
}
