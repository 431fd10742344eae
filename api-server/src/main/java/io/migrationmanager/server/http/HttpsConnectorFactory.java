package io.migrationmanager.server.http;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.metrics.jetty12.InstrumentedConnectionFactory;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The HTTPS listener ({@code type: mm-https}): TLS 1.2+ with the service's own certificate (generated on first
 * start, see {@link ServerCertificate}). Client certificates are requested, not required, and accepted at the
 * TLS layer whatever their issuer: whether a caller is trusted is decided by its certificate's fingerprint
 * ({@link CallerFilter}), as Incus does.
 */
@JsonTypeName("mm-https")
public class HttpsConnectorFactory extends HttpConnectorFactory implements DataDirAware {
  /** Directory holding {@code server.crt} and {@code server.key}; defaults to the data directory. */
  @JsonProperty private String certificateDir;

  public HttpsConnectorFactory() {
    setPort(6443);
  }

  @Override
  public void useDataDir(Path dataDir) {
    if (certificateDir == null || certificateDir.isBlank()) {
      certificateDir = dataDir.toString();
    }
  }

  @Override
  public Connector build(Server server, MetricRegistry metrics, String name, ThreadPool threadPool) {
    HttpConfiguration httpConfig = buildHttpConfiguration();
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    httpConfig.addCustomizer(secure);
    HttpConnectionFactory http = buildHttpConnectionFactory(httpConfig);

    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(sslContext(ServerCertificate.loadOrCreate(Path.of(certificateDir))));
    ssl.setWantClientAuth(true);
    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    ssl.setEndpointIdentificationAlgorithm(null);
    SslConnectionFactory tls = new SslConnectionFactory(ssl, http.getProtocol());

    return buildConnector(
        server,
        new ScheduledExecutorScheduler(),
        buildBufferPool(),
        name,
        threadPool,
        new InstrumentedConnectionFactory(tls, metrics.timer(httpConnections())),
        http);
  }

  private static SSLContext sslContext(ServerCertificate cert) {
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(cert.keyStore(), ServerCertificate.keyStorePassword().toCharArray());
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), new TrustManager[] {new AnyClientCertificate()}, new SecureRandom());
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Accepts any client certificate at the TLS layer; trust is decided by fingerprint afterwards. */
  private static final class AnyClientCertificate implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // Every presented certificate reaches CallerFilter, which compares its fingerprint.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("This trust manager only checks clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
