package io.migrationmanager.activities.vsphere;

import io.migrationmanager.domain.source.VmwareEndpoint;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for vSphere endpoints (spec §2.1, §2.2): SHA-256 fingerprints, and either the JVM's
 * trust roots or those plus a pin on exactly one certificate. The stored server certificate is
 * trusted only when its fingerprint equals the fingerprint the user confirmed; then nothing else
 * about it is checked (not the host name, not the expiry), as the user vouched for this very
 * certificate.
 */
public final class VsphereTls {
  private VsphereTls() {}

  /** The lowercase hex SHA-256 of the certificate's DER encoding (64 characters, no colons). */
  public static String fingerprint(X509Certificate certificate) {
    try {
      return fingerprint(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("Cannot encode certificate", e);
    }
  }

  /** The lowercase hex SHA-256 of DER bytes. */
  public static String fingerprint(byte[] der) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A fingerprint in comparable form, {@code lower(replace(fp, ":", ""))}. */
  public static String canonicalFingerprint(String fingerprint) {
    return fingerprint == null ? "" : fingerprint.replace(":", "").trim().toLowerCase(Locale.ROOT);
  }

  /** Parses a DER or PEM certificate. */
  public static X509Certificate parseCertificate(byte[] derOrPem) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(derOrPem));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("Not a DER or PEM certificate: " + e.getMessage(), e);
    }
  }

  /**
   * The fingerprint the endpoint pins: that of its stored certificate when it equals the trusted
   * fingerprint, else empty (the JVM's trust roots apply).
   */
  static String pinnedFingerprint(VmwareEndpoint endpoint) {
    byte[] stored = endpoint.trustedServerCertificate();
    String wanted = canonicalFingerprint(endpoint.trustedServerCertificateFingerprint());
    if (stored == null || stored.length == 0 || wanted.isEmpty()) {
      return "";
    }
    return fingerprint(parseCertificate(stored)).equals(wanted) ? wanted : "";
  }

  /**
   * Trust for a connection: the JVM's trust roots, and in addition exactly the pinned certificate
   * when one is pinned (as the original adds the confirmed certificate to the system roots).
   */
  static X509TrustManager trustManager(String pinnedFingerprint) {
    return new SourceTrustManager(pinnedFingerprint, systemTrustManager());
  }

  /**
   * The host-name check for connections with this trust: the JDK's rules, except that the pinned
   * certificate is accepted under any name. (HTTPS clients consult the verifier only when the JDK's
   * own check fails.)
   */
  static HostnameVerifier hostnameVerifier(TrustManager trust) {
    return trust instanceof SourceTrustManager source
        ? (host, session) -> source.isPinned(session)
        : HttpsURLConnection.getDefaultHostnameVerifier();
  }

  /** Accepts any server certificate. Only to capture a certificate for the user to confirm. */
  static X509TrustManager acceptAny() {
    return new SourceTrustManager("", null);
  }

  static SSLSocketFactory socketFactory(TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  static X509TrustManager systemTrustManager() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
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
   * Trusts a server whose leaf certificate has the pinned SHA-256 fingerprint, or else whatever the
   * system trust manager trusts; without a system trust manager, anything.
   */
  static final class SourceTrustManager extends X509ExtendedTrustManager {
    private final String fingerprint;
    private final X509TrustManager system;

    SourceTrustManager(String fingerprint, X509TrustManager system) {
      this.fingerprint = fingerprint;
      this.system = system;
    }

    boolean isPinned(SSLSession session) {
      try {
        Certificate[] chain = session.getPeerCertificates();
        return !fingerprint.isEmpty()
            && chain.length > 0
            && chain[0] instanceof X509Certificate leaf
            && fingerprint(leaf).equals(fingerprint);
      } catch (SSLPeerUnverifiedException e) {
        return false;
      }
    }

    private boolean pinned(X509Certificate[] chain) {
      return !fingerprint.isEmpty()
          && chain != null
          && chain.length > 0
          && fingerprint(chain[0]).equals(fingerprint);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      if (!pinned(chain) && system != null) {
        system.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      if (!pinned(chain) && system != null) {
        if (system instanceof X509ExtendedTrustManager extended) {
          extended.checkServerTrusted(chain, authType, socket);
        } else {
          system.checkServerTrusted(chain, authType);
        }
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      if (!pinned(chain) && system != null) {
        if (system instanceof X509ExtendedTrustManager extended) {
          extended.checkServerTrusted(chain, authType, engine);
        } else {
          system.checkServerTrusted(chain, authType);
        }
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("Client certificates are not accepted");
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
      return system == null ? new X509Certificate[0] : system.getAcceptedIssuers();
    }
  }
}
