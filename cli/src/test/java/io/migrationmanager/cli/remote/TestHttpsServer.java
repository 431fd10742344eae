package io.migrationmanager.cli.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.migrationmanager.cli.config.ClientCertificate;
import io.migrationmanager.tls.Pem;
import io.migrationmanager.tls.PinnedTrust;
import io.migrationmanager.tls.TlsContexts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A stand-in for {@code migration-managerd}'s HTTPS listener: a self-signed certificate, client
 * certificates requested but not required, {@code GET /1.0} answering {@code auth: tls} only for
 * trusted fingerprints. {@code /1.0/fail} answers an error envelope; {@code /1.0/instances} a list.
 */
final class TestHttpsServer implements AutoCloseable {

  private final HttpsServer server;
  private final X509Certificate certificate;
  private final Set<String> trusted = ConcurrentHashMap.newKeySet();

  TestHttpsServer() throws Exception {
    ClientCertificate identity = ClientCertificate.generate("localhost");
    certificate = identity.certificate();
    SSLContext context =
        TlsContexts.create(certificate, identity.privateKey(), PinnedTrust.acceptAny());

    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters parameters = context.getDefaultSSLParameters();
            parameters.setWantClientAuth(true);
            params.setSSLParameters(parameters);
          }
        });
    server.createContext("/", this::handle);
    server.start();
  }

  String address() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  String fingerprint() {
    return Pem.fingerprint(certificate);
  }

  void trust(String clientFingerprint) {
    trusted.add(clientFingerprint);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body;
    int status = 200;
    if (path.equals("/1.0")) {
      body =
          sync(
              "{\"config\":null,\"api_status\":\"devel\",\"api_version\":\"1.0\",\"auth\":\""
                  + auth((HttpsExchange) exchange)
                  + "\",\"auth_methods\":[\"tls\"],\"server_version\":\"0.1.0\"}");
    } else if (path.equals("/1.0/instances")) {
      body = sync("[\"/1.0/instances/52cfcb6b-20ee-add3-adc9-68c63ca9adfd\"]");
    } else if (path.equals("/1.0/fail")) {
      status = 400;
      body = error(400, "Bad Request: batch \\\"b1\\\" is running");
    } else {
      status = 404;
      body = error(404, "Not Found");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private String auth(HttpsExchange exchange) {
    try {
      Certificate[] chain = exchange.getSSLSession().getPeerCertificates();
      String fingerprint = Pem.fingerprint((X509Certificate) chain[0]);
      return trusted.contains(fingerprint) ? "tls" : "untrusted";
    } catch (SSLPeerUnverifiedException e) {
      return "untrusted";
    }
  }

  private static String sync(String metadata) {
    return "{\"type\":\"sync\",\"status\":\"Success\",\"status_code\":200,\"operation\":\"\","
        + "\"error_code\":0,\"error\":\"\",\"metadata\":"
        + metadata
        + "}";
  }

  private static String error(int code, String message) {
    return "{\"type\":\"error\",\"status\":\"\",\"status_code\":0,\"operation\":\"\","
        + "\"error_code\":"
        + code
        + ",\"error\":\""
        + message
        + "\",\"metadata\":null}";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
