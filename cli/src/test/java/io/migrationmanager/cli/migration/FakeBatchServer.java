package io.migrationmanager.cli.migration;

import static io.migrationmanager.cli.inventory.FakeInventoryServer.error;
import static io.migrationmanager.cli.inventory.FakeInventoryServer.etag;
import static io.migrationmanager.cli.inventory.FakeInventoryServer.http;
import static io.migrationmanager.cli.inventory.FakeInventoryServer.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationmanager.api.Batch;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.api.QueueEntry;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.inventory.FakeInventoryServer;
import io.migrationmanager.cli.transport.TestUnixServer.Request;
import io.migrationmanager.domain.batch.BatchRules;
import io.migrationmanager.domain.batch.BatchStatus;
import io.migrationmanager.domain.error.DomainException;
import io.migrationmanager.domain.instance.InstanceFilters;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.placement.Placement;
import io.migrationmanager.domain.queue.MigrationStatus;
import io.migrationmanager.lang.expr.ExprException;
import io.migrationmanager.lang.expr.Program;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * An in-memory stand-in for the batch and queue part of {@code migration-managerd}'s REST API, in
 * front of a {@link FakeInventoryServer} that answers everything else. Batches are validated with
 * the domain's rules (against the real clock), match the inventory's instances with the real filter
 * language while {@code Defined}, carry an ETag and refuse a stale {@code If-Match}; starting one
 * queues its matched instances that no other batch has queued, at {@link #UPDATE_TIME}. The queue
 * actions follow spec §6.10. What the server plans for a batch is given by the test ({@link
 * #plan}).
 */
final class FakeBatchServer implements Function<Request, String> {

  /** When the fake last heard of every queue entry it creates. */
  static final Instant UPDATE_TIME = Instant.parse("2025-11-19T00:10:00Z");

  private static final Set<MigrationStatus> COMMITTED =
      Set.of(
          MigrationStatus.FINAL_IMPORT, MigrationStatus.POST_IMPORT, MigrationStatus.WORKER_DONE);

  private final FakeInventoryServer inventory;
  private final Map<String, Batch> batches = new LinkedHashMap<>();
  private final Map<String, List<UUID>> assigned = new HashMap<>();
  private final Map<UUID, QueueEntry> queue = new LinkedHashMap<>();
  private final Map<String, JsonNode> plans = new HashMap<>();

  /** An answer: HTTP status, envelope metadata, optional ETag and Location. */
  private record Answer(int status, JsonNode metadata, String etag, String location) {
    static Answer ok(JsonNode metadata) {
      return new Answer(200, metadata, null, null);
    }
  }

  /** A failure raised by a handler, turned into an error envelope. */
  private static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    ApiError(int code, String message) {
      super(message);
      this.code = code;
    }
  }

  FakeBatchServer(FakeInventoryServer inventory) {
    this.inventory = inventory;
  }

  FakeInventoryServer inventory() {
    return inventory;
  }

  /** The stored batch. */
  Batch batch(String name) {
    return batches.get(name);
  }

  /** The stored queue entry of instance {@code uuid}. */
  QueueEntry entry(String uuid) {
    return queue.get(UUID.fromString(uuid));
  }

  /** The ETag batch {@code name} has now. */
  String batchEtag(String name) {
    return etag(Json.JSON.valueToTree(batches.get(name)));
  }

  /** Gives the queue entry of instance {@code uuid} another status, as its migration would. */
  void setStatus(String uuid, String status) {
    QueueEntry entry = entry(uuid);
    put(entry, MigrationStatus.parse(status), entry.migrationStatusMessage());
  }

  /** Replaces the queue with the entries of a fixture ({@code fixtures/<name>}). */
  void loadQueue(String fixture) {
    queue.clear();
    for (QueueEntry entry : Json.convert(fixture(fixture), QueueEntry[].class)) {
      queue.put(entry.instanceUuid(), entry);
    }
  }

  /** What {@code GET /1.0/batches/<batch>/:plan} answers: a fixture ({@code fixtures/<name>}). */
  void plan(String batch, String fixture) {
    plans.put(batch, fixture(fixture));
  }

  @Override
  public synchronized String apply(Request request) {
    int query = request.path().indexOf('?');
    String path = query < 0 ? request.path() : request.path().substring(0, query);
    String queryString = query < 0 ? "" : request.path().substring(query + 1);
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
      }
    }
    if (segments.size() < 2
        || !segments.get(0).equals("1.0")
        || !Set.of("batches", "queue").contains(segments.get(1))) {
      return inventory.apply(request);
    }
    try {
      String id = segments.size() > 2 ? segments.get(2) : null;
      String sub = segments.size() > 3 ? segments.get(3) : null;
      Answer answer =
          segments.get(1).equals("batches")
              ? batches(request, id, sub, queryString)
              : queue(request, id, sub, queryString);
      return http(answer.status(), sync(answer.metadata()), answer.etag(), answer.location());
    } catch (ApiError e) {
      return http(e.code, error(e.code, e.getMessage()), null, null);
    } catch (RuntimeException e) {
      return http(500, error(500, "Fake server failure: " + e), null, null);
    }
  }

  private Answer batches(Request request, String name, String sub, String query) {
    String method = request.method();
    if (name == null) {
      if (method.equals("GET")) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Batch batch : batches.values()) {
          if (query.contains("recursion=1")) {
            list.add(Json.JSON.valueToTree(batch));
          } else {
            list.add("/1.0/batches/" + batch.name());
          }
        }
        return Answer.ok(list);
      }
      if (method.equals("POST")) {
        BatchPut put = BatchRules.withDefaults(readPut(request));
        if (batches.containsKey(put.name())) {
          throw new ApiError(409, "Batch " + q(put.name()) + " already exists");
        }
        validate(() -> BatchRules.validateCreate(put, Instant.now()));
        batches.put(put.name(), Batch.of(put, BatchStatus.DEFINED, "Defined", null));
        assign(put.name());
        return new Answer(201, empty(), null, "/1.0/batches/" + put.name());
      }
    }
    Batch batch = find(name);
    if (sub == null) {
      switch (method) {
        case "GET":
          JsonNode shown = Json.JSON.valueToTree(batch);
          return new Answer(200, shown, etag(shown), null);
        case "PUT":
          return update(request, batch);
        case "DELETE":
          if (batch.status() == BatchStatus.RUNNING) {
            throw new ApiError(400, "Cannot delete batch " + q(name) + ": Currently running");
          }
          batches.remove(name);
          queue.values().removeIf(e -> e.batchName().equals(name));
          return Answer.ok(empty());
        default:
          break;
      }
    }
    if (method.equals("GET") && "instances".equals(sub)) {
      ArrayNode matched = JsonNodeFactory.instance.arrayNode();
      for (ObjectNode instance : inventory.instances()) {
        if (assigned.get(name).contains(UUID.fromString(instance.path("uuid").asText()))) {
          matched.add(instance);
        }
      }
      return Answer.ok(matched);
    }
    if (method.equals("GET") && ":plan".equals(sub)) {
      JsonNode plan = plans.get(name);
      if (plan == null) {
        throw new ApiError(500, "The test set no plan for batch " + q(name));
      }
      return Answer.ok(plan);
    }
    if (method.equals("POST") && sub != null) {
      switch (sub) {
        case ":start":
          return start(batch);
        case ":stop":
          if (batch.status() != BatchStatus.RUNNING) {
            throw new ApiError(
                400,
                "Cannot stop batch " + q(name) + " in its current state '" + batch.status() + "'");
          }
          batches.put(
              name, Batch.of(batch.put(), BatchStatus.STOPPED, "Stopped", batch.startDate()));
          return Answer.ok(empty());
        case ":reset":
          return reset(batch, query.equals("force=1"));
        default:
          break;
      }
    }
    throw new ApiError(404, "Not Found");
  }

  private Answer update(Request request, Batch batch) {
    String ifMatch = request.header("If-Match");
    String current = batchEtag(batch.name());
    if (ifMatch != null && !ifMatch.equals(current)) {
      throw new ApiError(
          412,
          "ETag doesn't match: " + ifMatch.replace("\"", "") + " vs " + current.replace("\"", ""));
    }
    BatchPut next = BatchRules.withDefaults(readPut(request));
    validate(() -> BatchRules.validateUpdate(batch.put(), next, Instant.now()));
    boolean defined = batch.status() == BatchStatus.DEFINED;
    if (!defined && !next.name().equals(batch.name())) {
      throw new ApiError(400, "Cannot rename running batch " + q(batch.name()));
    }
    if (!defined && !next.includeExpression().equals(batch.includeExpression())) {
      throw new ApiError(
          400, "Cannot modify include expression of running batch " + q(batch.name()));
    }
    batches.remove(batch.name());
    batches.put(
        next.name(), Batch.of(next, batch.status(), batch.statusMessage(), batch.startDate()));
    if (defined) {
      assigned.remove(batch.name());
      assign(next.name());
    }
    return new Answer(201, empty(), null, "/1.0/batches/" + next.name());
  }

  /** Assigns the inventory's instances that match the batch's include expression. */
  private void assign(String name) {
    Program program = InstanceFilters.compile(batches.get(name).includeExpression());
    List<UUID> matched = new ArrayList<>();
    for (ObjectNode instance : inventory.instances()) {
      InstanceRecord record = record(instance);
      try {
        if (program.runBool(InstanceFilters.environment(record))) {
          matched.add(record.uuid());
        }
      } catch (ExprException e) {
        // An instance the expression cannot be evaluated on does not match.
      }
    }
    assigned.put(name, matched);
  }

  private static InstanceRecord record(ObjectNode instance) {
    InstanceProperties properties = Json.convert(instance, InstanceProperties.class);
    InstanceOverride override = Json.convert(instance.path("overrides"), InstanceOverride.class);
    return new InstanceRecord(
        properties.uuid(),
        instance.path("source").asText(),
        instance.path("source_type").asText(),
        null,
        override,
        properties);
  }

  private Answer start(Batch batch) {
    String name = batch.name();
    if (batch.status() == BatchStatus.RUNNING || batch.status() == BatchStatus.FINISHED) {
      throw new ApiError(
          400, "Cannot start batch " + q(name) + " in its current state '" + batch.status() + "'");
    }
    List<ObjectNode> candidates = new ArrayList<>();
    for (ObjectNode instance : inventory.instances()) {
      UUID uuid = UUID.fromString(instance.path("uuid").asText());
      if (assigned.get(name).contains(uuid) && !queue.containsKey(uuid)) {
        candidates.add(instance);
      }
    }
    if (candidates.isEmpty()) {
      throw new ApiError(400, "Cannot start batch " + q(name) + " with no instances");
    }
    for (ObjectNode instance : candidates) {
      boolean disabled = instance.path("overrides").path("disable_migration").asBoolean();
      QueueEntry entry =
          new QueueEntry(
              UUID.fromString(instance.path("uuid").asText()),
              instance.path("name").asText(),
              (disabled ? MigrationStatus.BLOCKED : MigrationStatus.WAITING).wire(),
              disabled ? "Migration is manually disabled" : "Performing initial migration checks",
              name,
              UPDATE_TIME,
              MigrationWindow.EMPTY,
              placement(batch, instance));
      queue.put(entry.instanceUuid(), entry);
    }
    batches.put(name, Batch.of(batch.put(), BatchStatus.RUNNING, "Running", Instant.now()));
    return Answer.ok(empty());
  }

  /** The batch's default placement, every NIC on the network's target network. */
  private static Placement placement(Batch batch, ObjectNode instance) {
    Map<String, String> pools = new TreeMap<>();
    for (JsonNode disk : instance.path("disks")) {
      pools.put(disk.path("name").asText(), batch.defaults().placement().storagePool());
    }
    Map<String, NetworkPlacement> networks = new TreeMap<>();
    for (JsonNode nic : instance.path("nics")) {
      networks.put(
          nic.path("hardware_address").asText(), new NetworkPlacement("incusbr0", "managed", ""));
    }
    return Placement.of(
        batch.defaults().placement().target(),
        batch.defaults().placement().targetProject(),
        pools,
        networks,
        instance.path("running").asBoolean());
  }

  private Answer reset(Batch batch, boolean force) {
    if (batch.status() == BatchStatus.DEFINED) {
      return Answer.ok(empty());
    }
    boolean committed =
        queue.values().stream()
            .anyMatch(
                e ->
                    e.batchName().equals(batch.name())
                        && COMMITTED.contains(MigrationStatus.parse(e.migrationStatus())));
    if (committed && !force) {
      throw new ApiError(
          400, "Queue entries have already begun final import or post-migration steps");
    }
    queue.values().removeIf(e -> e.batchName().equals(batch.name()));
    batches.put(batch.name(), Batch.of(batch.put(), BatchStatus.DEFINED, "Defined", null));
    return Answer.ok(empty());
  }

  private Answer queue(Request request, String uuid, String action, String query) {
    String method = request.method();
    if (uuid == null && method.equals("GET")) {
      List<QueueEntry> sorted = new ArrayList<>(queue.values());
      sorted.sort(
          Comparator.comparing(QueueEntry::batchName).thenComparing(QueueEntry::instanceName));
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      for (QueueEntry entry : sorted) {
        if (query.contains("recursion=1")) {
          list.add(Json.JSON.valueToTree(entry));
        } else {
          list.add("/1.0/queue/" + entry.instanceUuid());
        }
      }
      return Answer.ok(list);
    }
    QueueEntry entry = queue.get(UUID.fromString(uuid));
    if (entry == null) {
      throw new ApiError(404, "Queue entry " + q(uuid) + " not found");
    }
    MigrationStatus status = MigrationStatus.parse(entry.migrationStatus());
    if (action == null) {
      switch (method) {
        case "GET":
          return Answer.ok(Json.JSON.valueToTree(entry));
        case "DELETE":
          if (status.isMigrating()) {
            throw new ApiError(
                400, "Cannot delete queue entry " + q(uuid) + ": Currently in a migration phase");
          }
          queue.remove(entry.instanceUuid());
          return Answer.ok(empty());
        default:
          break;
      }
    }
    if (method.equals("POST") && action != null) {
      switch (action) {
        case ":cancel":
          if (status == MigrationStatus.FINISHED) {
            throw new ApiError(400, "Queue entry " + q(uuid) + " is already finished");
          }
          put(entry, MigrationStatus.CANCELED, entry.migrationStatusMessage());
          return Answer.ok(empty());
        case ":retry":
          if (status != MigrationStatus.CANCELED) {
            throw new ApiError(
                400, "Queue entry " + q(uuid) + " has not been cancelled and cleaned up");
          }
          put(entry, MigrationStatus.WAITING, "Performing initial migration checks");
          return Answer.ok(empty());
        case ":resolve":
          if (status != MigrationStatus.CONFLICT) {
            throw new ApiError(400, "Queue entry " + q(uuid) + " has no conflict");
          }
          put(entry, MigrationStatus.WAITING, MigrationStatus.CONFLICT_RESOLVED_MESSAGE);
          return Answer.ok(empty());
        default:
          break;
      }
    }
    throw new ApiError(404, "Not Found");
  }

  /** Stores {@code entry} with a new status and message, its window cleared. */
  private void put(QueueEntry entry, MigrationStatus status, String message) {
    queue.put(
        entry.instanceUuid(),
        new QueueEntry(
            entry.instanceUuid(),
            entry.instanceName(),
            status.wire(),
            message,
            entry.batchName(),
            UPDATE_TIME,
            MigrationWindow.EMPTY,
            entry.placement()));
  }

  private Batch find(String name) {
    Batch batch = batches.get(name);
    if (batch == null) {
      throw new ApiError(404, "Batch " + q(name) + " not found");
    }
    return batch;
  }

  /** The body as a batch, read as strictly as the server reads it. */
  private static BatchPut readPut(Request request) {
    try {
      return Json.JSON
          .readerFor(BatchPut.class)
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(request.body());
    } catch (IOException e) {
      throw new ApiError(400, "Bad Request: " + e.getMessage());
    }
  }

  private static void validate(Runnable rules) {
    try {
      rules.run();
    } catch (DomainException e) {
      throw new ApiError(e.httpStatus(), e.getMessage());
    }
  }

  private static ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }

  private static String q(String text) {
    return "\"" + text + "\"";
  }

  private static JsonNode fixture(String name) {
    try (InputStream in = FakeBatchServer.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return Json.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
