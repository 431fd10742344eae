package io.migrationmanager.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;

/**
 * TLS handshakes that only look at the server's certificate: nothing is sent over the connection, no client
 * certificate is presented. {@link #fetch} trusts any certificate, to show the user a fingerprint to confirm
 * (the {@code Confirm TLS fingerprint} flow); {@link #handshake} checks the server with a given trust manager.
 */
public final class CertificateProbe {
  private CertificateProbe() {}

  /**
   * The leaf certificate the server at {@code endpoint} presents, fetched without verifying it.
   *
   * @param endpoint {@code https://host[:port]}; without a port, 443
   * @param timeout for connecting and for each read of the handshake
   * @throws IOException when the server cannot be reached or the handshake fails
   */
  public static X509Certificate fetch(URI endpoint, Duration timeout) throws IOException {
    int port = endpoint.getPort() == -1 ? 443 : endpoint.getPort();
    return handshake(endpoint.getHost(), port, timeout, PinnedTrust.acceptAny(), false);
  }

  /**
   * Completes a TLS handshake with the server at {@code host:port} and returns its leaf certificate.
   *
   * @param host a host name or IP address; an IPv6 address may be in brackets, as in URIs
   * @param trust decides whether the server is trusted
   * @param verifyHostname whether the certificate must also be valid for {@code host} (HTTPS rules)
   * @throws SSLHandshakeException when {@code trust} rejects the server, or it presents no X.509 certificate
   * @throws IOException when the server cannot be reached or the handshake fails otherwise
   */
  public static X509Certificate handshake(
      String host, int port, Duration timeout, X509TrustManager trust, boolean verifyHostname) throws IOException {
    String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(name, port), millis);
      plain.setSoTimeout(millis);
      try (SSLSocket socket =
          (SSLSocket) TlsContexts.trusting(trust).getSocketFactory().createSocket(plain, name, port, true)) {
        if (verifyHostname) {
          SSLParameters parameters = socket.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
          socket.setSSLParameters(parameters);
        }
        socket.startHandshake();
        Certificate[] chain = socket.getSession().getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
          throw new SSLHandshakeException("The server presented no X.509 certificate");
        }
        return leaf;
      }
    }
  }
}
