package io.migrationmanager.activities.incus;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How to reach one Incus server (the TLS part of a target's properties, spec §2.3).
 *
 * @param endpoint the server URL, e.g. {@code https://10.1.0.101:8443}; only {@code https} is accepted
 * @param clientCertificatePem PEM of the client certificate (chain) Incus must trust; {@code null} to connect
 *     without one (the server then reports {@code auth: untrusted})
 * @param clientKeyPem PEM of the client key: PKCS#8 ({@code PRIVATE KEY}) or traditional ({@code EC PRIVATE
 *     KEY}, {@code RSA PRIVATE KEY}); required with a client certificate
 * @param trustedServerCertificate the stored server certificate, DER or PEM, or {@code null}; it is used as the
 *     only trust anchor when its SHA-256 fingerprint equals {@code trustedServerCertificateFingerprint}
 *     (spec §4.3), otherwise the system trust roots apply
 * @param trustedServerCertificateFingerprint the user-confirmed SHA-256 fingerprint (hex, colons and case
 *     ignored), or {@code null}
 * @param connectionTimeout connect and per-request timeout; {@code null} or zero means 5 minutes
 */
public record IncusConnection(
    URI endpoint,
    String clientCertificatePem,
    String clientKeyPem,
    byte[] trustedServerCertificate,
    String trustedServerCertificateFingerprint,
    Duration connectionTimeout) {

  /** The timeout used when none is configured (spec §2.3: the client uses 5m if zero). */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMinutes(5);

  /** Validates the endpoint and applies the default timeout. */
  public IncusConnection {
    Objects.requireNonNull(endpoint, "endpoint");
    if (!"https".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw new IllegalArgumentException("Incus endpoint must be an https URL with a host: " + endpoint);
    }
    String path = endpoint.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw new IllegalArgumentException("Incus endpoint must not have a path: " + endpoint);
    }
    endpoint = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority());
    if ((clientCertificatePem == null) != (clientKeyPem == null)) {
      throw new IllegalArgumentException("A client certificate needs its key, and a key its certificate");
    }
    trustedServerCertificate =
        trustedServerCertificate == null ? null : trustedServerCertificate.clone();
    if (connectionTimeout == null || connectionTimeout.isZero()) {
      connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
    }
    if (connectionTimeout.isNegative()) {
      throw new IllegalArgumentException("connection timeout must be positive: " + connectionTimeout);
    }
  }

  /** A connection with a client certificate, system trust roots and the default timeout. */
  public static IncusConnection of(URI endpoint, String clientCertificatePem, String clientKeyPem) {
    return new IncusConnection(endpoint, clientCertificatePem, clientKeyPem, null, null, null);
  }

  /** This connection with a stored server certificate (DER or PEM) and the fingerprint that pins it. */
  public IncusConnection withTrustedServerCertificate(byte[] certificate, String fingerprint) {
    return new IncusConnection(
        endpoint, clientCertificatePem, clientKeyPem, certificate, fingerprint, connectionTimeout);
  }

  /** This connection with another connect and request timeout. */
  public IncusConnection withConnectionTimeout(Duration timeout) {
    return new IncusConnection(
        endpoint,
        clientCertificatePem,
        clientKeyPem,
        trustedServerCertificate,
        trustedServerCertificateFingerprint,
        timeout);
  }

  /** A copy of the stored server certificate, or {@code null}. */
  @Override
  public byte[] trustedServerCertificate() {
    return trustedServerCertificate == null ? null : trustedServerCertificate.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IncusConnection c
        && endpoint.equals(c.endpoint)
        && Objects.equals(clientCertificatePem, c.clientCertificatePem)
        && Objects.equals(clientKeyPem, c.clientKeyPem)
        && Arrays.equals(trustedServerCertificate, c.trustedServerCertificate)
        && Objects.equals(trustedServerCertificateFingerprint, c.trustedServerCertificateFingerprint)
        && connectionTimeout.equals(c.connectionTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
            endpoint,
            clientCertificatePem,
            clientKeyPem,
            trustedServerCertificateFingerprint,
            connectionTimeout)
        * 31
        + Arrays.hashCode(trustedServerCertificate);
  }

  /** Never shows the client key. */
  @Override
  public String toString() {
    return "IncusConnection[endpoint="
        + endpoint
        + ", clientCertificate="
        + (clientCertificatePem == null ? "none" : "present")
        + ", trustedServerCertificate="
        + (trustedServerCertificate == null ? "none" : "present")
        + ", trustedServerCertificateFingerprint="
        + trustedServerCertificateFingerprint
        + ", connectionTimeout="
        + connectionTimeout
        + "]";
  }
}
