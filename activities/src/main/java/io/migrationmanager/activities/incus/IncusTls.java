package io.migrationmanager.activities.incus;

import io.migrationmanager.tls.Pem;
import io.migrationmanager.tls.PinnedTrust;
import io.migrationmanager.tls.TlsContexts;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The TLS settings of an Incus connection (spec §4.3): its client certificate, and the stored server
 * certificate as the only trusted one when its fingerprint is the confirmed one, else the JVM's trust roots.
 * PEM, fingerprints, trust managers and the certificate probe are in {@code io.migrationmanager.tls}.
 */
final class IncusTls {
  private IncusTls() {}

  /**
   * The stored server certificate if it is pinned, i.e. present and its fingerprint equals the configured
   * trusted fingerprint; otherwise {@code null} (system trust roots apply).
   */
  static X509Certificate pinnedCertificate(IncusConnection connection) {
    return PinnedTrust.anchor(
        connection.trustedServerCertificate(), connection.trustedServerCertificateFingerprint());
  }

  /** The SSL context for a connection: its client certificate and key, and pinned or system server trust. */
  static SSLContext clientContext(IncusConnection connection) {
    String certificate = connection.clientCertificatePem();
    List<X509Certificate> chain = certificate == null ? List.of() : Pem.readCertificates(certificate);
    return TlsContexts.create(
        chain,
        certificate == null ? null : Pem.readPrivateKey(connection.clientKeyPem()),
        PinnedTrust.pinnedOrSystemRoots(pinnedCertificate(connection)));
  }
}
