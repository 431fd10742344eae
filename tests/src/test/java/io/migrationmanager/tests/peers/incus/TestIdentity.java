package io.migrationmanager.tests.peers.incus;

import io.migrationmanager.activities.incus.IncusTls;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.util.io.pem.PemObject;

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
    return IncusTls.toPem(certificate);
  }

  /** The key as PKCS#8 PEM ({@code PRIVATE KEY}). */
  public String pkcs8KeyPem() {
    try {
      return pem(new JcaPKCS8Generator(key, null));
    } catch (PemGenerationException e) {
      throw new IllegalStateException("Cannot encode the key as PKCS#8", e);
    }
  }

  /** The key in the traditional OpenSSL form ({@code EC PRIVATE KEY} or {@code RSA PRIVATE KEY}). */
  public String traditionalKeyPem() {
    if (!(key instanceof ECPrivateKey ec)) {
      return pem(key);
    }
    // SEC 1 with the curve inside, as OpenSSL and Go write it (the JDK's encoding leaves the curve out).
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
      org.bouncycastle.asn1.sec.ECPrivateKey inner =
          org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
      org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
          new org.bouncycastle.asn1.sec.ECPrivateKey(
              ec.getParams().getOrder().bitLength(),
              inner.getKey(),
              inner.getPublicKey(),
              info.getPrivateKeyAlgorithm().getParameters());
      return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot encode the key as SEC 1", e);
    }
  }

  /** The certificate's SHA-256 fingerprint. */
  public String fingerprint() {
    return IncusTls.fingerprint(certificate);
  }

  private static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write PEM", e);
    }
    return out.toString();
  }
}
