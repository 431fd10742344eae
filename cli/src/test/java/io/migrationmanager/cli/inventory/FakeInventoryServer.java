package io.migrationmanager.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.transport.TestUnixServer.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An in-memory stand-in for the inventory part of {@code migration-managerd}'s REST API: sources,
 * targets, instances with their overrides, networks and warnings, answered in the API envelope.
 * Secrets ({@code password}, {@code tls_client_key}) are stored but never returned, and an empty
 * one on {@code PUT} keeps the stored one. Overrides carry an ETag and a {@code PUT} with a stale
 * {@code If-Match} is refused with 412. The connectivity check trusts an endpoint when its
 * fingerprint is pinned: otherwise the answer is {@code Confirm TLS fingerprint} with {@link
 * #CERT_FINGERPRINT}, or {@code Cannot connect} for hosts named {@code unreachable*}.
 */
public final class FakeInventoryServer implements Function<Request, String> {

  /** The SHA-256 fingerprint of every fake endpoint's certificate. */
  static final String CERT_FINGERPRINT =
      "ba4f5b7749bc76e11fdce0dba27c49e6c379cfb9b4c7de14844442d9b6df5726";

  /** What the server sets as {@code last_update} of a changed override. */
  static final Instant OVERRIDE_TIME = Instant.parse("2025-11-18T23:53:11.068675129Z");

  /** An instance without override: Go's zero time as {@code last_update}, nothing else set. */
  private static final InstanceOverride NO_OVERRIDE =
      InstanceOverride.EMPTY.withLastUpdate(Instant.parse("0001-01-01T00:00:00Z"));

  private static final Set<String> NIC_TYPES = Set.of("managed", "bridged", "physical");

  private final Map<String, ObjectNode> sources = new LinkedHashMap<>();
  private final Map<String, ObjectNode> targets = new LinkedHashMap<>();
  private final Map<String, ObjectNode> instances = new LinkedHashMap<>();
  private final Map<String, ObjectNode> networks = new LinkedHashMap<>();
  private final Map<String, ObjectNode> warnings = new LinkedHashMap<>();
  private final Map<String, Failure> failures = new LinkedHashMap<>();

  private record Failure(int code, String message) {}

  /** An answer: HTTP status, envelope metadata, optional ETag and Location. */
  private record Answer(int status, JsonNode metadata, String etag, String location) {
    static Answer ok(JsonNode metadata) {
      return new Answer(200, metadata, null, null);
    }
  }

  /** A failure raised by a handler, turned into an error envelope. */
  private static final class ApiError extends RuntimeException {
    private final int code;

    ApiError(int code, String message) {
      super(message);
      this.code = code;
    }
  }

  /** Loads the instances, networks and warnings of the user's document. */
  public FakeInventoryServer withSeedInventory() {
    for (JsonNode instance : fixture("instances.json")) {
      ObjectNode copy = (ObjectNode) instance.deepCopy();
      if (!copy.has("overrides")) {
        copy.set("overrides", Json.JSON.valueToTree(NO_OVERRIDE));
      }
      instances.put(copy.path("uuid").asText(), copy);
    }
    fixture("networks.json").forEach(n -> networks.put(n.path("uuid").asText(), (ObjectNode) n));
    fixture("warnings.json").forEach(w -> warnings.put(w.path("uuid").asText(), (ObjectNode) w));
    return this;
  }

  /**
   * Registers an Incus target that passed its connectivity check, as {@code target add} would with
   * the fingerprint confirmed.
   */
  public FakeInventoryServer withTarget(String name) {
    ObjectNode target = JsonNodeFactory.instance.objectNode();
    target.put("name", name);
    target.put("target_type", "incus");
    ObjectNode properties = target.putObject("properties");
    properties.put("endpoint", "https://" + name + ".example.net:8443");
    properties.put("trusted_server_certificate_fingerprint", CERT_FINGERPRINT);
    properties.put("connectivity_status", "OK");
    targets.put(name, target);
    return this;
  }

  /** The next request {@code method path} (path without query) fails with {@code message}. */
  void failNext(String method, String path, int code, String message) {
    failures.put(method + " " + path, new Failure(code, message));
  }

  /** The stored source, secrets included. */
  ObjectNode source(String name) {
    return sources.get(name);
  }

  /** The stored target, secrets included. */
  ObjectNode target(String name) {
    return targets.get(name);
  }

  /** The stored instance. */
  public ObjectNode instance(String uuid) {
    return instances.get(uuid);
  }

  /** The stored instances, in the order of the API. */
  public List<ObjectNode> instances() {
    return List.copyOf(instances.values());
  }

  /** The stored network. */
  ObjectNode network(String uuid) {
    return networks.get(uuid);
  }

  /** The stored warning. */
  ObjectNode warning(String uuid) {
    return warnings.get(uuid);
  }

  /** The ETag the override of {@code uuid} has now. */
  String overrideEtag(String uuid) {
    return etag(instances.get(uuid).path("overrides"));
  }

  @Override
  public synchronized String apply(Request request) {
    int query = request.path().indexOf('?');
    String path = query < 0 ? request.path() : request.path().substring(0, query);
    String queryString = query < 0 ? "" : request.path().substring(query + 1);
    Failure failure = failures.remove(request.method() + " " + path);
    if (failure != null) {
      return http(failure.code(), error(failure.code(), failure.message()), null, null);
    }
    try {
      List<String> segments = new ArrayList<>();
      for (String segment : path.split("/")) {
        if (!segment.isEmpty()) {
          segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
        }
      }
      if (segments.size() < 2 || !segments.get(0).equals("1.0")) {
        throw new ApiError(404, "Not Found");
      }
      Answer answer = route(request, segments.subList(1, segments.size()), queryString);
      return http(answer.status(), sync(answer.metadata()), answer.etag(), answer.location());
    } catch (ApiError e) {
      return http(e.code, error(e.code, e.getMessage()), null, null);
    }
  }

  private Answer route(Request request, List<String> segments, String query) {
    String method = request.method();
    String collection = segments.get(0);
    String id = segments.size() > 1 ? segments.get(1) : null;
    String sub = segments.size() > 2 ? segments.get(2) : null;
    switch (collection) {
      case "sources":
        return endpoints(request, sources, "Source", "password", id, sub);
      case "targets":
        return endpoints(request, targets, "Target", "tls_client_key", id, sub);
      case "instances":
        return instances(request, id, sub, query);
      case "networks":
        return networks(request, id, sub);
      case "warnings":
        if (id == null && method.equals("GET")) {
          return Answer.ok(list(warnings.values()));
        }
        ObjectNode warning = find(warnings, "Warning", id);
        if (method.equals("GET")) {
          return new Answer(200, warning, etag(warning), null);
        }
        if (method.equals("PUT")) {
          String status = body(request).path("status").asText();
          if (!status.equals("new") && !status.equals("acknowledged")) {
            throw new ApiError(400, "Bad Request: Invalid warning status \"" + status + "\"");
          }
          warning.put("status", status);
          return Answer.ok(empty());
        }
        break;
      default:
        break;
    }
    throw new ApiError(404, "Not Found");
  }

  /** Sources and targets: the same rules, with a different secret. */
  private Answer endpoints(
      Request request,
      Map<String, ObjectNode> store,
      String kind,
      String secret,
      String name,
      String action) {
    String collection = kind.toLowerCase(Locale.ROOT) + "s";
    switch (request.method()) {
      case "GET":
        if (name == null) {
          List<ObjectNode> shown = new ArrayList<>();
          store.values().forEach(o -> shown.add(withoutSecret(o, secret)));
          return Answer.ok(list(shown));
        }
        ObjectNode shown = withoutSecret(find(store, kind, name), secret);
        return new Answer(200, shown, etag(shown), null);
      case "POST":
        if (name == null) {
          ObjectNode created = (ObjectNode) body(request);
          String newName = created.path("name").asText();
          if (store.containsKey(newName)) {
            throw new ApiError(400, kind + " \"" + newName + "\" already exists");
          }
          ObjectNode result = checkConnectivity((ObjectNode) created.path("properties"));
          store.put(newName, created);
          return new Answer(201, result, null, "/1.0/" + collection + "/" + newName);
        }
        if (":sync".equals(action) && kind.equals("Source")) {
          ObjectNode source = find(store, kind, name);
          String status = source.path("properties").path("connectivity_status").asText();
          if (!status.equals("OK")) {
            throw new ApiError(
                400,
                "Cannot sync source \"" + name + "\" with connectivity status \"" + status + "\"");
          }
          return Answer.ok(empty());
        }
        break;
      case "PUT":
        ObjectNode stored = find(store, kind, name);
        ObjectNode update = (ObjectNode) body(request);
        ObjectNode properties = (ObjectNode) update.path("properties");
        if (properties.path(secret).asText().isEmpty()) {
          properties.set(secret, stored.path("properties").path(secret));
        }
        ObjectNode result = checkConnectivity(properties);
        String newName = update.path("name").asText();
        store.remove(name);
        store.put(newName, update);
        return new Answer(201, result, null, "/1.0/" + collection + "/" + newName);
      case "DELETE":
        find(store, kind, name);
        store.remove(name);
        return Answer.ok(empty());
      default:
        break;
    }
    throw new ApiError(404, "Not Found");
  }

  private static ObjectNode checkConnectivity(ObjectNode properties) {
    String host = properties.path("endpoint").asText().replaceFirst("^[a-z]+://", "");
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    String status;
    if (host.startsWith("unreachable")) {
      status = "Cannot connect";
    } else if (CERT_FINGERPRINT.equals(
        properties.path("trusted_server_certificate_fingerprint").asText())) {
      status = "OK";
    } else {
      status = "Confirm TLS fingerprint";
      result.put("certFingerprint", CERT_FINGERPRINT);
    }
    properties.put("connectivity_status", status);
    result.put("ConnectivityStatus", status);
    return result;
  }

  private Answer instances(Request request, String uuid, String sub, String query) {
    String method = request.method();
    if (uuid == null && method.equals("GET")) {
      if (!query.contains("recursion=1")) {
        ArrayNode urls = JsonNodeFactory.instance.arrayNode();
        instances.keySet().forEach(u -> urls.add("/1.0/instances/" + u));
        return Answer.ok(urls);
      }
      return Answer.ok(list(instances.values()));
    }
    ObjectNode instance = find(instances, "Instance", uuid);
    if (sub == null && method.equals("GET")) {
      return new Answer(200, instance, etag(instance), null);
    }
    if ("override".equals(sub)) {
      switch (method) {
        case "GET":
          JsonNode override = instance.path("overrides");
          return new Answer(200, override, etag(override), null);
        case "PUT":
          String ifMatch = request.header("If-Match");
          String current = etag(instance.path("overrides"));
          if (ifMatch != null && !ifMatch.equals(current)) {
            throw new ApiError(
                412,
                "ETag doesn't match: "
                    + ifMatch.replace("\"", "")
                    + " vs "
                    + current.replace("\"", ""));
          }
          InstanceOverride replaced;
          try {
            replaced = Json.JSON.treeToValue(body(request), InstanceOverride.class);
          } catch (IOException | RuntimeException e) {
            throw new ApiError(400, "Bad Request: " + e.getMessage());
          }
          instance.set("overrides", Json.JSON.valueToTree(replaced.withLastUpdate(OVERRIDE_TIME)));
          return new Answer(201, empty(), null, "/1.0/instances/" + uuid + "/override");
        case "DELETE":
          instance.set("overrides", Json.JSON.valueToTree(NO_OVERRIDE));
          return Answer.ok(empty());
        default:
          break;
      }
    }
    if (method.equals("POST") && sub != null) {
      switch (sub) {
        case ":power":
          boolean on = query.equals("state=on");
          if (!on && !query.equals("state=off")) {
            throw new ApiError(400, "Bad Request: Invalid power state");
          }
          instance.put("running", on);
          return Answer.ok(empty());
        case ":enable-background-import":
          instance.put("background_import", true);
          return Answer.ok(empty());
        case ":reset-background-import":
          if (!instance.path("background_import").asBoolean()) {
            throw new ApiError(
                400, "Background import is not enabled for instance \"" + uuid + "\"");
          }
          return Answer.ok(empty());
        default:
          break;
      }
    }
    throw new ApiError(404, "Not Found");
  }

  private Answer networks(Request request, String uuid, String sub) {
    String method = request.method();
    if (uuid == null && method.equals("GET")) {
      return Answer.ok(list(networks.values()));
    }
    ObjectNode network = find(networks, "Network", uuid);
    if (sub == null) {
      switch (method) {
        case "GET":
          return new Answer(200, network, etag(network), null);
        case "DELETE":
          networks.remove(uuid);
          return Answer.ok(empty());
        default:
          break;
      }
    }
    if ("override".equals(sub) && method.equals("PUT")) {
      JsonNode override = body(request);
      String nictype = override.path("nictype").asText();
      boolean empty =
          override.path("network").asText().isEmpty()
              && nictype.isEmpty()
              && override.path("vlan_id").asText().isEmpty();
      if (!empty && !NIC_TYPES.contains(nictype)) {
        throw new ApiError(400, "Bad Request: Unknown NIC type \"" + nictype + "\"");
      }
      if (nictype.equals("managed") && !override.path("vlan_id").asText().isEmpty()) {
        throw new ApiError(400, "Bad Request: Cannot set VLAN ID with NIC type \"managed\"");
      }
      ObjectNode stored = JsonNodeFactory.instance.objectNode();
      stored.put("network", override.path("network").asText());
      stored.put("nictype", nictype);
      stored.put("vlan_id", override.path("vlan_id").asText());
      network.set("overrides", stored);
      return new Answer(201, empty(), null, "/1.0/networks/" + uuid + "/override");
    }
    if ("instances".equals(sub) && method.equals("GET")) {
      List<ObjectNode> using = new ArrayList<>();
      for (ObjectNode instance : instances.values()) {
        for (JsonNode nic : instance.path("nics")) {
          if (nic.path("uuid").asText().equals(uuid)) {
            using.add(instance);
            break;
          }
        }
      }
      return Answer.ok(list(using));
    }
    throw new ApiError(404, "Not Found");
  }

  private static ObjectNode find(Map<String, ObjectNode> store, String kind, String id) {
    ObjectNode found = store.get(id);
    if (found == null) {
      throw new ApiError(404, kind + " \"" + id + "\" not found");
    }
    return found;
  }

  private static ObjectNode withoutSecret(ObjectNode object, String secret) {
    ObjectNode copy = object.deepCopy();
    ((ObjectNode) copy.path("properties")).remove(secret);
    return copy;
  }

  private static JsonNode body(Request request) {
    try {
      return Json.JSON.readTree(request.body());
    } catch (IOException e) {
      throw new ApiError(400, "Bad Request: " + e.getMessage());
    }
  }

  private static ArrayNode list(Iterable<ObjectNode> objects) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    objects.forEach(array::add);
    return array;
  }

  private static ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The ETag of {@code object}: a hash of its JSON, quoted. */
  public static String etag(JsonNode object) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.toJson(object).getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(digest) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A success envelope carrying {@code metadata}. */
  public static String sync(JsonNode metadata) {
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.put("type", "sync");
    envelope.put("status", "Success");
    envelope.put("status_code", 200);
    envelope.put("operation", "");
    envelope.put("error_code", 0);
    envelope.put("error", "");
    envelope.set("metadata", metadata);
    return Json.toJson(envelope);
  }

  /** An error envelope with the HTTP code and the message shown to the user. */
  public static String error(int code, String message) {
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.put("type", "error");
    envelope.put("status", "");
    envelope.put("status_code", 0);
    envelope.put("operation", "");
    envelope.put("error_code", code);
    envelope.put("error", message);
    envelope.putNull("metadata");
    return Json.toJson(envelope);
  }

  /** A complete HTTP response with {@code body}, and the ETag and Location headers unless null. */
  public static String http(int status, String body, String etag, String location) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
    head.append("Content-Type: application/json\r\n");
    if (etag != null) {
      head.append("ETag: ").append(etag).append("\r\n");
    }
    if (location != null) {
      head.append("Location: ").append(location).append("\r\n");
    }
    head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
    return head + body;
  }

  private static JsonNode fixture(String name) {
    try (InputStream in = FakeInventoryServer.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return Json.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
