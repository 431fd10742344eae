package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /1.0}: what the server is and how the caller was authenticated (spec §3.3).
 *
 * @param auth {@code untrusted}, {@code tls}, {@code oidc} or {@code unix}: how this caller authenticated
 */
public record ServerInfo(
    @JsonProperty("config") Map<String, Object> config,
    @JsonProperty("api_status") String apiStatus,
    @JsonProperty("api_version") String apiVersion,
    @JsonProperty("auth") String auth,
    @JsonProperty("auth_methods") List<String> authMethods,
    @JsonProperty("server_version") String serverVersion) {

  public static final String AUTH_UNTRUSTED = "untrusted";
  public static final String AUTH_TLS = "tls";
  public static final String AUTH_OIDC = "oidc";
  public static final String AUTH_UNIX = "unix";
}
