package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationmanager.domain.source.ConnectivityStatus;
import io.migrationmanager.tls.CertificateProbe;
import io.migrationmanager.tls.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * A client of one Incus server's REST API (the calls of spec §9.1), over HTTPS with a TLS client certificate.
 *
 * <p>Instances are immutable and thread-safe; {@link #useProject} and {@link #useTarget} return scoped copies
 * that share the HTTP connection pool (like the Go client's {@code UseProject}/{@code UseTarget}). Calls that
 * Incus runs as background operations wait for them ({@code GET /1.0/operations/<id>/wait}, in chunks, up to
 * the operation timeout) and return the finished {@link IncusOperation}. Every failure is an {@link
 * IncusException}: the Incus status code (404 not found, 409 conflict, 412 ETag mismatch, ...) or {@code 0}
 * for transport failures, and a message {@code Failed to <what> on target "<endpoint>": <incus message>}.
 */
public final class IncusClient {
  /** How long a call waits for its background operation unless configured otherwise. */
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofHours(1);

  /** The longest single {@code /wait} request, in seconds; longer waits are repeated requests. */
  static final long WAIT_CHUNK_SECONDS = 30;

  /** Timeout of the connectivity check's {@code GET /1.0} (spec §2.3: Connect with a 30 s timeout). */
  private static final Duration CONNECTIVITY_TIMEOUT = Duration.ofSeconds(30);

  /** Timeout of the insecure handshake that fetches an untrusted server certificate. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final IncusConnection connection;
  private final HttpClient http;
  private final String project;
  private final String target;
  private final Duration operationTimeout;

  /** A client for {@code connection}, in the default project, without a cluster target. */
  public IncusClient(IncusConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(IncusTls.clientContext(connection))
            .connectTimeout(connection.connectionTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
    this.project = "";
    this.target = "";
    this.operationTimeout = DEFAULT_OPERATION_TIMEOUT;
  }

  private IncusClient(IncusClient base, String project, String target, Duration operationTimeout) {
    this.connection = base.connection;
    this.http = base.http;
    this.project = project;
    this.target = target;
    this.operationTimeout = operationTimeout;
  }

  /** A copy that adds {@code ?project=<project>} to project-scoped calls; empty or null means default. */
  public IncusClient useProject(String newProject) {
    return new IncusClient(this, Immutables.string(newProject), target, operationTimeout);
  }

  /** A copy that adds {@code ?target=<member>} where spec §9.1 uses it; empty or null means none. */
  public IncusClient useTarget(String newTarget) {
    return new IncusClient(this, project, Immutables.string(newTarget), operationTimeout);
  }

  /** A copy that waits at most {@code timeout} for each background operation. */
  public IncusClient withOperationTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("operation timeout must be positive: " + timeout);
    }
    return new IncusClient(this, project, target, timeout);
  }

  /** The server URL. */
  public URI endpoint() {
    return connection.endpoint();
  }

  /** The project calls are scoped to ({@code default} unless {@link #useProject} chose another). */
  public String project() {
    return project.isEmpty() ? "default" : project;
  }

  /** The cluster member calls are directed to, or empty. */
  public String target() {
    return target;
  }

  // ---------------------------------------------------------------------------------------------------
  // Server, connectivity

  /** {@code GET /1.0}: authentication state, version and storage drivers. */
  public IncusServerInfo serverInfo() {
    return serverInfo(connection.connectionTimeout());
  }

  private IncusServerInfo serverInfo(Duration timeout) {
    JsonNode m = send("get server information", get(uri(api(), new Query())), timeout).metadata();
    JsonNode env = m.path("environment");
    List<IncusStorageDriver> drivers = new ArrayList<>();
    for (JsonNode d : env.path("storage_supported_drivers")) {
      drivers.add(
          new IncusStorageDriver(
              d.path("Name").asText(), d.path("Version").asText(), d.path("Remote").asBoolean()));
    }
    return new IncusServerInfo(
        m.path("auth").asText(),
        strings(m.path("auth_methods")),
        m.path("api_version").asText(),
        env.path("server_version").asText(),
        env.path("server_name").asText(),
        env.path("server_clustered").asBoolean(),
        strings(env.path("architectures")),
        drivers,
        env.path("certificate_fingerprint").asText());
  }

  /**
   * Checks that the server answers and trusts this client (spec §2.3): {@code GET /1.0} (30 s) must report
   * {@code auth: "trusted"}, else {@code Authentication error} with {@code Failed to connect to endpoint
   * "<endpoint>": not authorized}. When the server certificate is not trusted, fetches it with an insecure
   * handshake: if its fingerprint is not the configured trusted fingerprint the result is {@code Confirm TLS
   * fingerprint} with the certificate; if it is (but the certificate was not stored yet) the check is repeated
   * pinned to it and the result carries the certificate to store; if the probe fails, {@code TLS error}.
   * Other failures map as {@link #connectivityStatusOf} says. Never throws.
   */
  public IncusConnectivity checkConnectivity() {
    try {
      IncusServerInfo info = serverInfo(min(connection.connectionTimeout(), CONNECTIVITY_TIMEOUT));
      if (!info.trusted()) {
        return new IncusConnectivity(
            ConnectivityStatus.AUTHENTICATION_ERROR,
            "Failed to connect to endpoint \"" + endpoint() + "\": not authorized",
            null);
      }
      return new IncusConnectivity(ConnectivityStatus.OK, "", null);
    } catch (IncusException e) {
      ConnectivityStatus status = connectivityStatusOf(e);
      if (status == ConnectivityStatus.TLS_ERROR) {
        return checkUntrustedCertificate(e);
      }
      return new IncusConnectivity(status, e.getMessage(), null);
    } catch (RuntimeException e) {
      return new IncusConnectivity(ConnectivityStatus.UNKNOWN, String.valueOf(e.getMessage()), null);
    }
  }

  private IncusConnectivity checkUntrustedCertificate(IncusException failure) {
    X509Certificate presented;
    try {
      presented = CertificateProbe.fetch(endpoint(), PROBE_TIMEOUT);
    } catch (IOException probeFailure) {
      return new IncusConnectivity(ConnectivityStatus.TLS_ERROR, failure.getMessage(), null);
    }
    String fingerprint = Pem.fingerprint(presented);
    String confirmed =
        Pem.canonicalFingerprint(connection.trustedServerCertificateFingerprint());
    if (!fingerprint.equals(confirmed)) {
      return new IncusConnectivity(
          ConnectivityStatus.CONFIRM_TLS_FINGERPRINT,
          "Server presented an untrusted TLS certificate with SHA256 fingerprint " + fingerprint,
          presented);
    }
    X509Certificate pinned = IncusTls.pinnedCertificate(connection);
    if (pinned != null && pinned.equals(presented)) {
      return new IncusConnectivity(ConnectivityStatus.TLS_ERROR, failure.getMessage(), null);
    }
    byte[] der;
    try {
      der = presented.getEncoded();
    } catch (CertificateEncodingException e) {
      return new IncusConnectivity(ConnectivityStatus.TLS_ERROR, e.getMessage(), null);
    }
    IncusConnectivity retried =
        new IncusClient(connection.withTrustedServerCertificate(der, fingerprint))
            .checkConnectivity();
    return new IncusConnectivity(retried.status(), retried.message(), presented);
  }

  /**
   * Maps a failure to a connectivity status like the original's {@code MapExternalConnectivityStatusToStatus}
   * (spec §2.1): {@code null} → OK; certificate verification failure → TLS error; transport failure (refused,
   * unreachable, DNS, timeout, other TLS failures) → Cannot connect; a message containing {@code not
   * authorized} → Authentication error; anything else → Unknown.
   */
  public static ConnectivityStatus connectivityStatusOf(Throwable failure) {
    if (failure == null) {
      return ConnectivityStatus.OK;
    }
    if (hasCause(failure, CertificateException.class)) {
      return ConnectivityStatus.TLS_ERROR;
    }
    if ((failure instanceof IncusException e && e.isTransportFailure())
        || hasCause(failure, ConnectException.class)
        || hasCause(failure, UnknownHostException.class)
        || hasCause(failure, UnresolvedAddressException.class)
        || hasCause(failure, NoRouteToHostException.class)
        || hasCause(failure, SocketTimeoutException.class)
        || hasCause(failure, HttpTimeoutException.class)) {
      return ConnectivityStatus.CANNOT_CONNECT;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("not authorized")) {
        return ConnectivityStatus.AUTHENTICATION_ERROR;
      }
    }
    return ConnectivityStatus.UNKNOWN;
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> kind) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (kind.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------------
  // Projects, pools, networks, cluster

  /** {@code GET /1.0/projects?recursion=1}. */
  public List<IncusProject> listProjects() {
    return list("list projects", uri(api("projects"), new Query().add("recursion", "1")), IncusProject.class);
  }

  /** {@code GET /1.0/storage-pools?recursion=1}: every pool with its driver. */
  public List<IncusStoragePool> listStoragePools() {
    return list(
        "list storage pools",
        uri(api("storage-pools"), new Query().add("recursion", "1")),
        IncusStoragePool.class);
  }

  /** {@code GET /1.0/storage-pools/<pool>}. */
  public IncusStoragePool getStoragePool(String pool) {
    String what = "get storage pool " + q(pool);
    return read(what, send(what, get(uri(api("storage-pools", pool), new Query()))), IncusStoragePool.class);
  }

  /** {@code GET /1.0/networks?recursion=1&project=}: managed and host networks as the project sees them. */
  public List<IncusNetwork> listNetworks() {
    return list(
        "list networks in project " + q(project()),
        uri(api("networks"), projectQuery().add("recursion", "1")),
        IncusNetwork.class);
  }

  /** {@code GET /1.0/networks/<name>?project=}. */
  public IncusNetwork getNetwork(String name) {
    String what = "get network " + q(name) + " in project " + q(project());
    return read(what, send(what, get(uri(api("networks", name), projectQuery()))), IncusNetwork.class);
  }

  /**
   * {@code GET /1.0/cluster}, then {@code GET /1.0/cluster/members?recursion=1}: the cluster members, or an
   * empty list when the server is not clustered.
   */
  public List<IncusClusterMember> listClusterMembers() {
    String what = "get cluster information";
    JsonNode cluster = send(what, get(uri(api("cluster"), new Query()))).metadata();
    if (!cluster.path("enabled").asBoolean()) {
      return List.of();
    }
    return list(
        "list cluster members",
        uri(api("cluster", "members"), new Query().add("recursion", "1")),
        IncusClusterMember.class);
  }

  // ---------------------------------------------------------------------------------------------------
  // Instances

  /** {@code GET /1.0/instances?project=}: instance names. */
  public List<String> listInstanceNames() {
    String what = "list instances in project " + q(project());
    JsonNode urls = send(what, get(uri(api("instances"), projectQuery()))).metadata();
    List<String> names = new ArrayList<>();
    for (JsonNode url : urls) {
      names.add(lastSegment(url.asText()));
    }
    return names;
  }

  /** {@code GET /1.0/instances/<name>?project=}: the instance and its ETag. */
  public IncusEtagged<IncusInstance> getInstance(String name) {
    String what = "get instance " + q(name) + " in project " + q(project());
    Reply reply = send(what, get(uri(api("instances", name), projectQuery())));
    return new IncusEtagged<>(
        read(what, reply, IncusInstance.class), reply.response.headers().firstValue("ETag").orElse(""));
  }

  /**
   * {@code POST /1.0/instances?project=&target=} and wait: creates an instance (spec §9.2).
   *
   * @return the finished operation
   */
  public IncusOperation createInstance(IncusInstancesPost request) {
    String what = "create instance " + q(request.name()) + " in project " + q(project());
    return sendAndWait(what, post(uri(api("instances"), targetQuery()), json(request)));
  }

  /**
   * {@code PUT /1.0/instances/<name>?project=&target=} and wait: replaces the writable fields.
   *
   * @param etag the ETag from {@link #getInstance} for a conditional update ({@code If-Match}; 412 if the
   *     instance changed meanwhile), or {@code null}/empty for an unconditional one
   */
  public IncusOperation updateInstance(String name, IncusInstancePut instance, String etag) {
    String what = "update instance " + q(name) + " in project " + q(project());
    HttpRequest.Builder request = put(uri(api("instances", name), targetQuery()), json(instance));
    if (etag != null && !etag.isEmpty()) {
      request.header("If-Match", etag);
    }
    return sendAndWait(what, request);
  }

  /** {@code GET /1.0/instances/<name>/state?project=}. */
  public IncusInstanceState getInstanceState(String name) {
    String what = "get state of instance " + q(name) + " in project " + q(project());
    return read(
        what,
        send(what, get(uri(api("instances", name, "state"), projectQuery()))),
        IncusInstanceState.class);
  }

  /** {@code PUT /1.0/instances/<name>/state?project=} and wait. */
  public IncusOperation changeInstanceState(String name, IncusInstanceStatePut change) {
    String what = change.action() + " instance " + q(name) + " in project " + q(project());
    return sendAndWait(what, put(uri(api("instances", name, "state"), projectQuery()), json(change)));
  }

  /** {@code PUT /1.0/instances/<name>/state {action: start, timeout: -1}} and wait. */
  public IncusOperation startInstance(String name) {
    return changeInstanceState(name, IncusInstanceStatePut.start());
  }

  /** {@code PUT /1.0/instances/<name>/state {action: stop, timeout: -1, force}} and wait. */
  public IncusOperation stopInstance(String name, boolean force) {
    return changeInstanceState(name, IncusInstanceStatePut.stop(force));
  }

  /**
   * {@code DELETE /1.0/instances/<name>?project=} and wait. A missing instance fails with {@link
   * IncusException#isNotFound()}; a running one with 400 {@code Instance is running}.
   */
  public IncusOperation deleteInstance(String name) {
    String what = "delete instance " + q(name) + " in project " + q(project());
    return sendAndWait(what, delete(uri(api("instances", name), projectQuery())));
  }

  /**
   * {@code POST /1.0/instances/<name>/exec?project=} with {@code wait-for-websocket: false, interactive:
   * false}, and wait: runs a command in the running instance without attaching to it.
   *
   * @return the command's exit code (the operation's {@code metadata.return})
   */
  public int exec(String name, List<String> command) {
    String what = "run " + command + " in instance " + q(name) + " in project " + q(project());
    ObjectNode body = MAPPER.createObjectNode();
    body.set("command", MAPPER.valueToTree(command));
    body.set("environment", MAPPER.createObjectNode());
    body.put("wait-for-websocket", false);
    body.put("interactive", false);
    body.put("record-output", false);
    IncusOperation op =
        sendAndWait(what, post(uri(api("instances", name, "exec"), projectQuery()), json(body)));
    Object code = op.metadata().get("return");
    if (!(code instanceof Number n)) {
      throw IncusException.of(500, what, endpoint(), "the operation reported no exit code");
    }
    return n.intValue();
  }

  // ---------------------------------------------------------------------------------------------------
  // Storage volumes

  /** {@code GET /1.0/storage-pools/<pool>/volumes?recursion=1&project=&target=}: volumes of every type. */
  public List<IncusStorageVolume> listStorageVolumes(String pool) {
    return list(
        "list volumes of storage pool " + q(pool) + " in project " + q(project()),
        uri(api("storage-pools", pool, "volumes"), targetQuery().add("recursion", "1")),
        IncusStorageVolume.class);
  }

  /** {@code GET /1.0/storage-pools/<pool>/volumes/custom/<name>?project=&target=}. */
  public IncusStorageVolume getCustomVolume(String pool, String name) {
    String what = "get custom volume " + q(name) + " in pool " + q(pool);
    return read(
        what,
        send(what, get(uri(api("storage-pools", pool, "volumes", "custom", name), targetQuery()))),
        IncusStorageVolume.class);
  }

  /**
   * {@code POST /1.0/storage-pools/<pool>/volumes/custom?project=&target=} (waits when Incus answers with an
   * operation). An existing name fails with {@link IncusException#isConflict()}.
   */
  public void createCustomVolume(String pool, IncusStorageVolumesPost volume) {
    String what = "create custom volume " + q(volume.name()) + " in pool " + q(pool);
    sendAndWait(
        what, post(uri(api("storage-pools", pool, "volumes", "custom"), targetQuery()), json(volume)));
  }

  /**
   * {@code DELETE /1.0/storage-pools/<pool>/volumes/custom/<name>?project=&target=} (waits when Incus answers
   * with an operation). A missing volume fails with {@link IncusException#isNotFound()}.
   */
  public void deleteCustomVolume(String pool, String name) {
    String what = "delete custom volume " + q(name) + " in pool " + q(pool);
    sendAndWait(
        what, delete(uri(api("storage-pools", pool, "volumes", "custom", name), targetQuery())));
  }

  /**
   * {@code POST /1.0/storage-pools/<pool>/volumes/custom?project=&target=} with {@code Content-Type:
   * application/octet-stream} and {@code X-Incus-name: <name>}, body = the backup tarball, and wait: restores
   * a custom volume from a backup (spec §9.1, worker volume import).
   */
  public IncusOperation importCustomVolume(String pool, String name, IncusBackupTarball tarball) {
    BodyPublisher body =
        BodyPublishers.fromPublisher(
            BodyPublishers.ofInputStream(
                () -> {
                  try {
                    return tarball.open();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }),
            tarball.length());
    return importCustomVolume(pool, name, body);
  }

  /** As {@link #importCustomVolume(String, String, IncusBackupTarball)}, from a tarball file. */
  public IncusOperation importCustomVolume(String pool, String name, Path tarballFile) {
    try {
      return importCustomVolume(pool, name, BodyPublishers.ofFile(tarballFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private IncusOperation importCustomVolume(String pool, String name, BodyPublisher body) {
    String what = "import custom volume " + q(name) + " into pool " + q(pool);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(api("storage-pools", pool, "volumes", "custom"), targetQuery()))
            .POST(body)
            .header("Content-Type", "application/octet-stream")
            .header("X-Incus-name", name);
    return sendAndWait(what, request, operationTimeout);
  }

  /**
   * Writes an uncompressed backup tarball of a custom volume to {@code out} (for block volumes it holds
   * {@code backup/volume.img}): {@code POST .../volumes/custom/<name>/backups} ({@code volume_only}, no
   * compression) and wait, {@code GET .../backups/<backup>/export}, then {@code DELETE .../backups/<backup>}.
   * Not used by migrations; it lets tests read volume content back.
   */
  public void exportCustomVolume(String pool, String name, OutputStream out) {
    String what = "export custom volume " + q(name) + " from pool " + q(pool);
    String backup = "mm-export-" + UUID.randomUUID();
    ObjectNode body = MAPPER.createObjectNode();
    body.put("name", backup);
    body.put("volume_only", true);
    body.put("optimized_storage", false);
    body.put("compression_algorithm", "none");
    String[] backups = {"storage-pools", pool, "volumes", "custom", name, "backups"};
    sendAndWait(what, post(uri(api(backups), targetQuery()), json(body)));
    try {
      URI export = uri(api(append(backups, backup, "export")), targetQuery());
      HttpResponse<InputStream> response =
          exchange(what, get(export).timeout(operationTimeout), BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw failure(what, response.statusCode(), in.readAllBytes());
        }
        in.transferTo(out);
      } catch (IOException e) {
        throw IncusException.transport(what, endpoint(), e);
      }
    } finally {
      sendAndWait(what, delete(uri(api(append(backups, backup)), targetQuery())));
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Operations

  /** {@code GET /1.0/operations/<id>}. */
  public IncusOperation getOperation(String id) {
    String what = "get operation " + q(id);
    return read(what, send(what, get(uri(api("operations", id), new Query()))), IncusOperation.class);
  }

  /**
   * Waits for an operation through {@code GET /1.0/operations/<id>/wait?timeout=N} (N at most 30 s per request)
   * until it finished or {@code timeout} passed. A failed operation throws {@link IncusException} with the
   * status Incus gives its error; running past {@code timeout} throws a transport failure.
   */
  public IncusOperation waitOperation(String id, Duration timeout) {
    return waitOperation("wait for operation " + q(id), id, timeout);
  }

  private IncusOperation waitOperation(String what, String id, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      long remaining = Duration.between(Instant.now(), deadline).toSeconds();
      long chunk = Math.max(1, Math.min(WAIT_CHUNK_SECONDS, remaining));
      URI wait = uri(api("operations", id, "wait"), new Query().add("timeout", Long.toString(chunk)));
      IncusOperation op =
          read(
              what,
              send(what, get(wait), connection.connectionTimeout().plusSeconds(chunk)),
              IncusOperation.class);
      if (op.done()) {
        if (!op.succeeded()) {
          throw IncusException.of(500, what, endpoint(), op.err().isEmpty() ? op.status() : op.err());
        }
        return op;
      }
      if (!Instant.now().isBefore(deadline)) {
        throw IncusException.transport(
            what,
            endpoint(),
            new TimeoutException("operation " + id + " still running after " + timeout));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // HTTP plumbing

  /** A parsed Incus response envelope. */
  private record Reply(HttpResponse<byte[]> response, JsonNode envelope) {
    JsonNode metadata() {
      return envelope.path("metadata");
    }

    boolean async() {
      return "async".equals(envelope.path("type").asText());
    }
  }

  private Reply send(String what, HttpRequest.Builder request) {
    return send(what, request, connection.connectionTimeout());
  }

  private Reply send(String what, HttpRequest.Builder request, Duration timeout) {
    HttpResponse<byte[]> response =
        exchange(what, request.timeout(timeout), BodyHandlers.ofByteArray());
    JsonNode envelope;
    try {
      envelope = MAPPER.readTree(response.body());
    } catch (IOException e) {
      envelope = null;
    }
    if (envelope == null || !envelope.isObject()) {
      throw failure(what, response.statusCode(), response.body());
    }
    if (response.statusCode() >= 400 || "error".equals(envelope.path("type").asText())) {
      int code = envelope.path("error_code").asInt(0);
      throw IncusException.of(
          code > 0 ? code : response.statusCode(), what, endpoint(), envelope.path("error").asText());
    }
    return new Reply(response, envelope);
  }

  private <T> HttpResponse<T> exchange(
      String what, HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request.header("Accept", "application/json").build(), handler);
    } catch (IOException | UncheckedIOException e) {
      throw IncusException.transport(what, endpoint(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw IncusException.transport(what, endpoint(), e);
    }
  }

  private IncusException failure(String what, int status, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    try {
      JsonNode envelope = MAPPER.readTree(body);
      if (envelope != null && envelope.hasNonNull("error")) {
        text = envelope.path("error").asText();
      }
    } catch (IOException e) {
      // Not JSON: report the raw text below.
    }
    if (text.length() > 200) {
      text = text.substring(0, 200) + "...";
    }
    return IncusException.of(status, what, endpoint(), "unexpected HTTP " + status + " answer: " + text);
  }

  private IncusOperation sendAndWait(String what, HttpRequest.Builder request) {
    return sendAndWait(what, request, connection.connectionTimeout());
  }

  /**
   * Sends and, when Incus answers with an operation, waits for it. A synchronous success is reported as an
   * already finished operation without id.
   */
  private IncusOperation sendAndWait(String what, HttpRequest.Builder request, Duration timeout) {
    Reply reply = send(what, request, timeout);
    if (!reply.async()) {
      return new IncusOperation(
          "", "task", "", "Success", IncusOperation.SUCCESS, "", null, null, "", false, "", "");
    }
    String id = lastSegment(reply.envelope.path("operation").asText());
    return waitOperation(what, id, operationTimeout);
  }

  private <T> T read(String what, Reply reply, Class<T> type) {
    try {
      return MAPPER.treeToValue(reply.metadata(), type);
    } catch (JsonProcessingException e) {
      throw IncusException.of(500, what, endpoint(), "unexpected answer: " + e.getOriginalMessage());
    }
  }

  private <T> List<T> list(String what, URI uri, Class<T> type) {
    JsonNode items = send(what, get(uri)).metadata();
    List<T> result = new ArrayList<>();
    for (JsonNode item : items) {
      try {
        result.add(MAPPER.treeToValue(item, type));
      } catch (JsonProcessingException e) {
        throw IncusException.of(500, what, endpoint(), "unexpected answer: " + e.getOriginalMessage());
      }
    }
    return result;
  }

  private static HttpRequest.Builder get(URI uri) {
    return HttpRequest.newBuilder(uri).GET();
  }

  private static HttpRequest.Builder delete(URI uri) {
    return HttpRequest.newBuilder(uri).DELETE();
  }

  private static HttpRequest.Builder post(URI uri, BodyPublisher body) {
    return HttpRequest.newBuilder(uri).POST(body).header("Content-Type", "application/json");
  }

  private static HttpRequest.Builder put(URI uri, BodyPublisher body) {
    return HttpRequest.newBuilder(uri).PUT(body).header("Content-Type", "application/json");
  }

  private static BodyPublisher json(Object body) {
    try {
      return BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot encode request body: " + e.getMessage(), e);
    }
  }

  /** {@code /1.0/<segment>/...}, each segment URL-encoded. */
  private static String api(String... segments) {
    StringBuilder path = new StringBuilder("/1.0");
    for (String segment : segments) {
      path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return path.toString();
  }

  private static String[] append(String[] segments, String... more) {
    String[] all = new String[segments.length + more.length];
    System.arraycopy(segments, 0, all, 0, segments.length);
    System.arraycopy(more, 0, all, segments.length, more.length);
    return all;
  }

  private URI uri(String path, Query query) {
    return URI.create(endpoint() + path + query.encode());
  }

  private Query projectQuery() {
    return new Query().add("project", project);
  }

  private Query targetQuery() {
    return projectQuery().add("target", target);
  }

  /** Query parameters; empty values are left out. */
  private static final class Query {
    private final Map<String, String> params = new LinkedHashMap<>();

    Query add(String name, String value) {
      if (value != null && !value.isEmpty()) {
        params.put(name, value);
      }
      return this;
    }

    String encode() {
      if (params.isEmpty()) {
        return "";
      }
      StringJoiner joined = new StringJoiner("&", "?", "");
      params.forEach(
          (k, v) -> joined.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
      return joined.toString();
    }
  }

  /** The last path segment of an API URL such as {@code /1.0/instances/vm1?project=p}, decoded. */
  private static String lastSegment(String url) {
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode v : array) {
      values.add(v.asText());
    }
    return values;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String q(String s) {
    return "\"" + s + "\"";
  }
}
