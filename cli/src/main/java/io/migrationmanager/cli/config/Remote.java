package io.migrationmanager.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A remote Migration Manager in {@code config.yml}.
 *
 * @param addr the HTTPS URL, without a trailing {@code /}
 * @param authType how the client authenticates: {@code tls}, {@code oidc} or {@code untrusted}
 * @param serverCert the pinned server certificate (PEM), empty when the system trust store vouches
 *     for it
 */
public record Remote(
    @JsonProperty("addr") String addr,
    @JsonProperty("auth_type") String authType,
    @JsonProperty("server_cert") String serverCert) {

  public static final String AUTH_TLS = "tls";
  public static final String AUTH_OIDC = "oidc";
  public static final String AUTH_UNTRUSTED = "untrusted";

  public Remote {
    addr = addr == null ? "" : addr;
    authType = authType == null || authType.isEmpty() ? AUTH_UNTRUSTED : authType;
    serverCert = serverCert == null ? "" : serverCert;
  }

  /** This remote with {@code pem} as its pinned server certificate. */
  public Remote withServerCert(String pem) {
    return new Remote(addr, authType, pem);
  }
}
