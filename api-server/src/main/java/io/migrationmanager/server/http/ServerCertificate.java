package io.migrationmanager.server.http;

import io.migrationmanager.tls.Pem;
import io.migrationmanager.tls.SelfSigned;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's TLS identity: {@code server.crt} and {@code server.key} (PEM) in the data directory. A
 * self-signed certificate is generated on first start and kept, so clients can pin its fingerprint.
 */
public final class ServerCertificate {
  private static final Logger LOG = LoggerFactory.getLogger(ServerCertificate.class);
  private static final String KEY_STORE_PASSWORD = "migration-manager";

  private final X509Certificate certificate;
  private final PrivateKey key;

  private ServerCertificate(X509Certificate certificate, PrivateKey key) {
    this.certificate = certificate;
    this.key = key;
  }

  /** Loads the pair from {@code dir}, generating and writing it first when absent. */
  public static synchronized ServerCertificate loadOrCreate(Path dir) {
    Path crt = dir.resolve("server.crt");
    Path keyFile = dir.resolve("server.key");
    try {
      if (!Files.exists(crt) || !Files.exists(keyFile)) {
        Files.createDirectories(dir);
        String host = hostName();
        SelfSigned.Identity id =
            SelfSigned.create("root@" + host, List.of(host, "localhost"), List.of("127.0.0.1", "::1"));
        Pem.writePrivate(keyFile, id.keyPair().getPrivate());
        Files.writeString(crt, Pem.encodeCertificate(id.certificate()));
        LOG.info("Generated a self-signed server certificate {} (SHA-256 {})", crt, Pem.fingerprint(id.certificate()));
      }
      return new ServerCertificate(
          Pem.readCertificate(Files.readString(crt)), Pem.readPrivateKey(Files.readString(keyFile)));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot load or create the server certificate in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public String fingerprint() {
    return Pem.fingerprint(certificate);
  }

  /** A key store holding the pair, for Jetty's TLS connector. */
  public KeyStore keyStore() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", key, KEY_STORE_PASSWORD.toCharArray(), new Certificate[] {certificate});
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build the server key store: " + e.getMessage(), e);
    }
  }

  public static String keyStorePassword() {
    return KEY_STORE_PASSWORD;
  }
}
