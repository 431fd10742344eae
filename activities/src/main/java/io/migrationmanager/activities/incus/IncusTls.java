package io.migrationmanager.activities.incus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * TLS material for Incus connections: PEM parsing (BouncyCastle), SHA-256 fingerprints, the client
 * {@link SSLContext} (client certificate, pinned or system server trust, spec §4.3) and the all-trusting
 * certificate probe used for the {@code Confirm TLS fingerprint} flow.
 */
public final class IncusTls {
  private IncusTls() {}

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

  /** A fingerprint in comparable form: colons removed, lower case ({@code lower(replace(fp, ":", ""))}). */
  public static String canonicalFingerprint(String fingerprint) {
    return fingerprint == null ? "" : fingerprint.replace(":", "").trim().toLowerCase(Locale.ROOT);
  }

  /** Parses one certificate given as DER or PEM bytes. */
  public static X509Certificate parseCertificate(byte[] derOrPem) {
    String text = new String(derOrPem, StandardCharsets.US_ASCII);
    if (text.contains("-----BEGIN CERTIFICATE-----")) {
      return parseCertificates(text).get(0);
    }
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(derOrPem));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("Not a DER or PEM certificate: " + e.getMessage(), e);
    }
  }

  /** Parses every certificate of a PEM text (a leaf and optionally its chain), in order. */
  public static List<X509Certificate> parseCertificates(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof X509CertificateHolder holder) {
          certificates.add(
              (X509Certificate)
                  factory.generateCertificate(new ByteArrayInputStream(holder.getEncoded())));
        }
      }
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("Invalid PEM certificate: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("No PEM certificate found");
    }
    return certificates;
  }

  /** Parses a PEM private key: PKCS#8 or traditional EC/RSA ("EC PRIVATE KEY", "RSA PRIVATE KEY"). */
  public static PrivateKey parsePrivateKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PEMKeyPair pair) {
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Invalid PEM private key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("No unencrypted PEM private key found");
  }

  /** The PEM text of a certificate. */
  public static String toPem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("Cannot encode certificate", e);
    }
  }

  /**
   * The stored server certificate if it is pinned, i.e. present and its fingerprint equals the configured
   * trusted fingerprint; otherwise {@code null} (system trust roots apply).
   */
  static X509Certificate pinnedCertificate(IncusConnection connection) {
    byte[] stored = connection.trustedServerCertificate();
    if (stored == null || stored.length == 0) {
      return null;
    }
    String wanted = canonicalFingerprint(connection.trustedServerCertificateFingerprint());
    if (wanted.isEmpty()) {
      return null;
    }
    X509Certificate certificate = parseCertificate(stored);
    return fingerprint(certificate).equals(wanted) ? certificate : null;
  }

  /** The SSL context for a connection: its client certificate and key, and pinned or system server trust. */
  static SSLContext clientContext(IncusConnection connection) {
    try {
      KeyManager[] keyManagers = null;
      if (connection.clientCertificatePem() != null) {
        keyManagers =
            new KeyManager[] {
              new SingleKeyManager(
                  parseCertificates(connection.clientCertificatePem()),
                  parsePrivateKey(connection.clientKeyPem()))
            };
      }
      X509Certificate pinned = pinnedCertificate(connection);
      TrustManager trust = pinned != null ? new PinnedTrustManager(pinned) : systemTrustManager();
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager systemTrustManager() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("No X.509 trust manager in this JVM");
  }

  /**
   * Connects to {@code endpoint} trusting any server certificate, completes the TLS handshake without a client
   * certificate, and returns the server's leaf certificate. Only for showing the user a fingerprint to confirm;
   * nothing is sent over this connection.
   */
  public static X509Certificate probeCertificate(URI endpoint, Duration timeout) throws IOException {
    String host = endpoint.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = endpoint.getPort() == -1 ? 443 : endpoint.getPort();
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAllManager()}, null);
      Socket plain = new Socket();
      try {
        plain.connect(new InetSocketAddress(host, port), millis);
        plain.setSoTimeout(millis);
      } catch (IOException e) {
        plain.close();
        throw e;
      }
      try (SSLSocket socket =
          (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
        socket.startHandshake();
        return (X509Certificate) socket.getSession().getPeerCertificates()[0];
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Presents exactly one certificate chain and key, whatever issuers the server names. */
  private static final class SingleKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "incus-client";
    private final X509Certificate[] chain;
    private final PrivateKey key;

    SingleKeyManager(List<X509Certificate> chain, PrivateKey key) {
      this.chain = chain.toArray(X509Certificate[]::new);
      this.key = key;
    }

    private String aliasFor(String[] keyTypes) {
      return keyTypes == null || Arrays.asList(keyTypes).contains(key.getAlgorithm()) ? ALIAS : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return aliasFor(new String[] {keyType}) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      return aliasFor(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
      return aliasFor(keyTypes);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? key : null;
    }
  }

  /**
   * Trusts exactly one server certificate, compared byte for byte; no path building and no host name check
   * (the pinned certificate is the identity).
   */
  private static final class PinnedTrustManager extends X509ExtendedTrustManager {
    private final X509Certificate pinned;

    PinnedTrustManager(X509Certificate pinned) {
      this.pinned = pinned;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new CertificateException("The server presented no certificate");
      }
      if (!Arrays.equals(chain[0].getEncoded(), pinned.getEncoded())) {
        throw new CertificateException(
            "The server certificate (SHA-256 "
                + fingerprint(chain[0])
                + ") is not the trusted certificate (SHA-256 "
                + fingerprint(pinned)
                + ")");
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
      throw new CertificateException("Not a server trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("Not a server trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("Not a server trust manager");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /** Accepts every server certificate; used only by {@link #probeCertificate}. */
  private static final class TrustAllManager extends X509ExtendedTrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("Not a server trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("Not a server trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("Not a server trust manager");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
