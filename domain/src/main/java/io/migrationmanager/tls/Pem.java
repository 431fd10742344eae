package io.migrationmanager.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * PEM text, certificate parsing and certificate fingerprints, shared by the service, the CLI, the Incus and
 * the vSphere clients. Fingerprints are the SHA-256 of the DER certificate as 64 lower-case hex digits (spec
 * §2.1); {@link #canonicalFingerprint} gives the form in which fingerprints are compared (no colons, lower
 * case). Input that cannot be read is an {@link IllegalArgumentException}.
 */
public final class Pem {
  private static final String BEGIN_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

  private Pem() {}

  /** Parses the first certificate of a PEM text (or of DER bytes carried in a string). */
  public static X509Certificate readCertificate(String pem) {
    return readCertificate(pem.getBytes(StandardCharsets.US_ASCII));
  }

  /** Parses one certificate given as DER or PEM bytes; of a PEM chain, the first. */
  public static X509Certificate readCertificate(byte[] derOrPem) {
    if (new String(derOrPem, StandardCharsets.US_ASCII).contains(BEGIN_CERTIFICATE)) {
      return readCertificates(new String(derOrPem, StandardCharsets.US_ASCII)).get(0);
    }
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(derOrPem));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("Not a DER or PEM certificate: " + e.getMessage(), e);
    }
  }

  /** Parses every certificate of a PEM text (a leaf and optionally its chain), in order. */
  public static List<X509Certificate> readCertificates(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof X509CertificateHolder holder) {
          certificates.add(
              (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(holder.getEncoded())));
        }
      }
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("Invalid PEM certificate: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("No PEM certificate found");
    }
    return certificates;
  }

  /**
   * Parses the first unencrypted private key of a PEM text: PKCS#8 ({@code PRIVATE KEY}) or traditional
   * ({@code EC PRIVATE KEY}, {@code RSA PRIVATE KEY}).
   */
  public static PrivateKey readPrivateKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PEMKeyPair pair) {
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Invalid PEM private key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("No unencrypted PEM private key found");
  }

  /** The PEM text ({@code CERTIFICATE}) of a certificate. */
  public static String encodeCertificate(X509Certificate certificate) {
    return encode("CERTIFICATE", der(certificate));
  }

  /** PKCS#8 ({@code PRIVATE KEY}) PEM, readable by OpenSSL, Go and {@link #readPrivateKey}. */
  public static String encodePrivateKey(PrivateKey key) {
    return encode("PRIVATE KEY", key.getEncoded());
  }

  /**
   * The traditional OpenSSL form of an EC or RSA key: {@code EC PRIVATE KEY} (SEC 1 with the named curve
   * inside, as OpenSSL and Go write it) or {@code RSA PRIVATE KEY} (PKCS#1).
   *
   * @throws IllegalArgumentException for keys of other algorithms
   */
  public static String encodeTraditionalPrivateKey(PrivateKey key) {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    try {
      if (key instanceof ECPrivateKey ec) {
        // The JDK's PKCS#8 encoding leaves the curve out of the inner SEC 1 structure; put it back.
        org.bouncycastle.asn1.sec.ECPrivateKey inner =
            org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
            new org.bouncycastle.asn1.sec.ECPrivateKey(
                ec.getParams().getOrder().bitLength(),
                inner.getKey(),
                inner.getPublicKey(),
                info.getPrivateKeyAlgorithm().getParameters());
        return encode("EC PRIVATE KEY", sec1.getEncoded());
      }
      if (info.getPrivateKeyAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
        return encode("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot encode the key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("No traditional PEM form for " + key.getAlgorithm() + " keys");
  }

  /** Writes a private key as PKCS#8 PEM, readable by the owner only. */
  public static void writePrivate(Path file, PrivateKey key) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, encodePrivateKey(key), StandardCharsets.US_ASCII);
  }

  private static String encode(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("Cannot encode certificate: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of the DER encoding, 64 lower-case hex digits. */
  public static String fingerprint(X509Certificate certificate) {
    return fingerprint(der(certificate));
  }

  /** SHA-256 of bytes, 64 lower-case hex digits. */
  public static String fingerprint(byte[] der) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * A fingerprint in the form used to compare fingerprints, {@code lower(replace(fp, ":", ""))}, trimmed;
   * {@code null} gives the empty string.
   */
  public static String canonicalFingerprint(String fingerprint) {
    return fingerprint == null ? "" : fingerprint.replace(":", "").trim().toLowerCase(Locale.ROOT);
  }
}
