package io.migrationmanager.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates EC P-384 key pairs with ten-year self-signed certificates: the service's server identity and
 * the CLI's client identity.
 */
public final class SelfSigned {
  private static final Duration VALIDITY = Duration.ofDays(3650);

  private SelfSigned() {}

  /** A key pair and its certificate. */
  public record Identity(KeyPair keyPair, X509Certificate certificate) {}

  /** Adds extensions to a certificate being built. */
  @FunctionalInterface
  private interface Extensions {
    void addTo(JcaX509v3CertificateBuilder builder) throws CertIOException;
  }

  /**
   * Creates a server certificate with subject {@code O=Migration Manager,CN=<commonName>}.
   *
   * @param commonName the subject CN, e.g. {@code root@host}
   * @param dnsNames subject alternative DNS names (may be empty)
   * @param ipAddresses subject alternative IP addresses (may be empty)
   */
  public static Identity create(String commonName, List<String> dnsNames, List<String> ipAddresses)
      throws GeneralSecurityException {
    List<GeneralName> names = new ArrayList<>();
    dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
    ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
    return selfSign(
        new X500Name("O=Migration Manager,CN=" + commonName.replace(",", "\\,")),
        builder -> {
          if (!names.isEmpty()) {
            builder.addExtension(
                Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
          }
        });
  }

  /**
   * Creates a client certificate with subject {@code CN=<commonName>}: not a CA, key usage digital signature
   * and key agreement, extended key usage client and server authentication.
   */
  public static Identity client(String commonName) throws GeneralSecurityException {
    return selfSign(
        new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build(),
        builder -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          builder.addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
          builder.addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
        });
  }

  private static Identity selfSign(X500Name subject, Extensions extensions) throws GeneralSecurityException {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp384r1"), new SecureRandom());
    KeyPair pair = gen.generateKeyPair();
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(127, new SecureRandom()),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(VALIDITY)),
            subject,
            pair.getPublic());
    try {
      extensions.addTo(builder);
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(builder.build(new JcaContentSignerBuilder("SHA384withECDSA").build(pair.getPrivate())));
      return new Identity(pair, cert);
    } catch (CertIOException | OperatorCreationException e) {
      throw new GeneralSecurityException("Cannot create a self-signed certificate: " + e.getMessage(), e);
    }
  }
}
