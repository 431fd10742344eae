package io.migrationmanager.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Handshakes against a local TLS server built with {@link TlsContexts}. */
class CertificateProbeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final SelfSigned.Identity SERVER = PemTest.identity("server");
  private static final SelfSigned.Identity NAMELESS = PemTest.client("no-names");
  private static final SelfSigned.Identity CLIENT = PemTest.client("client");

  private SSLServerSocket listener;
  private final CompletableFuture<List<String>> clientFingerprints = new CompletableFuture<>();

  private int serve(SelfSigned.Identity identity) throws Exception {
    SSLContext context =
        TlsContexts.create(identity.certificate(), identity.keyPair().getPrivate(), PinnedTrust.acceptAny());
    listener =
        (SSLServerSocket)
            context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    listener.setWantClientAuth(true);
    Thread thread =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                  socket.startHandshake();
                  try {
                    clientFingerprints.complete(
                        List.of(Pem.fingerprint((X509Certificate) socket.getSession().getPeerCertificates()[0])));
                  } catch (SSLPeerUnverifiedException e) {
                    clientFingerprints.complete(List.of());
                  }
                  socket.getInputStream().read();
                } catch (Exception e) {
                  // The next connection may do better; closing the listener ends the loop.
                }
              }
            },
            "tls-test-server");
    thread.setDaemon(true);
    thread.start();
    return listener.getLocalPort();
  }

  @AfterEach
  void close() throws Exception {
    if (listener != null) {
      listener.close();
    }
  }

  @Test
  void fetchReturnsTheLeafWithoutTrustingItOrPresentingACertificate() throws Exception {
    int port = serve(SERVER);

    X509Certificate leaf = CertificateProbe.fetch(URI.create("https://127.0.0.1:" + port), TIMEOUT);

    assertThat(leaf).isEqualTo(SERVER.certificate());
    assertThat(clientFingerprints.get(10, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void theJvmsRootsRejectASelfSignedServer() throws Exception {
    int port = serve(SERVER);

    assertThatThrownBy(
            () -> CertificateProbe.handshake("127.0.0.1", port, TIMEOUT, PinnedTrust.systemRoots(), true))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void aPinnedCertificateIsTrustedUnderAnyName() throws Exception {
    int port = serve(NAMELESS);

    X509Certificate leaf =
        CertificateProbe.handshake(
            "127.0.0.1", port, TIMEOUT, PinnedTrust.exactly(NAMELESS.certificate()), true);

    assertThat(leaf).isEqualTo(NAMELESS.certificate());
    assertThatThrownBy(
            () ->
                CertificateProbe.handshake(
                    "127.0.0.1", port, TIMEOUT, PinnedTrust.exactly(SERVER.certificate()), false))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("is not the trusted certificate");
  }

  @Test
  void contextsPresentTheirClientCertificate() throws Exception {
    int port = serve(SERVER);
    SSLContext context =
        TlsContexts.create(
            List.of(CLIENT.certificate()), CLIENT.keyPair().getPrivate(), PinnedTrust.exactly(SERVER.certificate()));

    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.startHandshake();
      socket.getOutputStream().write(1);
      socket.getOutputStream().flush();

      assertThat(clientFingerprints.get(10, TimeUnit.SECONDS)).containsExactly(Pem.fingerprint(CLIENT.certificate()));
    }
  }
}
