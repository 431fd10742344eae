package io.migrationmanager.activities.vsphere;

import io.migrationmanager.domain.source.ConnectivityStatus;
import io.migrationmanager.tls.Pem;
import java.security.cert.X509Certificate;

/**
 * The outcome of {@link VsphereSource#checkConnectivity()}.
 *
 * @param status {@code OK}, {@code Cannot connect}, {@code TLS error}, {@code Confirm TLS
 *     fingerprint}, {@code Authentication error} or {@code Unknown} (spec §2.1)
 * @param message why, empty when {@code OK}
 * @param serverCertificate the certificate the server presented when the JVM's trust roots do not
 *     vouch for it: with {@code Confirm TLS fingerprint} the caller stores it as {@code
 *     trusted_server_certificate} and shows its fingerprint; after the user confirmed the
 *     fingerprint it is the certificate that was pinned. {@code null} when the server is trusted
 *     through the trust roots or could not be reached.
 */
public record VsphereConnectivity(
    ConnectivityStatus status, String message, X509Certificate serverCertificate) {

  /** Normalises an absent message to an empty one. */
  public VsphereConnectivity {
    message = message == null ? "" : message;
  }

  /** The SHA-256 fingerprint of {@link #serverCertificate()}, or empty when there is none. */
  public String serverCertificateFingerprint() {
    return serverCertificate == null ? "" : Pem.fingerprint(serverCertificate);
  }
}
