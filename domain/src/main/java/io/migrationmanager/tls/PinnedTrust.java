package io.migrationmanager.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Server trust for outgoing TLS connections (spec §4.3). A certificate the user confirmed is pinned: a
 * server presenting exactly that leaf certificate (same SHA-256 fingerprint) is trusted, and nothing else
 * about it is checked, neither the host name nor the issuer nor the expiry, as the user vouched for this very
 * certificate. Without a pin the JVM's trust roots decide, host names included.
 *
 * <p>A stored certificate is the pin only when its fingerprint equals the fingerprint the user confirmed
 * ({@link #anchor}). {@link #exactly} trusts the pinned certificate and nothing else (Incus, remotes of the
 * CLI); {@link #orSystemRoots} trusts it in addition to the JVM's roots (vSphere, as the original adds the
 * confirmed certificate to the system roots). {@link #acceptAny} trusts everything and is only for fetching a
 * certificate to show to the user, and for test servers that decide by fingerprint after the handshake.
 */
public final class PinnedTrust extends X509ExtendedTrustManager {
  private final String fingerprint;
  private final X509TrustManager roots;

  private PinnedTrust(String fingerprint, X509TrustManager roots) {
    this.fingerprint = Pem.canonicalFingerprint(fingerprint);
    this.roots = roots;
  }

  /** Trusts exactly {@code pinned}: no other certificate, whoever issued it. */
  public static PinnedTrust exactly(X509Certificate pinned) {
    return new PinnedTrust(Pem.fingerprint(pinned), null);
  }

  /**
   * Trusts the certificate with SHA-256 fingerprint {@code fingerprint} (any case, colons allowed) and
   * whatever the JVM's trust roots trust; an empty fingerprint pins nothing.
   */
  public static PinnedTrust orSystemRoots(String fingerprint) {
    return new PinnedTrust(fingerprint, systemRoots());
  }

  /** Trusts exactly {@code pinned}, or with {@code null} what the JVM's trust roots trust. */
  public static X509TrustManager pinnedOrSystemRoots(X509Certificate pinned) {
    return pinned == null ? systemRoots() : exactly(pinned);
  }

  /**
   * The trust anchor of a connection: the stored server certificate when it is present and its fingerprint
   * equals the fingerprint the user confirmed, else {@code null} (the JVM's trust roots apply).
   *
   * @param storedCertificate DER or PEM, may be {@code null} or empty
   * @param confirmedFingerprint any case, colons allowed; may be {@code null} or empty
   * @throws IllegalArgumentException when a certificate is stored but cannot be parsed
   */
  public static X509Certificate anchor(byte[] storedCertificate, String confirmedFingerprint) {
    String wanted = Pem.canonicalFingerprint(confirmedFingerprint);
    if (storedCertificate == null || storedCertificate.length == 0 || wanted.isEmpty()) {
      return null;
    }
    X509Certificate certificate = Pem.readCertificate(storedCertificate);
    return Pem.fingerprint(certificate).equals(wanted) ? certificate : null;
  }

  /** The JVM's default trust manager: its trust roots ({@code cacerts} or {@code javax.net.ssl.trustStore}). */
  public static X509TrustManager systemRoots() {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load the JVM's trust roots: " + e.getMessage(), e);
    }
    throw new IllegalStateException("No X.509 trust manager in this JVM");
  }

  /**
   * Accepts every certificate, of servers and of clients, without any check. Only to fetch a server
   * certificate for the user to confirm, and for servers that authorise clients by fingerprint afterwards.
   */
  public static X509ExtendedTrustManager acceptAny() {
    return AcceptAny.INSTANCE;
  }

  /** The pinned fingerprint in canonical form; empty when nothing is pinned. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Whether the peer of {@code session} presented the pinned certificate. */
  public boolean isPinned(SSLSession session) {
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate leaf && isPinned(leaf);
    } catch (SSLPeerUnverifiedException e) {
      return false;
    }
  }

  private boolean isPinned(X509Certificate leaf) {
    return !fingerprint.isEmpty() && Pem.fingerprint(leaf).equals(fingerprint);
  }

  private boolean pinned(X509Certificate[] chain) throws CertificateException {
    if (chain != null && chain.length > 0 && isPinned(chain[0])) {
      return true;
    }
    if (roots == null) {
      if (chain == null || chain.length == 0) {
        throw new CertificateException("The server presented no certificate");
      }
      throw new CertificateException(
          "The server certificate (SHA-256 "
              + Pem.fingerprint(chain[0])
              + ") is not the trusted certificate (SHA-256 "
              + fingerprint
              + ")");
    }
    return false;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (!pinned(chain)) {
      roots.checkServerTrusted(chain, authType);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    if (!pinned(chain)) {
      if (roots instanceof X509ExtendedTrustManager extended) {
        extended.checkServerTrusted(chain, authType, socket);
      } else {
        roots.checkServerTrusted(chain, authType);
      }
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    if (!pinned(chain)) {
      if (roots instanceof X509ExtendedTrustManager extended) {
        extended.checkServerTrusted(chain, authType, engine);
      } else {
        roots.checkServerTrusted(chain, authType);
      }
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("Not a server trust manager");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return roots == null ? new X509Certificate[0] : roots.getAcceptedIssuers();
  }

  /** Accepts every certificate. */
  private static final class AcceptAny extends X509ExtendedTrustManager {
    static final AcceptAny INSTANCE = new AcceptAny();

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
}
