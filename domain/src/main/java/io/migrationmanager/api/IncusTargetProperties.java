package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonProperty.Access;
import io.migrationmanager.domain.source.ConnectivityStatus;

/**
 * The properties of an {@code incus} target (spec §2.3). The client key is write-only (never returned; on PUT
 * an empty key keeps the stored one).
 *
 * @param tlsClientKey PEM text of the client key
 * @param tlsClientCert PEM text of the client certificate
 * @param importLimit concurrent disk imports into this target, 0 = unlimited
 * @param createLimit concurrent VM creations, 0 = unlimited
 * @param connectionTimeout timeout of a target operation, default 5m
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncusTargetProperties(
    @JsonProperty("endpoint") String endpoint,
    @JsonProperty("trusted_server_certificate") @JsonInclude(JsonInclude.Include.NON_EMPTY) byte[] trustedServerCertificate,
    @JsonProperty("trusted_server_certificate_fingerprint") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        String trustedServerCertificateFingerprint,
    @JsonProperty(value = "tls_client_key", access = Access.WRITE_ONLY) String tlsClientKey,
    @JsonProperty("tls_client_cert") String tlsClientCert,
    @JsonProperty("connectivity_status") ConnectivityStatus connectivityStatus,
    @JsonProperty("import_limit") int importLimit,
    @JsonProperty("create_limit") int createLimit,
    @JsonProperty("connection_timeout") GoDuration connectionTimeout) {

  public IncusTargetProperties {
    endpoint = endpoint == null ? "" : endpoint;
    trustedServerCertificateFingerprint =
        trustedServerCertificateFingerprint == null ? "" : trustedServerCertificateFingerprint;
    tlsClientKey = tlsClientKey == null ? "" : tlsClientKey;
    tlsClientCert = tlsClientCert == null ? "" : tlsClientCert;
    connectivityStatus = connectivityStatus == null ? ConnectivityStatus.UNKNOWN : connectivityStatus;
    connectionTimeout = connectionTimeout == null ? GoDuration.ZERO : connectionTimeout;
  }

  public IncusTargetProperties withClientKey(String key) {
    return new IncusTargetProperties(endpoint, trustedServerCertificate, trustedServerCertificateFingerprint, key,
        tlsClientCert, connectivityStatus, importLimit, createLimit, connectionTimeout);
  }

  public IncusTargetProperties withConnectivity(ConnectivityStatus status, byte[] certificate) {
    return new IncusTargetProperties(endpoint, certificate, trustedServerCertificateFingerprint, tlsClientKey,
        tlsClientCert, status, importLimit, createLimit, connectionTimeout);
  }
}
