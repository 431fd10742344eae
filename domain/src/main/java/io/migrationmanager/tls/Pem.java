package io.migrationmanager.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * PEM text and certificate fingerprints, shared by the service, the CLI and the Incus client. Fingerprints
 * are the SHA-256 of the DER certificate as 64 lower-case hex digits (spec §2.1); comparisons ignore case and
 * colons.
 */
public final class Pem {
  private Pem() {}

  /** Parses the first certificate in PEM text. */
  public static X509Certificate readCertificate(String pem) throws GeneralSecurityException {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Parses a DER certificate. */
  public static X509Certificate readCertificate(byte[] der) throws GeneralSecurityException {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
  }

  /** Parses a private key in PKCS#8 ({@code PRIVATE KEY}) or traditional ({@code EC/RSA PRIVATE KEY}) PEM. */
  public static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object o = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (o instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new GeneralSecurityException("No private key found in PEM text");
    } catch (IOException e) {
      throw new GeneralSecurityException("Cannot read private key: " + e.getMessage(), e);
    }
  }

  public static String encodeCertificate(X509Certificate cert) {
    return encode(cert);
  }

  /** PKCS#8 ({@code PRIVATE KEY}) PEM, readable by OpenSSL, Go and {@link #readPrivateKey}. */
  public static String encodePrivateKey(PrivateKey key) {
    return encode(new PemObject("PRIVATE KEY", key.getEncoded()));
  }

  private static String encode(Object o) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(o);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot encode PEM: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /** Writes a private key readable by the owner only. */
  public static void writePrivate(Path file, PrivateKey key) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, encodePrivateKey(key));
  }

  /** SHA-256 of the DER encoding, 64 lower-case hex digits. */
  public static String fingerprint(X509Certificate cert) {
    try {
      return fingerprint(cert.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("Certificate cannot be encoded: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of DER bytes, 64 lower-case hex digits. */
  public static String fingerprint(byte[] der) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The canonical form used to compare fingerprints: lower case, no colons, trimmed. */
  public static String canonicalFingerprint(String fp) {
    return fp == null ? "" : fp.trim().replace(":", "").toLowerCase(Locale.ROOT);
  }
}
