package io.migrationmanager.tests.peers.incus;

import io.migrationmanager.tls.Pem;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate and its key, generated for tests (stub server identity, trusted and untrusted
 * clients). Valid for 127.0.0.1 and localhost.
 */
public record TestIdentity(X509Certificate certificate, PrivateKey key) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Key algorithms tests can ask for. */
  public enum KeyType {
    EC,
    RSA
  }

  /** A new EC P-256 identity with common name {@code cn}. */
  public static TestIdentity generate(String cn) {
    return generate(cn, KeyType.EC);
  }

  /** A new identity with common name {@code cn} and a key of the given type. */
  public static TestIdentity generate(String cn, KeyType type) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(type.name());
      if (type == KeyType.EC) {
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      } else {
        generator.initialize(2048, RANDOM);
      }
      KeyPair pair = generator.generateKeyPair();
      X500Name name = new X500Name("CN=" + cn + ",O=Migration Manager tests");
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              new BigInteger(64, RANDOM),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(3650))),
              name,
              pair.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")
              }));
      String algorithm = type == KeyType.EC ? "SHA256withECDSA" : "SHA256withRSA";
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())));
      return new TestIdentity(certificate, pair.getPrivate());
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot generate a test certificate", e);
    }
  }

  /** The certificate as PEM. */
  public String certificatePem() {
    return Pem.encodeCertificate(certificate);
  }

  /** The key as PKCS#8 PEM ({@code PRIVATE KEY}). */
  public String pkcs8KeyPem() {
    return Pem.encodePrivateKey(key);
  }

  /** The key in the traditional OpenSSL form ({@code EC PRIVATE KEY} or {@code RSA PRIVATE KEY}). */
  public String traditionalKeyPem() {
    return Pem.encodeTraditionalPrivateKey(key);
  }

  /** The certificate's SHA-256 fingerprint. */
  public String fingerprint() {
    return Pem.fingerprint(certificate);
  }
}
