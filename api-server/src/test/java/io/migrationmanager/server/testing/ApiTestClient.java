package io.migrationmanager.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrationmanager.tls.PinnedTrust;
import io.migrationmanager.tls.SelfSigned;
import io.migrationmanager.tls.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/** An HTTPS client for API tests: trusts any server certificate, optionally presents a client identity. */
public final class ApiTestClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;

  /** A reply: HTTP status, headers of interest and the parsed envelope. */
  public record Reply(int status, JsonNode body, java.net.http.HttpHeaders headers) {
    public JsonNode metadata() {
      return body.get("metadata");
    }

    public String error() {
      return body.get("error").asText();
    }

    public String etag() {
      return headers.firstValue("ETag").orElse(null);
    }
  }

  public ApiTestClient(String base, SelfSigned.Identity identity) {
    this.base = base;
    this.http =
        HttpClient.newBuilder().sslContext(sslContext(identity)).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A new client identity (EC key pair, self-signed certificate). */
  public static SelfSigned.Identity newIdentity() {
    try {
      return SelfSigned.create("test-client", List.of(), List.of());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Reply send(String method, String path, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), JSON.readTree(r.body()), r.headers());
    } catch (IOException e) {
      throw new IllegalStateException("Request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext sslContext(SelfSigned.Identity identity) {
    return identity == null
        ? TlsContexts.trusting(PinnedTrust.acceptAny())
        : TlsContexts.create(identity.certificate(), identity.keyPair().getPrivate(), PinnedTrust.acceptAny());
  }
}
