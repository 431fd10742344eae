package io.migrationmanager.activities.incus;

import io.migrationmanager.domain.source.ConnectivityStatus;
import io.migrationmanager.tls.Pem;
import java.security.cert.X509Certificate;

/**
 * The outcome of {@link IncusClient#checkConnectivity()}.
 *
 * @param status one of {@code OK}, {@code Cannot connect}, {@code TLS error}, {@code Confirm TLS fingerprint},
 *     {@code Authentication error}, {@code Unknown} (spec §2.1)
 * @param message why, empty when {@code OK}
 * @param serverCertificate with {@code Confirm TLS fingerprint}: the certificate the server presented, for the
 *     caller to store as {@code trusted_server_certificate} and show its fingerprint; otherwise {@code null}
 */
public record IncusConnectivity(
    ConnectivityStatus status, String message, X509Certificate serverCertificate) {

  /** Normalises an absent message to an empty one. */
  public IncusConnectivity {
    message = Immutables.string(message);
  }

  /** The SHA-256 fingerprint of {@link #serverCertificate()}, or empty when there is none. */
  public String serverCertificateFingerprint() {
    return serverCertificate == null ? "" : Pem.fingerprint(serverCertificate);
  }
}
