package io.migrationmanager.cli.transport;

import io.migrationmanager.cli.config.ClientCertificate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

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
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      TrustManager[] trust = pinned == null ? null : new TrustManager[] {new PinnedTrust(pinned)};
      context.init(new KeyManager[] {new ClientKey(client)}, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /**
   * Whether the system trust store accepts the server at {@code address} (with host name
   * verification).
   *
   * @throws IOException when the server cannot be reached at all
   */
  public static boolean systemTrusts(URI address) throws IOException {
    try {
      handshake(address, SSLContext.getDefault(), true);
      return true;
    } catch (SSLHandshakeException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The certificate the server at {@code address} presents, fetched without verifying it. */
  public static X509Certificate fetchServerCertificate(URI address) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAll()}, null);
      return handshake(address, context, false);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static X509Certificate handshake(URI address, SSLContext context, boolean verifyHost)
      throws IOException {
    String host = address.getHost();
    int port = address.getPort() == -1 ? 443 : address.getPort();
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
      plain.setSoTimeout((int) CONNECT_TIMEOUT.toMillis());
      try (SSLSocket socket =
          (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, false)) {
        if (verifyHost) {
          SSLParameters parameters = socket.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
          socket.setSSLParameters(parameters);
        }
        socket.startHandshake();
        return (X509Certificate) socket.getSession().getPeerCertificates()[0];
      }
    }
  }

  /** Accepts exactly one server certificate. */
  private static final class PinnedTrust extends X509ExtendedTrustManager {
    private final X509Certificate pinned;

    PinnedTrust(X509Certificate pinned) {
      this.pinned = pinned;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0 || !Certificates.same(chain[0], pinned)) {
        String presented =
            chain == null || chain.length == 0 ? "none" : Certificates.fingerprint(chain[0]);
        throw new CertificateException(
            "Server certificate (SHA256 fingerprint "
                + presented
                + ") does not match the pinned certificate");
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("This trust manager only verifies servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("This trust manager only verifies servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("This trust manager only verifies servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /** Accepts every certificate; only used to fetch a server certificate for the user to confirm. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /** Always offers the client key pair when the server asks for a certificate. */
  private static final class ClientKey extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";
    private final ClientCertificate client;

    ClientKey(ClientCertificate client) {
      this.client = client;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return ALIAS;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return ALIAS;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[] {client.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return client.privateKey();
    }
  }
}
