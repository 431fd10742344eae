package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonProperty.Access;
import io.migrationmanager.domain.source.ConnectivityStatus;
import java.util.List;

/**
 * The properties of a {@code vmware} source (spec §2.2). The password is write-only: it is accepted on POST and
 * PUT, stored, and never returned (the original returns it in clear; we fix that). On PUT an empty password
 * keeps the stored one.
 *
 * @param trustedServerCertificate DER bytes (base64 in JSON) captured at the first untrusted handshake
 * @param trustedServerCertificateFingerprint the SHA-256 fingerprint the user confirmed
 * @param connectivityStatus computed by the server at every create/update (read-only)
 * @param importLimit concurrent disk imports from this source, 0 = unlimited
 * @param connectionTimeout timeout of a source operation, default 10m
 * @param syncTimeout per-VM property fetch timeout, default 10s
 * @param syncLimit concurrent VM property fetches, default 1
 * @param datacenters inventory path patterns to import from; empty = all
 * @param syncInterval how often this source is synced; empty = the service default ({@code sync.interval})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VmwareSourceProperties(
    @JsonProperty("endpoint") String endpoint,
    @JsonProperty("trusted_server_certificate") @JsonInclude(JsonInclude.Include.NON_EMPTY) byte[] trustedServerCertificate,
    @JsonProperty("trusted_server_certificate_fingerprint") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        String trustedServerCertificateFingerprint,
    @JsonProperty("username") String username,
    @JsonProperty(value = "password", access = Access.WRITE_ONLY) String password,
    @JsonProperty("connectivity_status") ConnectivityStatus connectivityStatus,
    @JsonProperty("import_limit") int importLimit,
    @JsonProperty("connection_timeout") GoDuration connectionTimeout,
    @JsonProperty("sync_timeout") GoDuration syncTimeout,
    @JsonProperty("sync_limit") int syncLimit,
    @JsonProperty("datacenters") List<String> datacenters,
    @JsonProperty("sync_interval") GoDuration syncInterval) {

  public VmwareSourceProperties {
    endpoint = endpoint == null ? "" : endpoint;
    trustedServerCertificateFingerprint =
        trustedServerCertificateFingerprint == null ? "" : trustedServerCertificateFingerprint;
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    connectivityStatus = connectivityStatus == null ? ConnectivityStatus.UNKNOWN : connectivityStatus;
    connectionTimeout = connectionTimeout == null ? GoDuration.ZERO : connectionTimeout;
    syncTimeout = syncTimeout == null ? GoDuration.ZERO : syncTimeout;
    datacenters = datacenters == null ? List.of() : List.copyOf(datacenters);
    syncInterval = syncInterval == null ? GoDuration.ZERO : syncInterval;
  }

  /** A copy with a different password (the stored one replaces an empty one on update). */
  public VmwareSourceProperties withPassword(String newPassword) {
    return new VmwareSourceProperties(endpoint, trustedServerCertificate, trustedServerCertificateFingerprint,
        username, newPassword, connectivityStatus, importLimit, connectionTimeout, syncTimeout, syncLimit,
        datacenters, syncInterval);
  }

  public VmwareSourceProperties withConnectivity(ConnectivityStatus status, byte[] certificate) {
    return new VmwareSourceProperties(endpoint, certificate, trustedServerCertificateFingerprint, username,
        password, status, importLimit, connectionTimeout, syncTimeout, syncLimit, datacenters, syncInterval);
  }
}
