package io.migrationmanager.cli.transport;

import io.migrationmanager.cli.config.ClientCertificate;
import io.migrationmanager.tls.CertificateProbe;
import io.migrationmanager.tls.PinnedTrust;
import io.migrationmanager.tls.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * TLS for talking to remotes: the client presents its own key pair and trusts exactly the pinned
 * server certificate (no CA or host name checks beyond the pin), or the system trust store when
 * nothing is pinned.
 */
public final class Tls {

  /** How long to wait for a TCP connection to a remote. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private Tls() {}

  /**
   * An SSL context presenting {@code client} and trusting exactly {@code pinned}; with {@code
   * pinned} null the system trust store decides (host names are then checked by the HTTP client).
   */
  public static SSLContext clientContext(ClientCertificate client, X509Certificate pinned) {
    return TlsContexts.create(
        client.certificate(), client.privateKey(), PinnedTrust.pinnedOrSystemRoots(pinned));
  }

  /**
   * Whether the system trust store accepts the server at {@code address} (with host name
   * verification).
   *
   * @throws IOException when the server cannot be reached at all
   */
  public static boolean systemTrusts(URI address) throws IOException {
    try {
      CertificateProbe.handshake(
          address.getHost(), port(address), CONNECT_TIMEOUT, PinnedTrust.systemRoots(), true);
      return true;
    } catch (SSLHandshakeException e) {
      return false;
    }
  }

  /** The certificate the server at {@code address} presents, fetched without verifying it. */
  public static X509Certificate fetchServerCertificate(URI address) throws IOException {
    return CertificateProbe.fetch(address, CONNECT_TIMEOUT);
  }

  private static int port(URI address) {
    return address.getPort() == -1 ? 443 : address.getPort();
  }
}
