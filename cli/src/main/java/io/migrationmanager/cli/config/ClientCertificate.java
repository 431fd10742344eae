package io.migrationmanager.cli.config;

import io.migrationmanager.tls.Pem;
import io.migrationmanager.tls.SelfSigned;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A key pair with a self-signed X.509 certificate: the client's identity towards remotes ({@code
 * client.crt} and {@code client.key} in the configuration directory). The server trusts the client
 * when the SHA-256 fingerprint of this certificate is in its trusted list.
 *
 * @param certificate the self-signed certificate
 * @param privateKey its EC P-384 private key
 */
public record ClientCertificate(X509Certificate certificate, PrivateKey privateKey) {

  /**
   * Loads {@code client.crt}/{@code client.key} from {@code directory}, generating them when
   * absent.
   */
  public static ClientCertificate loadOrCreate(Path directory) throws IOException {
    Path certFile = directory.resolve("client.crt");
    Path keyFile = directory.resolve("client.key");
    if (Files.exists(certFile) && Files.exists(keyFile)) {
      return new ClientCertificate(
          Pem.readCertificate(Files.readString(certFile)),
          Pem.readPrivateKey(Files.readString(keyFile)));
    }
    ClientCertificate generated = generate("migration-manager@" + hostname());
    Pem.writePrivate(keyFile, generated.privateKey());
    Files.writeString(
        certFile, Pem.encodeCertificate(generated.certificate()), StandardCharsets.US_ASCII);
    return generated;
  }

  /** Generates a new EC P-384 key pair with a self-signed certificate for {@code commonName}. */
  public static ClientCertificate generate(String commonName) {
    try {
      SelfSigned.Identity identity = SelfSigned.client(commonName);
      return new ClientCertificate(identity.certificate(), identity.keyPair().getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot generate a key pair: " + e.getMessage(), e);
    }
  }

  /** The SHA-256 fingerprint of the certificate (lowercase hex of the DER encoding). */
  public String fingerprint() {
    return Pem.fingerprint(certificate);
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
