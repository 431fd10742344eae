package io.migrationmanager.server.http;

/** Decides whether a client certificate fingerprint belongs to a trusted client. */
@FunctionalInterface
public interface TrustedClients {
  /** @param fingerprint SHA-256 of the client certificate, lower-case hex */
  boolean isTrusted(String fingerprint);
}
