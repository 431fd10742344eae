package io.migrationmanager.cli.transport;

import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.config.ClientCertificate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * {@link ApiClient} for a remote: HTTPS with the client key pair, trusting the pinned server
 * certificate.
 */
public final class HttpsApiClient implements ApiClient {

  private final String address;
  private final HttpClient http;

  /**
   * A client for the remote at {@code address} ({@code https://host:port}).
   *
   * @param pinned the server certificate to trust, or {@code null} to rely on the system trust
   *     store
   * @param client the client key pair presented when the server asks for a certificate
   */
  public HttpsApiClient(String address, X509Certificate pinned, ClientCertificate client) {
    this.address = address;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Tls.CONNECT_TIMEOUT)
            .sslContext(Tls.clientContext(client, pinned))
            .build();
  }

  @Override
  public RawResponse exchange(
      String method, String path, byte[] body, Map<String, String> headers) {
    URI uri;
    try {
      uri = URI.create(address + path);
    } catch (IllegalArgumentException e) {
      throw new CliException("Invalid request path \"" + path + "\": " + e.getMessage(), e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new RawResponse(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new CliException("Failed to connect to " + address + ": " + Errors.describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("Interrupted while waiting for " + address, e);
    }
  }
}
