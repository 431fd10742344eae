package io.migrationmanager.activities.vsphere;

import io.migrationmanager.domain.source.VmwareEndpoint;
import io.migrationmanager.tls.Pem;
import io.migrationmanager.tls.PinnedTrust;
import io.migrationmanager.tls.TlsContexts;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for vSphere endpoints (spec §2.1, §2.2): the JVM's trust roots, and in addition a pin on exactly
 * one certificate. The stored server certificate is trusted only when its fingerprint equals the fingerprint
 * the user confirmed; then nothing else about it is checked (not the host name, not the expiry), as the user
 * vouched for this very certificate. PEM, fingerprints and the trust managers are in {@code
 * io.migrationmanager.tls}.
 */
final class VsphereTls {
  private VsphereTls() {}

  /**
   * The fingerprint the endpoint pins: that of its stored certificate when it equals the trusted
   * fingerprint, else empty (the JVM's trust roots apply).
   */
  static String pinnedFingerprint(VmwareEndpoint endpoint) {
    X509Certificate anchor =
        PinnedTrust.anchor(
            endpoint.trustedServerCertificate(), endpoint.trustedServerCertificateFingerprint());
    return anchor == null ? "" : Pem.fingerprint(anchor);
  }

  /**
   * Trust for a connection: the JVM's trust roots, and in addition exactly the pinned certificate
   * when one is pinned (as the original adds the confirmed certificate to the system roots).
   */
  static X509TrustManager trustManager(String pinnedFingerprint) {
    return PinnedTrust.orSystemRoots(pinnedFingerprint);
  }

  /**
   * The host-name check for connections with this trust: the JDK's rules, except that the pinned
   * certificate is accepted under any name. (HTTPS clients consult the verifier only when the JDK's
   * own check fails.)
   */
  static HostnameVerifier hostnameVerifier(TrustManager trust) {
    return trust instanceof PinnedTrust pinned
        ? (host, session) -> pinned.isPinned(session)
        : HttpsURLConnection.getDefaultHostnameVerifier();
  }

  static SSLSocketFactory socketFactory(TrustManager trust) {
    return TlsContexts.trusting(trust).getSocketFactory();
  }
}
