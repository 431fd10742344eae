package io.migrationmanager.cli.config;

import io.migrationmanager.cli.transport.Certificates;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A key pair with a self-signed X.509 certificate: the client's identity towards remotes ({@code
 * client.crt} and {@code client.key} in the configuration directory). The server trusts the client
 * when the SHA-256 fingerprint of this certificate is in its trusted list.
 *
 * @param certificate the self-signed certificate
 * @param privateKey its EC P-384 private key
 */
public record ClientCertificate(X509Certificate certificate, PrivateKey privateKey) {

  private static final Duration VALIDITY = Duration.ofDays(3650);

  /**
   * Loads {@code client.crt}/{@code client.key} from {@code directory}, generating them when
   * absent.
   */
  public static ClientCertificate loadOrCreate(Path directory) throws IOException {
    Path certFile = directory.resolve("client.crt");
    Path keyFile = directory.resolve("client.key");
    if (Files.exists(certFile) && Files.exists(keyFile)) {
      return new ClientCertificate(
          Certificates.parseCertificate(Files.readString(certFile)),
          Certificates.parsePrivateKey(Files.readString(keyFile)));
    }
    ClientCertificate generated = generate("migration-manager@" + hostname());
    Files.deleteIfExists(keyFile);
    Files.createFile(
        keyFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        keyFile, Certificates.toPem(generated.privateKey()), StandardCharsets.US_ASCII);
    Files.writeString(
        certFile, Certificates.toPem(generated.certificate()), StandardCharsets.US_ASCII);
    return generated;
  }

  /** Generates a new EC P-384 key pair with a self-signed certificate for {@code commonName}. */
  public static ClientCertificate generate(String commonName) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp384r1"));
      KeyPair pair = generator.generateKeyPair();
      X500Name subject =
          new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(127, new SecureRandom()),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(VALIDITY)),
              subject,
              pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      builder.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA384withECDSA").build(pair.getPrivate())));
      return new ClientCertificate(certificate, pair.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("Cannot generate a key pair: " + e.getMessage(), e);
    }
  }

  /** The SHA-256 fingerprint of the certificate (lowercase hex of the DER encoding). */
  public String fingerprint() {
    return Certificates.fingerprint(certificate);
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
