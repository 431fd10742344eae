package io.migrationmanager.cli.remote;

import io.migrationmanager.api.ServerInfo;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.Terminal;
import io.migrationmanager.cli.config.ClientCertificate;
import io.migrationmanager.cli.config.ConfigStore;
import io.migrationmanager.cli.config.Remote;
import io.migrationmanager.cli.transport.ApiClient;
import io.migrationmanager.cli.transport.Errors;
import io.migrationmanager.cli.transport.HttpsApiClient;
import io.migrationmanager.cli.transport.Tls;
import io.migrationmanager.tls.Pem;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;

/**
 * The connectivity check of a remote (spec §5.1): establish trust in the server certificate, asking
 * the user to confirm an unknown one, then {@code GET /1.0} and compare how the server
 * authenticated us with the remote's {@code auth_type}.
 */
public final class RemoteConnector {

  /** This client authenticates with TLS client certificates only. */
  public static final String OIDC_UNSUPPORTED =
      "OIDC authentication is not supported by this client, use --auth-type tls";

  private final Terminal terminal;
  private final ConfigStore store;

  /**
   * A connector asking questions on {@code terminal} and using the client key pair of {@code
   * store}.
   */
  public RemoteConnector(Terminal terminal, ConfigStore store) {
    this.terminal = terminal;
    this.store = store;
  }

  /**
   * Makes sure the server certificate of {@code remote} is trusted: a pinned certificate or the
   * system trust store; otherwise the user confirms the certificate's fingerprint and it is pinned.
   *
   * @return {@code remote}, or a copy with the newly pinned certificate (not yet saved)
   * @throws CliException {@code Aborting due to untrusted server TLS certificate} when the user
   *     says no
   */
  public Remote trust(Remote remote) {
    if (!remote.serverCert().isEmpty() || Remote.AUTH_UNTRUSTED.equals(remote.authType())) {
      return remote;
    }
    URI address = URI.create(remote.addr());
    X509Certificate presented;
    try {
      if (Tls.systemTrusts(address)) {
        return remote;
      }
      presented = Tls.fetchServerCertificate(address);
    } catch (IOException e) {
      throw new CliException(
          "Failed to connect to " + remote.addr() + ": " + Errors.describe(e), e);
    }
    boolean confirmed =
        terminal.askBool(
            "Server presented an untrusted TLS certificate with SHA256 fingerprint "
                + Pem.fingerprint(presented)
                + ". Is this the correct fingerprint? (yes/no) [default=no]: ",
            false);
    if (!confirmed) {
      throw new CliException("Aborting due to untrusted server TLS certificate");
    }
    return remote.withServerCert(Pem.encodeCertificate(presented));
  }

  /**
   * Checks that {@code GET /1.0} authenticates the client as {@code remote.auth_type} and returns
   * the client for further requests.
   *
   * @throws AuthMismatchException when the server reports another authentication method
   */
  public ApiClient verify(Remote remote) {
    if (Remote.AUTH_OIDC.equals(remote.authType())) {
      throw new CliException(OIDC_UNSUPPORTED);
    }
    ClientCertificate client = store.clientCertificate();
    X509Certificate pinned;
    try {
      pinned =
          remote.serverCert().isEmpty() ? null : Pem.readCertificate(remote.serverCert());
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "Invalid server_cert of remote " + remote.addr() + ": " + e.getMessage(), e);
    }
    ApiClient api = new HttpsApiClient(remote.addr(), pinned, client);
    ServerInfo info = api.get("", ServerInfo.class);
    if (!remote.authType().equals(info.auth())) {
      throw new AuthMismatchException(info.auth(), remote.authType(), client.fingerprint());
    }
    return api;
  }
}
