package io.migrationmanager.tests.peers.incus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTTP side of {@link IncusStub}: parsed requests, Incus response envelopes, writing replies. */
final class StubHttp {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Reply NOT_FOUND = Reply.error(404, "not found");
  static final Reply NOT_IMPLEMENTED = Reply.error(501, "endpoint not provided by the Incus stub");

  private StubHttp() {}

  // ---------------------------------------------------------------------------------------------------
  // HTTP

  /** One parsed request. */
  record Call(
      HttpExchange exchange, String method, List<String> path, Map<String, String> query) {
    String param(String name) {
      return query.getOrDefault(name, "");
    }

    String project() {
      String p = param("project");
      return p.isEmpty() ? "default" : p;
    }

    boolean recursive() {
      return !param("recursion").isEmpty() && !param("recursion").equals("0");
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(exchange.getRequestBody());
      } catch (IOException e) {
        throw StubError.badRequest(e.getMessage());
      }
    }
  }

  /** A reply: an envelope (sync, async or error) or a raw file. */
  record Reply(int status, JsonNode body, Map<String, String> headers, Path file) {
    static Reply sync(JsonNode metadata) {
      ObjectNode e = envelope("sync", "Success", 200, "", 0, "");
      e.set("metadata", metadata);
      return new Reply(200, e, Map.of(), null);
    }

    static Reply empty() {
      return sync(MAPPER.createObjectNode());
    }

    static Reply error(int code, String message) {
      ObjectNode e = envelope("error", "", 0, "", code, message);
      e.putNull("metadata");
      return new Reply(code, e, Map.of(), null);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, body, h, file);
    }
  }

  static ObjectNode envelope(
      String type, String status, int statusCode, String operation, int errorCode, String error) {
    ObjectNode e = MAPPER.createObjectNode();
    e.put("type", type);
    e.put("status", status);
    e.put("status_code", statusCode);
    e.put("operation", operation);
    e.put("error_code", errorCode);
    e.put("error", error);
    return e;
  }

  /** The answer Incus gives when it started a background operation: 202 and the operation. */
  static Reply async(StubOperations operations, StubOperations.Op op) {
    ObjectNode e = envelope("async", "Operation created", 100, "/1.0/operations/" + op.id, 0, "");
    e.set("metadata", operations.json(op));
    return new Reply(202, e, Map.of("Location", "/1.0/operations/" + op.id), null);
  }

  static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        params.put(
            URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  static void write(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    try (InputStream unread = exchange.getRequestBody()) {
      unread.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // Already consumed and closed by the handler.
    }
    if (reply.file() != null) {
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(reply.status(), Files.size(reply.file()));
      try (OutputStream out = exchange.getResponseBody()) {
        Files.copy(reply.file(), out);
      }
      return;
    }
    byte[] bytes = MAPPER.writeValueAsBytes(reply.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
