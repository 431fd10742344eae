package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code /1.0/system/security}: who may use the API over HTTPS.
 *
 * @param trustedTlsClientCertFingerprints SHA-256 fingerprints of trusted client certificates
 */
public record SystemSecurity(
    @JsonProperty("trusted_tls_client_cert_fingerprints") List<String> trustedTlsClientCertFingerprints) {
  public SystemSecurity {
    trustedTlsClientCertFingerprints =
        trustedTlsClientCertFingerprints == null ? List.of() : List.copyOf(trustedTlsClientCertFingerprints);
  }
}
