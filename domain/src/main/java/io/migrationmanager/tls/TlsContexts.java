package io.migrationmanager.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * {@link SSLContext}s from one certificate chain and its key (the identity this side presents) and one trust
 * manager (usually a {@link PinnedTrust}), without key stores or passwords.
 */
public final class TlsContexts {
  private TlsContexts() {}

  /** A context that presents no certificate and trusts what {@code trust} trusts. */
  public static SSLContext trusting(TrustManager trust) {
    return create(List.of(), null, trust);
  }

  /** A context that presents {@code certificate} with {@code key} and trusts what {@code trust} trusts. */
  public static SSLContext create(X509Certificate certificate, PrivateKey key, TrustManager trust) {
    return create(List.of(certificate), key, trust);
  }

  /**
   * A context that presents {@code chain} (leaf first) with {@code key}, as a client whenever the server asks
   * for a certificate and as a server, and trusts what {@code trust} trusts.
   *
   * @param key {@code null} to present no certificate
   * @throws IllegalStateException when the JVM cannot set up TLS
   */
  public static SSLContext create(List<X509Certificate> chain, PrivateKey key, TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      KeyManager[] keys = key == null ? null : new KeyManager[] {new SingleKeyManager(chain, key)};
      context.init(keys, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Presents exactly one certificate chain and key, whatever issuers the peer names, when the key type fits. */
  private static final class SingleKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "identity";
    private final X509Certificate[] chain;
    private final PrivateKey key;

    SingleKeyManager(List<X509Certificate> chain, PrivateKey key) {
      this.chain = chain.toArray(X509Certificate[]::new);
      this.key = key;
    }

    private String aliasFor(String... keyTypes) {
      return keyTypes == null || Arrays.asList(keyTypes).contains(key.getAlgorithm()) ? ALIAS : null;
    }

    private String[] aliasesFor(String keyType) {
      return aliasFor(keyType) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return aliasesFor(keyType);
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
      return aliasesFor(keyType);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return aliasFor(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return aliasFor(keyType);
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
}
