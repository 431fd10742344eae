package io.migrationmanager.cli.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;

/** PEM encoding, parsing and SHA-256 fingerprints of certificates and keys. */
public final class Certificates {

  private Certificates() {}

  /** SHA-256 of the DER encoding, lowercase hex (the form servers use in their trusted lists). */
  public static String fingerprint(X509Certificate certificate) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("Cannot fingerprint certificate: " + e.getMessage(), e);
    }
  }

  /** Parses one PEM (or DER) certificate. */
  public static X509Certificate parseCertificate(String pem) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate)
          factory.generateCertificate(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("Invalid certificate: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a PEM private key: PKCS#8 ({@code PRIVATE KEY}) or OpenSSL's {@code EC/RSA PRIVATE KEY}.
   */
  public static PrivateKey parsePrivateKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new IllegalArgumentException("Invalid private key: no PEM private key found");
    } catch (PEMException e) {
      throw new IllegalArgumentException("Invalid private key: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PEM ({@code CERTIFICATE}) of a certificate. */
  public static String toPem(X509Certificate certificate) {
    return writePem(certificate);
  }

  /** PKCS#8 PEM ({@code PRIVATE KEY}) of a private key. */
  public static String toPem(PrivateKey key) {
    try {
      return writePem(new JcaPKCS8Generator(key, null).generate());
    } catch (PemGenerationException e) {
      throw new IllegalStateException("Cannot encode private key: " + e.getMessage(), e);
    }
  }

  private static String writePem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Whether {@code a} and {@code b} are the same certificate (same DER encoding). */
  public static boolean same(X509Certificate a, X509Certificate b) {
    try {
      return MessageDigest.isEqual(a.getEncoded(), b.getEncoded());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
