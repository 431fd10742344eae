package io.migrationmanager.activities.incus;

import java.util.List;

/**
 * What {@code GET /1.0} reports. An untrusted client only sees {@code auth}, {@code auth_methods} and the API
 * version; the {@code environment} fields are then empty.
 *
 * @param auth {@code trusted} or {@code untrusted}
 * @param authMethods e.g. {@code [tls]}, {@code [tls, oidc]}
 * @param apiVersion {@code 1.0}
 * @param serverVersion {@code environment.server_version}, e.g. {@code 6.0.4}
 * @param serverName {@code environment.server_name}
 * @param clustered {@code environment.server_clustered}
 * @param architectures {@code environment.architectures}
 * @param storageDrivers {@code environment.storage_supported_drivers}
 * @param certificateFingerprint {@code environment.certificate_fingerprint}
 */
public record IncusServerInfo(
    String auth,
    List<String> authMethods,
    String apiVersion,
    String serverVersion,
    String serverName,
    boolean clustered,
    List<String> architectures,
    List<IncusStorageDriver> storageDrivers,
    String certificateFingerprint) {

  /** Normalises absent values to empty ones. */
  public IncusServerInfo {
    auth = Immutables.string(auth);
    authMethods = Immutables.list(authMethods);
    apiVersion = Immutables.string(apiVersion);
    serverVersion = Immutables.string(serverVersion);
    serverName = Immutables.string(serverName);
    architectures = Immutables.list(architectures);
    storageDrivers = Immutables.list(storageDrivers);
    certificateFingerprint = Immutables.string(certificateFingerprint);
  }

  /** True when the server trusts this client ({@code auth == "trusted"}). */
  public boolean trusted() {
    return "trusted".equals(auth);
  }
}
