package io.migrationmanager.tests.peers.incus;

import static io.migrationmanager.tests.peers.incus.StubHttp.MAPPER;
import static io.migrationmanager.tests.peers.incus.StubHttp.NOT_FOUND;
import static io.migrationmanager.tests.peers.incus.StubHttp.NOT_IMPLEMENTED;
import static io.migrationmanager.tests.peers.incus.StubHttp.envelope;
import static io.migrationmanager.tests.peers.incus.StubHttp.query;
import static io.migrationmanager.tests.peers.incus.StubHttp.write;
import static io.migrationmanager.tests.peers.incus.StubModel.key;
import static io.migrationmanager.tests.peers.incus.StubModel.processes;
import static io.migrationmanager.tests.peers.incus.StubModel.snapshot;
import static io.migrationmanager.tests.peers.incus.StubModel.volumeKey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.migrationmanager.activities.incus.IncusConnection;
import io.migrationmanager.tests.peers.incus.StubHttp.Call;
import io.migrationmanager.tests.peers.incus.StubHttp.Reply;
import io.migrationmanager.tests.peers.incus.StubModel.NetworkState;
import io.migrationmanager.tests.peers.incus.StubModel.PoolState;
import io.migrationmanager.tests.peers.incus.StubModel.ProjectState;
import io.migrationmanager.tests.peers.incus.StubModel.VolumeState;
import io.migrationmanager.tls.Pem;
import io.migrationmanager.tls.PinnedTrust;
import io.migrationmanager.tls.TlsContexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * An in-process Incus API server over HTTPS for tests, faithful to Incus 6.0 for the calls Migration Manager
 * makes (spec §9.1): the same JSON shapes, status codes, error envelopes and background operations, checked
 * against a real Incus by the contract tests. Unlike the real test peer it runs {@code virtual-machine}
 * instances: create (from {@code source: {type: none}} or a known image alias), devices and config, ETags,
 * start/stop (a started VM's agent reports {@code processes > 0} after the agent delay), exec (recorded;
 * exit code configurable), delete. Custom volume content lives in a temporary directory.
 *
 * <p>Client authentication: a client whose certificate fingerprint was trusted sees {@code auth: trusted};
 * others get {@code auth: untrusted} from {@code GET /1.0} and 403 {@code not authorized} elsewhere.
 *
 * <p>Tests can read the state ({@link #instance}, {@link #customVolume}, {@link #customVolumeContent},
 * {@link #execs}, {@link #requests}) and inject faults ({@link #failNextRequest}, {@link
 * #failNextOperation}).
 */
public final class IncusStub implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY each reply waits for Nagle.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final TestIdentity identity = TestIdentity.generate("incus-stub");
  private final Set<String> trustedFingerprints = ConcurrentHashMap.newKeySet();
  private final String serverVersion;
  private final List<String[]> storageDrivers;
  private final List<StubRequest> requests = new CopyOnWriteArrayList<>();
  private final Deque<RequestFault> requestFaults = new ArrayDeque<>();
  private final StubOperations operations = new StubOperations(MAPPER);
  private final HttpsServer server;
  private final ExecutorService httpThreads;
  private final StubModel model;
  private final StubVolumeApi volumeApi;
  private final StubInstanceApi instanceApi;

  private record RequestFault(String method, Pattern path, int status, String message) {}

  /** Options for a new stub; see {@link IncusStub#builder()}. */
  public static final class Builder {
    private final List<X509Certificate> trusted = new ArrayList<>();
    private final List<String> projectNames = new ArrayList<>();
    private final Map<String, String> poolDrivers = new LinkedHashMap<>();
    private final List<NetworkState> extraNetworks = new ArrayList<>();
    private final Map<String, String> imageAliases = new LinkedHashMap<>();
    private final List<String[]> drivers = new ArrayList<>();
    private final List<String> clusterMembers = new ArrayList<>();
    private String version = "6.0.4";
    private Duration operationDelay = Duration.ofMillis(20);
    private Duration operationRetention = Duration.ofSeconds(5);
    private Duration vmAgentDelay = Duration.ZERO;

    private Builder() {}

    /** Trusts this client certificate (may be called several times). */
    public Builder trust(X509Certificate clientCertificate) {
      trusted.add(clientCertificate);
      return this;
    }

    /** Reports this {@code environment.server_version} (default 6.0.4). */
    public Builder serverVersion(String serverVersion) {
      this.version = serverVersion;
      return this;
    }

    /** Adds a supported storage driver to {@code GET /1.0} ({@code dir} is always there). */
    public Builder storageDriver(String name, boolean remote) {
      drivers.add(new String[] {name, remote ? "true" : "false"});
      return this;
    }

    /** Makes the server a cluster of these members (default: standalone). */
    public Builder clusterMembers(String... names) {
      clusterMembers.addAll(List.of(names));
      return this;
    }

    /** Adds a project with Incus' default features for new projects. */
    public Builder project(String name) {
      projectNames.add(name);
      return this;
    }

    /** Adds a storage pool ({@code default}, driver {@code dir}, always exists). */
    public Builder storagePool(String name, String driver) {
      poolDrivers.put(name, driver);
      return this;
    }

    /** Adds a managed bridge with this {@code ipv4.address} ({@code incusbr0}, no address, always exists). */
    public Builder managedBridge(String name, String ipv4Address) {
      extraNetworks.add(
          new NetworkState(
              name,
              "bridge",
              true,
              new TreeMap<>(Map.of("ipv4.address", ipv4Address, "ipv6.address", "none"))));
      return this;
    }

    /** Adds an unmanaged host interface such as a {@code physical} NIC or another {@code bridge}. */
    public Builder hostInterface(String name, String type) {
      extraNetworks.add(new NetworkState(name, type, false, new TreeMap<>()));
      return this;
    }

    /** Adds a local image alias instances can be created from ({@code source: {type: image}}). */
    public Builder image(String alias, String description) {
      imageAliases.put(alias, description);
      return this;
    }

    /** The fixtures {@code tests/peers/incus/start.sh} creates on the real peer. */
    public Builder withTestFixtures() {
      return storagePool("pool02", "dir")
          .project("project1")
          .managedBridge("incusbr1", "198.51.100.1/24")
          .image("mm-busybox", "busybox test image for Migration Manager tests");
    }

    /** Delay before an operation runs (default 20 ms, so callers really wait). */
    public Builder operationDelay(Duration delay) {
      this.operationDelay = delay;
      return this;
    }

    /** How long finished operations stay visible (default 5 s, like Incus). */
    public Builder operationRetention(Duration retention) {
      this.operationRetention = retention;
      return this;
    }

    /** How long after start a VM's agent reports processes (default: at once). */
    public Builder agentDelay(Duration delay) {
      this.vmAgentDelay = delay;
      return this;
    }

    /** Starts the stub on a free loopback port. */
    public IncusStub start() {
      try {
        return new IncusStub(this);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot start the Incus stub", e);
      }
    }
  }

  /** Options for a new stub: a standalone Incus as after {@code start.sh}'s preseed, nobody trusted. */
  public static Builder builder() {
    return new Builder();
  }

  private IncusStub(Builder b) throws IOException {
    b.trusted.forEach(c -> trustedFingerprints.add(Pem.fingerprint(c)));
    serverVersion = b.version;
    storageDrivers = new ArrayList<>();
    storageDrivers.add(new String[] {"dir", "false"});
    storageDrivers.addAll(b.drivers);
    model = new StubModel(b.clusterMembers, Files.createTempDirectory("incus-stub"));
    volumeApi = new StubVolumeApi(model, operations);
    instanceApi = new StubInstanceApi(model, operations);
    model.agentDelay = b.vmAgentDelay;
    operations.setDelay(b.operationDelay);
    operations.setRetention(b.operationRetention);

    ProjectState defaultProject =
        new ProjectState(
            "default",
            "Default Incus project",
            new TreeMap<>(
                Map.of(
                    "features.images", "true",
                    "features.networks", "true",
                    "features.networks.zones", "true",
                    "features.profiles", "true",
                    "features.storage.buckets", "true",
                    "features.storage.volumes", "true")));
    defaultProject.profileDevices.put(
        "root", new TreeMap<>(Map.of("type", "disk", "path", "/", "pool", "default")));
    defaultProject.profileDevices.put(
        "eth0", new TreeMap<>(Map.of("type", "nic", "name", "eth0", "network", "incusbr0")));
    model.projects.put("default", defaultProject);
    for (String name : b.projectNames) {
      model.projects.put(
          name,
          new ProjectState(
              name,
              "",
              new TreeMap<>(
                  Map.of(
                      "features.images", "true",
                      "features.profiles", "true",
                      "features.storage.buckets", "true",
                      "features.storage.volumes", "true"))));
    }
    model.pools.put("default", new PoolState("default", "dir"));
    b.poolDrivers.forEach((name, driver) -> model.pools.put(name, new PoolState(name, driver)));
    model.networks.add(
        new NetworkState(
            "incusbr0",
            "bridge",
            true,
            new TreeMap<>(Map.of("ipv4.address", "none", "ipv6.address", "none"))));
    model.networks.addAll(b.extraNetworks);
    model.networks.add(new NetworkState("lo", "loopback", false, new TreeMap<>()));
    model.networks.add(new NetworkState("eth0", "physical", false, new TreeMap<>()));
    model.images.putAll(b.imageAliases);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    SSLContext ssl = serverContext();
    server.setHttpsConfigurator(
        new HttpsConfigurator(ssl) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = getSSLContext().getDefaultSSLParameters();
            p.setWantClientAuth(true);
            params.setSSLParameters(p);
          }
        });
    httpThreads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "incus-stub-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(httpThreads);
    server.createContext("/", this::handle);
    server.start();
  }

  private SSLContext serverContext() {
    return TlsContexts.create(identity.certificate(), identity.key(), PinnedTrust.acceptAny());
  }

  // ---------------------------------------------------------------------------------------------------
  // Test-facing API

  /** The base URL, {@code https://127.0.0.1:<port>}. */
  public URI url() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The stub's self-signed server certificate. */
  public X509Certificate serverCertificate() {
    return identity.certificate();
  }

  /** A connection for {@code client} that pins the stub's certificate (trusted or not by the stub). */
  public IncusConnection connection(TestIdentity client) {
    return IncusConnection.of(url(), client.certificatePem(), client.pkcs8KeyPem())
        .withTrustedServerCertificate(
            Pem.encodeCertificate(serverCertificate()).getBytes(StandardCharsets.US_ASCII),
            Pem.fingerprint(serverCertificate()));
  }

  /** Trusts another client certificate from now on. */
  public void trust(X509Certificate clientCertificate) {
    trustedFingerprints.add(Pem.fingerprint(clientCertificate));
  }

  /** Sets how long after start a VM's agent reports processes. */
  public void setAgentDelay(Duration delay) {
    model.agentDelay = delay;
  }

  /** Sets the delay before operations run. */
  public void setOperationDelay(Duration delay) {
    operations.setDelay(delay);
  }

  /** Decides the exit code of each exec (default: 0 for every command). */
  public void setExecHandler(ToIntFunction<StubExec> handler) {
    model.execHandler = handler;
  }

  /**
   * The next request whose method matches and whose decoded path matches {@code pathRegex} (searched, e.g.
   * {@code "/1.0/instances$"}) gets this Incus error instead of being served.
   */
  public void failNextRequest(String method, String pathRegex, int status, String message) {
    synchronized (requestFaults) {
      requestFaults.add(new RequestFault(method, Pattern.compile(pathRegex), status, message));
    }
  }

  /**
   * The next operation whose description matches {@code descriptionRegex} (e.g. {@code "Creating instance"},
   * {@code "Restoring custom volume backup"}, {@code "Starting instance"}) fails with this message; {@code
   * /wait} then answers an error envelope with {@code status}. Nothing is changed by the failed operation.
   */
  public void failNextOperation(String descriptionRegex, int status, String message) {
    operations.failNext(descriptionRegex, status, message);
  }

  /** Drops faults not yet triggered. */
  public void clearFaults() {
    synchronized (requestFaults) {
      requestFaults.clear();
    }
    operations.clearFaults();
  }

  /** The instance, if it exists. */
  public Optional<StubInstance> instance(String project, String name) {
    synchronized (model.lock) {
      return Optional.ofNullable(model.instances.get(key(project, name))).map(StubModel::snapshot);
    }
  }

  /** All instances of a project, by name. */
  public List<StubInstance> instances(String project) {
    synchronized (model.lock) {
      return model.instances.values().stream()
          .filter(i -> i.project.equals(project))
          .map(StubModel::snapshot)
          .toList();
    }
  }

  /** The custom volume, if it exists. */
  public Optional<StubVolume> customVolume(String pool, String project, String name) {
    synchronized (model.lock) {
      return Optional.ofNullable(model.volumes.get(volumeKey(pool, project, name))).map(StubModel::snapshot);
    }
  }

  /** The bytes of a custom volume. */
  public byte[] customVolumeContent(String pool, String project, String name) {
    Path file;
    synchronized (model.lock) {
      VolumeState v = model.volumes.get(volumeKey(pool, project, name));
      if (v == null) {
        throw new IllegalArgumentException("No custom volume " + name + " in " + pool + "/" + project);
      }
      file = v.file;
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every exec received, in order. */
  public List<StubExec> execs() {
    return List.copyOf(model.execs);
  }

  /** Every request received, in order. */
  public List<StubRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    httpThreads.shutdownNow();
    operations.close();
    try (var files = Files.walk(model.dataDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String rawPath = exchange.getRequestURI().getRawPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      List<String> path = new ArrayList<>();
      for (String segment : rawPath.split("/")) {
        if (!segment.isEmpty()) {
          path.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
        }
      }
      String decodedPath = "/" + String.join("/", path);
      requests.add(
          new StubRequest(exchange.getRequestMethod(), decodedPath, rawQuery == null ? "" : rawQuery));
      Call call = new Call(exchange, exchange.getRequestMethod(), path, query(rawQuery));
      Reply reply;
      try {
        RequestFault fault = takeFault(call.method(), decodedPath);
        if (fault != null) {
          reply = Reply.error(fault.status(), fault.message());
        } else {
          reply = route(call, trusted(exchange));
        }
      } catch (StubError e) {
        reply = Reply.error(e.status(), e.getMessage());
      } catch (RuntimeException e) {
        reply = Reply.error(500, String.valueOf(e.getMessage()));
      }
      write(exchange, reply);
    }
  }

  private RequestFault takeFault(String method, String path) {
    synchronized (requestFaults) {
      for (RequestFault f : requestFaults) {
        if (f.method().equalsIgnoreCase(method) && f.path().matcher(path).find()) {
          requestFaults.remove(f);
          return f;
        }
      }
      return null;
    }
  }

  private boolean trusted(HttpExchange exchange) {
    if (!(exchange instanceof HttpsExchange https)) {
      return false;
    }
    try {
      Certificate[] peer = https.getSSLSession().getPeerCertificates();
      return peer.length > 0
          && trustedFingerprints.contains(Pem.fingerprint((X509Certificate) peer[0]));
    } catch (SSLPeerUnverifiedException e) {
      return false;
    }
  }

  private Reply route(Call c, boolean trusted) throws IOException {
    List<String> p = c.path();
    if (p.isEmpty() || !p.get(0).equals("1.0")) {
      return NOT_FOUND;
    }
    if (p.size() == 1) {
      return c.method().equals("GET") ? Reply.sync(serverJson(trusted)) : NOT_IMPLEMENTED;
    }
    if (!trusted) {
      return Reply.error(403, "not authorized");
    }
    String m = c.method();
    switch (p.get(1)) {
      case "projects":
        if (p.size() == 2) {
          return m.equals("GET") ? listProjects(c) : NOT_IMPLEMENTED;
        }
        if (p.size() == 3) {
          return m.equals("GET") ? Reply.sync(model.projectJson(model.project(p.get(2)))) : NOT_IMPLEMENTED;
        }
        return NOT_FOUND;
      case "storage-pools":
        return routePools(c, p, m);
      case "networks":
        if (p.size() == 2) {
          return m.equals("GET") ? listNetworks(c) : NOT_IMPLEMENTED;
        }
        if (p.size() == 3) {
          return m.equals("GET") ? getNetwork(c, p.get(2)) : NOT_IMPLEMENTED;
        }
        return NOT_FOUND;
      case "instances":
        return routeInstances(c, p, m);
      case "operations":
        return routeOperations(c, p, m);
      case "cluster":
        return routeCluster(c, p, m);
      default:
        return NOT_FOUND;
    }
  }

  private Reply routePools(Call c, List<String> p, String m) throws IOException {
    int n = p.size();
    if (n == 2) {
      return m.equals("GET") ? listPools(c) : NOT_IMPLEMENTED;
    }
    String pool = p.get(2);
    if (n == 3) {
      return m.equals("GET") ? Reply.sync(model.poolJson(model.pool(pool))) : NOT_IMPLEMENTED;
    }
    if (!p.get(3).equals("volumes")) {
      return NOT_FOUND;
    }
    if (n == 4) {
      return m.equals("GET") ? volumeApi.listVolumes(c, pool, null) : NOT_IMPLEMENTED;
    }
    String type = p.get(4);
    if (n == 5) {
      if (m.equals("GET")) {
        return volumeApi.listVolumes(c, pool, type);
      }
      if (m.equals("POST") && type.equals("custom")) {
        String contentType = c.exchange().getRequestHeaders().getFirst("Content-Type");
        return "application/octet-stream".equals(contentType)
            ? volumeApi.importVolume(c, pool)
            : volumeApi.createVolume(c, pool);
      }
      return NOT_IMPLEMENTED;
    }
    if (!type.equals("custom")) {
      return NOT_FOUND;
    }
    String volume = p.get(5);
    if (n == 6) {
      return switch (m) {
        case "GET" -> volumeApi.getVolume(c, pool, volume);
        case "DELETE" -> volumeApi.deleteVolume(c, pool, volume);
        default -> NOT_IMPLEMENTED;
      };
    }
    if (!p.get(6).equals("backups")) {
      return NOT_FOUND;
    }
    if (n == 7) {
      return m.equals("POST") ? volumeApi.createBackup(c, pool, volume) : NOT_IMPLEMENTED;
    }
    String backup = p.get(7);
    if (n == 8) {
      return m.equals("DELETE") ? volumeApi.deleteBackup(c, pool, volume, backup) : NOT_IMPLEMENTED;
    }
    if (n == 9 && p.get(8).equals("export")) {
      return m.equals("GET") ? volumeApi.exportBackup(c, pool, volume, backup) : NOT_IMPLEMENTED;
    }
    return NOT_FOUND;
  }

  private Reply routeInstances(Call c, List<String> p, String m) {
    int n = p.size();
    if (n == 2) {
      return switch (m) {
        case "GET" -> instanceApi.listInstances(c);
        case "POST" -> instanceApi.createInstance(c);
        default -> NOT_IMPLEMENTED;
      };
    }
    String name = p.get(2);
    if (n == 3) {
      return switch (m) {
        case "GET" -> instanceApi.getInstance(c, name);
        case "PUT" -> instanceApi.updateInstance(c, name);
        case "DELETE" -> instanceApi.deleteInstance(c, name);
        default -> NOT_IMPLEMENTED;
      };
    }
    if (n == 4 && p.get(3).equals("state")) {
      return switch (m) {
        case "GET" -> instanceApi.getInstanceState(c, name);
        case "PUT" -> instanceApi.changeInstanceState(c, name);
        default -> NOT_IMPLEMENTED;
      };
    }
    if (n == 4 && p.get(3).equals("exec")) {
      return m.equals("POST") ? instanceApi.exec(c, name) : NOT_IMPLEMENTED;
    }
    return NOT_FOUND;
  }

  private Reply routeOperations(Call c, List<String> p, String m) {
    if (!m.equals("GET")) {
      return NOT_IMPLEMENTED;
    }
    if (p.size() == 2) {
      return Reply.sync(MAPPER.valueToTree(operations.urlsByStatus()));
    }
    StubOperations.Op op =
        operations.get(p.get(2)).orElseThrow(() -> StubError.notFound("Operation not found"));
    if (p.size() == 3) {
      return Reply.sync(operations.json(op));
    }
    if (p.size() == 4 && p.get(3).equals("wait")) {
      String timeout = c.param("timeout");
      try {
        operations.await(op, timeout.isEmpty() ? -1 : Long.parseLong(timeout));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw StubError.internal("interrupted");
      }
      if (op.failed()) {
        return Reply.error(op.errorCode, op.err);
      }
      return Reply.sync(operations.json(op));
    }
    return NOT_FOUND;
  }

  private Reply routeCluster(Call c, List<String> p, String m) {
    if (!m.equals("GET")) {
      return NOT_IMPLEMENTED;
    }
    if (p.size() == 2) {
      ObjectNode cluster = MAPPER.createObjectNode();
      cluster.put("server_name", model.members.isEmpty() ? "" : model.members.get(0));
      cluster.put("enabled", !model.members.isEmpty());
      cluster.set("member_config", MAPPER.createArrayNode());
      return Reply.sync(cluster);
    }
    if (!p.get(2).equals("members")) {
      return NOT_FOUND;
    }
    if (model.members.isEmpty()) {
      throw StubError.internal("Server is not clustered");
    }
    if (p.size() == 3) {
      ArrayNode list = MAPPER.createArrayNode();
      for (String member : model.members) {
        if (c.recursive()) {
          list.add(model.memberJson(member));
        } else {
          list.add("/1.0/cluster/members/" + member);
        }
      }
      return Reply.sync(list);
    }
    if (p.size() == 4 && model.members.contains(p.get(3))) {
      return Reply.sync(model.memberJson(p.get(3)));
    }
    throw StubError.notFound("Cluster member not found");
  }

  // ---------------------------------------------------------------------------------------------------
  // Server, projects, pools, networks, cluster

  private ObjectNode serverJson(boolean trusted) {
    ObjectNode s = MAPPER.createObjectNode();
    String address = "127.0.0.1:" + server.getAddress().getPort();
    s.set(
        "config",
        trusted
            ? MAPPER.valueToTree(Map.of("core.https_address", address))
            : MAPPER.createObjectNode());
    s.set(
        "api_extensions",
        MAPPER.valueToTree(
            List.of(
                "projects",
                "clustering",
                "custom_block_volumes",
                "custom_volume_backup",
                "virtual-machines",
                "operation_wait",
                "instance_nic_network",
                "storage_api_project",
                "server_supported_storage_drivers",
                "disk_io_bus_virtio_blk")));
    s.put("api_status", "stable");
    s.put("api_version", "1.0");
    s.put("auth", trusted ? "trusted" : "untrusted");
    s.put("public", false);
    s.set("auth_methods", MAPPER.valueToTree(List.of("tls")));
    if (!trusted) {
      return s;
    }
    s.put("auth_user_name", "");
    s.put("auth_user_method", "tls");
    ObjectNode env = s.putObject("environment");
    env.set("addresses", MAPPER.valueToTree(List.of(address)));
    env.set("architectures", MAPPER.valueToTree(List.of("x86_64", "i686")));
    env.put("certificate", identity.certificatePem());
    env.put("certificate_fingerprint", identity.fingerprint());
    env.put("driver", "lxc | qemu");
    env.put("driver_version", "6.0.0 | 9.0.0");
    env.put("firewall", "nftables");
    env.put("kernel", "Linux");
    env.put("kernel_architecture", "x86_64");
    env.put("kernel_version", "6.1.0");
    env.put("os_name", "Debian GNU/Linux");
    env.put("os_version", "12");
    env.put("project", "default");
    env.put("server", "incus");
    env.put("server_clustered", !model.members.isEmpty());
    env.put("server_event_mode", "full-mesh");
    env.put("server_name", model.members.isEmpty() ? "incus-stub" : model.members.get(0));
    env.put("server_pid", ProcessHandle.current().pid());
    env.put("server_version", serverVersion);
    env.put("storage", "dir");
    env.put("storage_version", "1");
    ArrayNode drivers = env.putArray("storage_supported_drivers");
    for (String[] d : storageDrivers) {
      ObjectNode driver = drivers.addObject();
      driver.put("Name", d[0]);
      driver.put("Version", "1");
      driver.put("Remote", Boolean.parseBoolean(d[1]));
    }
    return s;
  }

  private Reply listProjects(Call c) {
    ArrayNode list = MAPPER.createArrayNode();
    synchronized (model.lock) {
      for (ProjectState p : model.projects.values()) {
        if (c.recursive()) {
          list.add(model.projectJson(p));
        } else {
          list.add("/1.0/projects/" + p.name);
        }
      }
    }
    return Reply.sync(list);
  }

  private Reply listPools(Call c) {
    ArrayNode list = MAPPER.createArrayNode();
    synchronized (model.lock) {
      for (PoolState pool : model.pools.values()) {
        if (c.recursive()) {
          list.add(model.poolJson(pool));
        } else {
          list.add("/1.0/storage-pools/" + pool.name());
        }
      }
    }
    return Reply.sync(list);
  }

  private Reply listNetworks(Call c) {
    model.project(c.project());
    ArrayNode list = MAPPER.createArrayNode();
    synchronized (model.lock) {
      List<NetworkState> ordered = new ArrayList<>();
      model.networks.stream()
          .filter(NetworkState::managed)
          .sorted(Comparator.comparing(NetworkState::name))
          .forEach(ordered::add);
      model.networks.stream().filter(n -> !n.managed()).forEach(ordered::add);
      for (NetworkState n : ordered) {
        if (c.recursive()) {
          list.add(model.networkJson(n));
        } else {
          list.add("/1.0/networks/" + n.name());
        }
      }
    }
    return Reply.sync(list);
  }

  private Reply getNetwork(Call c, String name) {
    model.project(c.project());
    NetworkState network =
        model.network(name).orElseThrow(() -> StubError.notFound("Network not found"));
    return Reply.sync(model.networkJson(network));
  }
}
