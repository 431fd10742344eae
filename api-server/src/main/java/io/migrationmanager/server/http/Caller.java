package io.migrationmanager.server.http;

import io.migrationmanager.api.ServerInfo;

/**
 * Who is calling: how they authenticated ({@code unix}, {@code tls} or {@code untrusted}, the values of
 * {@code GET /1.0}'s {@code auth}) and a name for logs and events (the certificate fingerprint for TLS).
 */
public record Caller(String auth, String username, String remoteAddress) {
  /** Request property holding the caller. */
  public static final String PROPERTY = "io.migrationmanager.caller";

  public boolean trusted() {
    return !ServerInfo.AUTH_UNTRUSTED.equals(auth);
  }

  /** The original's requestor form: {@code <protocol>/<username> (<remote address>)}. */
  public String requestor() {
    return auth + "/" + username + " (" + remoteAddress + ")";
  }
}
