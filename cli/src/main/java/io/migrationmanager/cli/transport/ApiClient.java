package io.migrationmanager.cli.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The REST API of Migration Manager, as every command sees it, over HTTPS ({@link HttpsApiClient})
 * or the local unix socket ({@link UnixSocketApiClient}).
 *
 * <p>Paths: {@code "instances?recursion=1"} means {@code /1.0/instances?recursion=1}; a path
 * starting with {@code /} ({@code /1.0/...}, {@code /internal/...}) is sent verbatim; {@code ""} is
 * {@code /1.0}. Build paths with user-supplied names through {@link #path(String, String...)} so
 * they are escaped.
 *
 * <p>Bodies: {@code null} sends none, a {@code byte[]} is sent as is, anything else is encoded as
 * JSON. An error envelope becomes a {@link CliException} whose message is exactly the server's
 * {@code error} text.
 */
@FunctionalInterface
public interface ApiClient {

  /** Header sent with every request unless given explicitly. */
  String CONTENT_TYPE_JSON = "application/json";

  /**
   * Sends one request and returns the response as received.
   *
   * @param method the HTTP method
   * @param path the absolute request path with its query ({@code /1.0/...})
   * @param body the request body, or {@code null}
   * @param headers extra request headers ({@code Content-Type} defaults to JSON)
   * @throws CliException when the server cannot be reached
   */
  RawResponse exchange(String method, String path, byte[] body, Map<String, String> headers);

  /** Sends a request and interprets the envelope. */
  default ApiResponse request(
      String method, String path, Object body, Map<String, String> headers) {
    byte[] bytes;
    if (body == null) {
      bytes = null;
    } else if (body instanceof byte[] raw) {
      bytes = raw;
    } else {
      bytes = Json.toJson(body).getBytes(StandardCharsets.UTF_8);
    }
    Map<String, String> allHeaders = new LinkedHashMap<>();
    allHeaders.put("Content-Type", CONTENT_TYPE_JSON);
    allHeaders.putAll(headers);
    return parse(exchange(method, resolve(path), bytes, allHeaders));
  }

  /** {@code GET}: the metadata. */
  default JsonNode get(String path) {
    return getWithEtag(path).metadata();
  }

  /** {@code GET}: the metadata as an API record. */
  default <T> T get(String path, Class<T> type) {
    return getWithEtag(path).metadataAs(type);
  }

  /**
   * {@code GET} of a single object, keeping the response so its {@code ETag} can be used for a PUT.
   */
  default ApiResponse getWithEtag(String path) {
    return request("GET", path, null, Map.of());
  }

  /** {@code POST}; the response carries {@code Location} for creates. */
  default ApiResponse post(String path, Object body) {
    return request("POST", path, body, Map.of());
  }

  /** {@code PUT}, with {@code If-Match: etag} unless {@code etag} is {@code null}. */
  default ApiResponse put(String path, Object body, String etag) {
    return request("PUT", path, body, etag == null ? Map.of() : Map.of("If-Match", etag));
  }

  /** {@code DELETE}. */
  default ApiResponse delete(String path) {
    return request("DELETE", path, null, Map.of());
  }

  /** The absolute request path for {@code path} (see the class comment). */
  static String resolve(String path) {
    if (path.isEmpty()) {
      return "/1.0";
    }
    return path.startsWith("/") ? path : "/1.0/" + path;
  }

  /**
   * A relative API path: {@code collection} verbatim, each segment escaped; for example {@code
   * path("batches", "my batch", "instances")} is {@code batches/my%20batch/instances}.
   */
  static String path(String collection, String... segments) {
    StringBuilder path = new StringBuilder(collection);
    for (String segment : segments) {
      path.append('/').append(escape(segment));
    }
    return path.toString();
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters. */
  static String escape(String segment) {
    StringBuilder escaped = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~".indexOf(c) >= 0;
      if (unreserved) {
        escaped.append(c);
      } else {
        escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        escaped.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return escaped.toString();
  }

  /**
   * Interprets the envelope of {@code raw}.
   *
   * @throws CliException with the server's {@code error} text for error envelopes, or a description
   *     of the problem when the body is not an envelope at all
   */
  static ApiResponse parse(RawResponse raw) {
    JsonNode envelope;
    try {
      envelope = Json.JSON.readTree(raw.body());
    } catch (IOException e) {
      envelope = null;
    }
    if (envelope == null || !envelope.isObject() || !envelope.has("type")) {
      throw new CliException(
          "Invalid response from the server (HTTP " + raw.status() + "): not an API response",
          raw.status());
    }
    int errorCode = envelope.path("error_code").asInt();
    if ("error".equals(envelope.path("type").asText()) || errorCode != 0) {
      int status = errorCode != 0 ? errorCode : raw.status();
      String message = envelope.path("error").asText();
      throw new CliException(
          message.isEmpty() ? "Server error (HTTP " + status + ")" : message, status);
    }
    return new ApiResponse(raw, envelope);
  }
}
