package io.migrationmanager.activities.vsphere;

import com.vmware.vim25.CustomFieldDef;
import com.vmware.vim25.FileInfo;
import com.vmware.vim25.FileQueryFlags;
import com.vmware.vim25.HostDatastoreBrowserSearchResults;
import com.vmware.vim25.HostDatastoreBrowserSearchSpec;
import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectNotFound;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.MethodFault;
import com.vmware.vim25.NumericRange;
import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.OpaqueNetworkSummary;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.RetrieveOptions;
import com.vmware.vim25.RetrieveResult;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.ToolsUnavailable;
import com.vmware.vim25.VMwareDVSPortSetting;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualMachineConfigSpec;
import com.vmware.vim25.VmwareDistributedVirtualSwitchTrunkVlanSpec;
import com.vmware.vim25.VmwareDistributedVirtualSwitchVlanIdSpec;
import com.vmware.vim25.mo.CustomFieldsManager;
import com.vmware.vim25.mo.HostDatastoreBrowser;
import com.vmware.vim25.mo.Task;
import com.vmware.vim25.mo.VirtualMachine;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.OperationFailedException;
import io.migrationmanager.domain.error.TransientException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.OsClassifier;
import io.migrationmanager.domain.network.NetworkProperties;
import io.migrationmanager.domain.network.NetworkType;
import io.migrationmanager.domain.source.ConnectivityStatus;
import io.migrationmanager.domain.source.DiscoveredNetwork;
import io.migrationmanager.domain.source.SourceInventory;
import io.migrationmanager.domain.source.SyncWarning;
import io.migrationmanager.domain.source.VmwareEndpoint;
import io.migrationmanager.domain.warning.WarningType;
import io.migrationmanager.tls.CertificateProbe;
import io.migrationmanager.tls.Pem;
import io.migrationmanager.tls.PinnedTrust;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.rmi.RemoteException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A VMware source (vCenter or standalone ESXi) read through yavijava: connectivity checks, the
 * inventory import of spec §6.2 step 2, change-tracking file checks, power control, and turning
 * change block tracking on.
 *
 * <p>The inventory is read in bulk: one ContainerView and one paged {@code RetrievePropertiesEx}
 * for every VM, one for folders, datacenters, resource pools, datastores and networks, and vCenter
 * tags through the REST API for all VMs at once. No per-VM calls remain, so {@code sync_limit} and
 * {@code sync_timeout} bound only the per-disk datastore lookups of {@link
 * #findChangeTrackingFiles}; {@code connection_timeout} bounds each call and the whole inventory
 * read.
 *
 * <p>The session is opened on first use and kept until {@link #close()}. Not thread-safe.
 */
public final class VsphereSource implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VsphereSource.class);

  /** VMs of vSphere Cluster Services carry this name prefix. */
  static final String VCLS_PREFIX = "vCLS-";

  /** The annotation of the vCenter Server Appliance VM. */
  static final String VCENTER_APPLIANCE = "VMware vCenter Server Appliance";

  private static final Duration BASIC_CHECK_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofSeconds(10);
  private static final String OPAQUE_SEGMENT_PATH = "com.vmware.opaquenetwork.segment.path";
  private static final String RESOURCE_POOL_KEY = "vmware.resource_pool";
  private static final String RUNTIME_POWER_STATE = "runtime.powerState";
  private static final String CHANGE_TRACKING = "config.changeTrackingEnabled";
  private static final String DEVICES = "config.hardware.device";
  private static final String EXTRA_CONFIG = "config.extraConfig";
  private static final String POWERED_ON = "poweredOn";
  private static final String POWERED_OFF = "poweredOff";

  private final VmwareEndpoint endpoint;
  private final URI uri;
  private final Duration connectionTimeout;
  private final Duration syncTimeout;
  private final VsphereTags.Factory tags;
  private VsphereConnection connection;

  /** A source that reads vCenter tags through the REST API. */
  public VsphereSource(VmwareEndpoint endpoint) {
    this(endpoint, null);
  }

  VsphereSource(VmwareEndpoint endpoint, VsphereTags.Factory tags) {
    this.endpoint = endpoint;
    this.uri = parseEndpoint(endpoint.endpoint());
    this.connectionTimeout = positive(endpoint.connectionTimeout(), DEFAULT_CONNECTION_TIMEOUT);
    this.syncTimeout = positive(endpoint.syncTimeout(), DEFAULT_SYNC_TIMEOUT);
    this.tags = tags != null ? tags : VsphereRestTags.factory(connectionTimeout);
  }

  private static Duration positive(GoDuration d, Duration fallback) {
    return d == null || d.isZero() ? fallback : d.value();
  }

  private static URI parseEndpoint(String text) {
    String s = text == null ? "" : text.trim();
    try {
      URI u = new URI(s.contains("://") ? s : "https://" + s);
      if (u.getHost() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
        throw new ValidationException("Invalid VMware endpoint " + GoStrings.quote(s));
      }
      return u;
    } catch (URISyntaxException e) {
      throw new ValidationException(
          "Invalid VMware endpoint " + GoStrings.quote(s) + ": " + e.getMessage());
    }
  }

  /**
   * Checks the endpoint as the original does on source create/update (spec §2.2): a TLS handshake
   * within 3 s; when the JVM's trust roots do not vouch for the certificate, the certificate is
   * captured and accepted only if its fingerprint is the trusted fingerprint ({@code Confirm TLS
   * fingerprint} otherwise); then a real login.
   */
  public VsphereConnectivity checkConnectivity() {
    X509Certificate presented = null;
    String pin = "";
    if (uri.getScheme().equals("https")) {
      try {
        handshake(PinnedTrust.systemRoots(), true);
      } catch (SSLHandshakeException e) {
        if (!isCertificateProblem(e)) {
          return new VsphereConnectivity(
              ConnectivityStatus.TLS_ERROR, VsphereErrors.describe(e), null);
        }
        try {
          presented = handshake(PinnedTrust.acceptAny(), false);
        } catch (IOException retry) {
          return failed(retry, null);
        }
        String fingerprint = Pem.fingerprint(presented);
        if (!fingerprint.equals(
            Pem.canonicalFingerprint(endpoint.trustedServerCertificateFingerprint()))) {
          return new VsphereConnectivity(
              ConnectivityStatus.CONFIRM_TLS_FINGERPRINT,
              "Untrusted server certificate with fingerprint " + fingerprint,
              presented);
        }
        pin = fingerprint;
      } catch (IOException e) {
        return failed(e, null);
      }
    } else {
      try (Socket socket = new Socket()) {
        socket.connect(
            new InetSocketAddress(uri.getHost(), port()), (int) BASIC_CHECK_TIMEOUT.toMillis());
      } catch (IOException e) {
        return failed(e, null);
      }
    }
    try (VsphereConnection c = open(VsphereTls.trustManager(pin))) {
      LOG.debug("Logged in to {} ({})", uri, c.isEsxi() ? "ESXi" : "vCenter");
      return new VsphereConnectivity(ConnectivityStatus.OK, "", presented);
    } catch (IOException | RuntimeException e) {
      return failed(e, presented);
    }
  }

  private static VsphereConnectivity failed(Exception e, X509Certificate presented) {
    ConnectivityStatus status = VsphereErrors.status(e);
    return new VsphereConnectivity(status, VsphereErrors.describe(e), presented);
  }

  private static boolean isCertificateProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }

  private int port() {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return uri.getScheme().equals("https") ? 443 : 80;
  }

  /** Completes a TLS handshake (nothing is sent) and returns the server's leaf certificate. */
  private X509Certificate handshake(X509TrustManager trust, boolean checkHostname)
      throws IOException {
    return CertificateProbe.handshake(
        uri.getHost(), port(), BASIC_CHECK_TIMEOUT, trust, checkHostname);
  }

  private VsphereConnection open(X509TrustManager trust) throws IOException {
    Duration connect =
        connectionTimeout.compareTo(MAX_CONNECT_TIMEOUT) < 0
            ? connectionTimeout
            : MAX_CONNECT_TIMEOUT;
    return VsphereConnection.open(
        uri, endpoint.username(), endpoint.password(), trust, connect, connectionTimeout);
  }

  private VsphereConnection connection() {
    if (connection == null) {
      try {
        connection = open(VsphereTls.trustManager(VsphereTls.pinnedFingerprint(endpoint)));
      } catch (IOException | RuntimeException e) {
        throw new TransientException(
            "Failed to connect to endpoint "
                + GoStrings.quote(endpoint.endpoint())
                + ": "
                + VsphereErrors.describe(e),
            e);
      }
    }
    return connection;
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  /**
   * The VM property paths one inventory read fetches in bulk from a server with this API version
   * (e.g. {@code 8.0.3.0}); newer properties are only requested from servers that know them.
   */
  public static List<String> vmPropertyPaths(String apiVersion) {
    return VmMapper.propertyPaths(
        VsphereConnection.atLeast(apiVersion, 6, 5), VsphereConnection.atLeast(apiVersion, 6, 7));
  }

  /**
   * Reads every VM and the networks they use (spec §2.4, §2.5, §6.2 step 2). Ignored VMs and VMs
   * that cannot be imported are left out and explained by warnings. When the configured datacenters
   * hold no VMs, no datastores or no networks, the inventory is empty (the original's "No data was
   * imported from the source").
   *
   * @throws TransientException when the source cannot be read within {@code connection_timeout}
   */
  public SourceInventory fetchInventory() {
    Instant deadline = Instant.now().plus(connectionTimeout);
    Runnable withinDeadline =
        () -> {
          if (Instant.now().isAfter(deadline)) {
            throw new TransientException(
                "Source connection timeout (" + GoDuration.of(connectionTimeout) + ") exceeded");
          }
        };
    VsphereConnection c = connection();
    try {
      return readInventory(c, withinDeadline);
    } catch (RemoteException e) {
      if (VsphereErrors.status(e) == ConnectivityStatus.CANNOT_CONNECT
          && Instant.now().isAfter(deadline)) {
        throw new TransientException(
            "Source connection timeout ("
                + GoDuration.of(connectionTimeout)
                + ") exceeded: "
                + VsphereErrors.describe(e),
            e);
      }
      throw new TransientException(
          "Failed to read the inventory of "
              + GoStrings.quote(endpoint.endpoint())
              + ": "
              + VsphereErrors.describe(e),
          e);
    }
  }

  private SourceInventory readInventory(VsphereConnection c, Runnable withinDeadline)
      throws RemoteException {
    InventoryPathFilter filter = new InventoryPathFilter(endpoint.datacenters());
    InventoryTree tree = InventoryTree.read(c, withinDeadline);
    long datastores =
        tree.ofType("Datastore").stream().filter(d -> filter.matches(tree.path(d.ref()))).count();
    Map<String, DiscoveredNetwork> networks = networks(tree, filter);

    List<PropertyValues> vms = new ArrayList<>();
    Map<String, String> locations = new HashMap<>();
    BulkRetriever.retrieve(
        c,
        List.of("VirtualMachine"),
        List.of(
            BulkRetriever.spec(
                "VirtualMachine", VmMapper.propertyPaths(c.apiAtLeast(6, 5), c.apiAtLeast(6, 7)))),
        withinDeadline,
        vm -> {
          String location =
              tree.childPath(vm.string("name"), vm.reference("parent"), vm.reference("parentVApp"));
          if (filter.matches(location)) {
            vms.add(vm);
            locations.put(vm.id(), location);
          }
        });
    if (vms.isEmpty() || datastores == 0 || networks.isEmpty()) {
      LOG.warn(
          "No data was imported from the source {} ({} VMs, {} datastores, {} networks in {})",
          endpoint.endpoint(),
          vms.size(),
          datastores,
          networks.size(),
          endpoint.datacenters());
      return new SourceInventory(List.of(), List.of(), List.of());
    }
    vms.sort(
        Comparator.comparing((PropertyValues vm) -> locations.get(vm.id()))
            .thenComparing(PropertyValues::id));

    List<SyncWarning> warnings = new ArrayList<>();
    List<PropertyValues> candidates = new ArrayList<>();
    for (PropertyValues vm : vms) {
      Optional<SyncWarning> ignored = ignore(vm, locations.get(vm.id()));
      if (ignored.isPresent()) {
        warnings.add(ignored.get());
      } else {
        candidates.add(vm);
      }
    }

    Map<String, Map<String, List<String>>> vmTags = Map.of();
    String tagFailure = null;
    if (!c.isEsxi()) {
      withinDeadline.run();
      try {
        vmTags = readTags(c, candidates);
      } catch (IOException e) {
        tagFailure = VsphereErrors.describe(e);
      }
    }

    VmMapper mapper = new VmMapper(networkLocations(networks), customFields(c));
    Map<UUID, String> kept = new HashMap<>();
    List<InstanceProperties> instances = new ArrayList<>();
    for (PropertyValues vm : candidates) {
      String location = locations.get(vm.id());
      Map<String, String> config =
          c.isEsxi()
              ? Map.of()
              : vcenterConfig(vm, tree, vmTags.getOrDefault(vm.ref().getVal(), Map.of()));
      InstanceProperties props;
      try {
        props = mapper.map(vm, location, config);
      } catch (RuntimeException e) {
        LOG.error("Failed to record properties of VM {} from {}", location, endpoint.endpoint(), e);
        warnings.add(
            warning(
                WarningType.INSTANCES_NOT_IMPORTED,
                "Failed to record properties for VM %s: "
                    + VsphereErrors.describe(e).replace("%", "%%"),
                location));
        continue;
      }
      Optional<SyncWarning> rejected = reject(props, location, tagFailure);
      if (rejected.isPresent()) {
        warnings.add(rejected.get());
        continue;
      }
      String first = kept.putIfAbsent(props.uuid(), location);
      if (first != null) {
        warnings.add(
            warning(
                WarningType.INSTANCES_NOT_IMPORTED,
                "Duplicate UUIDs: %s. Skipped instance %s, keeping instance %s",
                props.uuid().toString(),
                location,
                first));
        continue;
      }
      instances.add(props);
    }

    return new SourceInventory(instances, usedNetworks(networks, instances), warnings);
  }

  /** The networks some instance has a NIC on, by location. */
  private static List<DiscoveredNetwork> usedNetworks(
      Map<String, DiscoveredNetwork> networks, List<InstanceProperties> instances) {
    Set<String> used = new HashSet<>();
    for (InstanceProperties props : instances) {
      for (InstanceNic nic : props.nics()) {
        used.add(nic.sourceSpecificId());
      }
    }
    return networks.values().stream()
        .filter(n -> used.contains(n.sourceSpecificId()))
        .sorted(
            Comparator.comparing(DiscoveredNetwork::location)
                .thenComparing(DiscoveredNetwork::sourceSpecificId))
        .toList();
  }

  /** A warning whose message quotes its arguments as Go's {@code %q} does. */
  private static SyncWarning warning(WarningType type, String format, String... quoted) {
    Object[] args = new Object[quoted.length];
    for (int i = 0; i < quoted.length; i++) {
      args[i] = GoStrings.quote(quoted[i]);
    }
    return new SyncWarning(type, String.format(format, args));
  }

  /**
   * Why a VM is left out before its properties are mapped: vCLS agent, unreadable, no config,
   * template.
   */
  private static Optional<SyncWarning> ignore(PropertyValues vm, String location) {
    if (vm.string("name").startsWith(VCLS_PREFIX)) {
      return Optional.of(
          warning(WarningType.INSTANCES_IGNORED, "Not importing vCLS tagged VM %s", location));
    }
    if (!vm.missing().isEmpty()) {
      return Optional.of(
          warning(
              WarningType.INSTANCES_NOT_IMPORTED,
              "Failed to fetch VMware properties for VM %s: "
                  + String.join(", ", vm.missing()).replace("%", "%%"),
              location));
    }
    if (!vm.has("config.name")) {
      return Optional.of(
          warning(
              WarningType.INSTANCES_IGNORED,
              "Not importing VM with empty source config %s",
              location));
    }
    if (vm.bool("config.template")) {
      return Optional.of(
          warning(
              WarningType.INSTANCES_IGNORED, "Not importing VM tagged as a template %s", location));
    }
    return Optional.empty();
  }

  /** vCenter's extra config of a VM: {@code tag.<category>} and {@code vmware.resource_pool}. */
  private static Map<String, String> vcenterConfig(
      PropertyValues vm, InventoryTree tree, Map<String, List<String>> tags) {
    Map<String, String> config = new TreeMap<>();
    tags.forEach((category, names) -> config.put("tag." + category, String.join(",", names)));
    String pool = tree.name(vm.reference("resourcePool"));
    if (!pool.isEmpty()) {
      config.put(RESOURCE_POOL_KEY, pool);
    }
    return config;
  }

  /**
   * The reason a mapped VM is not imported: the appliance itself, a failed tag read, an unknown
   * Windows.
   */
  private static Optional<SyncWarning> reject(
      InstanceProperties props, String location, String tagFailure) {
    if (VCENTER_APPLIANCE.equals(props.description())) {
      return Optional.of(
          warning(
              WarningType.INSTANCES_IGNORED,
              "Not importing VM tagged as vCenter appliance %s",
              location));
    }
    if (tagFailure != null) {
      return Optional.of(
          warning(
              WarningType.INSTANCES_NOT_IMPORTED,
              "Failed to import tags for VM %s: " + tagFailure.replace("%", "%%"),
              location));
    }
    if (OsClassifier.osType(props).equals(OsClassifier.OS_WINDOWS)) {
      String version = props.osVersion().isEmpty() ? props.osTemplate() : props.osVersion();
      if (OsClassifier.windowsVersion(version).isEmpty()) {
        return Optional.of(
            warning(
                WarningType.INSTANCES_NOT_IMPORTED,
                "Failed to determine OS distribution version %s for Windows VM %s: "
                    + "Windows version %s is unknown or unsupported",
                props.osVersion(),
                location,
                version));
      }
    }
    return Optional.empty();
  }

  private Map<String, Map<String, List<String>>> readTags(
      VsphereConnection c, List<PropertyValues> vms) throws IOException {
    if (vms.isEmpty()) {
      return Map.of();
    }
    try (VsphereTags reader = openTags(c)) {
      return reader.attachedTags(vms.stream().map(vm -> vm.ref().getVal()).toList());
    }
  }

  private VsphereTags openTags(VsphereConnection c) {
    try {
      return tags.open(c, endpoint.username(), endpoint.password());
    } catch (IOException e) {
      throw new TransientException("Failed to login to REST API: " + VsphereErrors.describe(e), e);
    }
  }

  private static Map<Integer, CustomFieldDef> customFields(VsphereConnection c) {
    Map<Integer, CustomFieldDef> out = new HashMap<>();
    CustomFieldsManager manager = c.serviceInstance().getCustomFieldsManager();
    if (manager != null && manager.getField() != null) {
      for (CustomFieldDef field : manager.getField()) {
        out.put(field.getKey(), field);
      }
    }
    return out;
  }

  /** The networks of the configured datacenters, by the id NICs refer to them with. */
  private static Map<String, DiscoveredNetwork> networks(
      InventoryTree tree, InventoryPathFilter filter) {
    Map<String, DiscoveredNetwork> out = new LinkedHashMap<>();
    for (String type : List.of("Network", "DistributedVirtualPortgroup", "OpaqueNetwork")) {
      for (PropertyValues n : tree.ofType(type)) {
        String location = tree.path(n.ref());
        if (filter.matches(location)) {
          DiscoveredNetwork network = network(n, location);
          out.put(network.sourceSpecificId(), network);
        }
      }
    }
    return out;
  }

  private static Map<String, String> networkLocations(Map<String, DiscoveredNetwork> networks) {
    return networks.values().stream()
        .collect(
            Collectors.toMap(
                DiscoveredNetwork::sourceSpecificId, DiscoveredNetwork::location, (a, b) -> a));
  }

  /** A network with its id, type and placement properties (spec §2.5). */
  static DiscoveredNetwork network(PropertyValues n, String location) {
    switch (n.ref().getType()) {
      case "DistributedVirtualPortgroup" -> {
        String key = n.string("key").isEmpty() ? n.ref().getVal() : n.string("key");
        if ("nsx".equals(n.string("config.backingType"))) {
          return new DiscoveredNetwork(
              id(key),
              NetworkType.NSX_DISTRIBUTED,
              location,
              new NetworkProperties(
                  n.string("config.segmentId"), n.string("config.transportZoneUuid"), "", ""));
        }
        String vlanId = "";
        String vlanRanges = "";
        if (n.get("config.defaultPortConfig") instanceof VMwareDVSPortSetting setting) {
          if (setting.getVlan() instanceof VmwareDistributedVirtualSwitchVlanIdSpec spec
              && spec.getVlanId() != 0) {
            vlanId = Integer.toString(spec.getVlanId());
          } else if (setting.getVlan() instanceof VmwareDistributedVirtualSwitchTrunkVlanSpec trunk
              && trunk.getVlanId() != null) {
            List<String> ranges = new ArrayList<>();
            for (NumericRange r : trunk.getVlanId()) {
              ranges.add(r.getStart() + "-" + r.getEnd());
            }
            vlanRanges = String.join(",", ranges);
          }
        }
        return new DiscoveredNetwork(
            id(key),
            NetworkType.DISTRIBUTED,
            location,
            new NetworkProperties("", "", vlanId, vlanRanges));
      }
      case "OpaqueNetwork" -> {
        String id =
            n.get("summary") instanceof OpaqueNetworkSummary s && s.getOpaqueNetworkId() != null
                ? s.getOpaqueNetworkId()
                : n.ref().getVal();
        String segment = "";
        for (OptionValue o : n.list("extraConfig", OptionValue.class)) {
          if (OPAQUE_SEGMENT_PATH.equals(o.getKey()) && o.getValue() != null) {
            segment = o.getValue().toString();
          }
        }
        return new DiscoveredNetwork(
            id(id), NetworkType.NSX, location, new NetworkProperties(segment, "", "", ""));
      }
      default -> {
        return new DiscoveredNetwork(
            id(n.ref().getVal()), NetworkType.STANDARD, location, NetworkProperties.EMPTY);
      }
    }
  }

  private static String id(String networkId) {
    return networkId.replace(' ', '_');
  }

  /**
   * Looks a file up on a datastore of the configured datacenters.
   *
   * @param datastorePath e.g. {@code [datastore-01] CentOS9/CentOS9-ctk.vmdk}
   * @return the file, or empty when it or its folder does not exist
   * @throws TransientException when the datastore cannot be searched
   */
  public Optional<DatastoreFile> searchDatastoreFile(String datastorePath) {
    Map<String, ManagedObjectReference> browsers = datastoreBrowsers();
    return searchDatastoreFile(browsers, datastorePath);
  }

  /**
   * Looks up the change-tracking file ({@code <disk>-ctk.vmdk}) of each disk, {@code sync_limit} at
   * a time with {@code sync_timeout} each (spec §6.2: background import verification).
   *
   * @param diskNames disk file names such as {@code [datastore-01] CentOS9/CentOS9.vmdk}
   */
  public Map<String, ChangeTrackingFile> findChangeTrackingFiles(Collection<String> diskNames) {
    Map<String, ManagedObjectReference> browsers = datastoreBrowsers();
    Map<String, ChangeTrackingFile> out = new LinkedHashMap<>();
    Map<String, Future<Optional<DatastoreFile>>> lookups = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, endpoint.syncLimit()));
    try {
      for (String disk : diskNames) {
        if (!disk.endsWith(".vmdk")) {
          out.put(disk, ChangeTrackingFile.MISSING);
          continue;
        }
        String ctk = disk.substring(0, disk.length() - ".vmdk".length()) + "-ctk.vmdk";
        lookups.put(disk, pool.submit(() -> searchDatastoreFile(browsers, ctk)));
      }
      for (Map.Entry<String, Future<Optional<DatastoreFile>>> lookup : lookups.entrySet()) {
        out.put(lookup.getKey(), await(lookup.getKey(), lookup.getValue()));
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private ChangeTrackingFile await(String disk, Future<Optional<DatastoreFile>> lookup) {
    try {
      return lookup
              .get(syncTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
              .isPresent()
          ? ChangeTrackingFile.FOUND
          : ChangeTrackingFile.MISSING;
    } catch (TimeoutException e) {
      LOG.warn(
          "Looking up the change tracking file of {} exceeded {}",
          disk,
          GoDuration.of(syncTimeout));
      lookup.cancel(true);
      return ChangeTrackingFile.UNKNOWN;
    } catch (ExecutionException e) {
      LOG.warn(
          "Failed to look up the change tracking file of {}: {}",
          disk,
          VsphereErrors.describe(e.getCause()));
      return ChangeTrackingFile.UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ChangeTrackingFile.UNKNOWN;
    }
  }

  /** The datastore browsers of the configured datacenters, by datastore name. */
  private Map<String, ManagedObjectReference> datastoreBrowsers() {
    VsphereConnection c = connection();
    InventoryPathFilter filter = new InventoryPathFilter(endpoint.datacenters());
    InventoryTree tree;
    Map<String, ManagedObjectReference> browsers = new HashMap<>();
    try {
      tree = InventoryTree.read(c, () -> {});
      List<PropertyValues> datastores = new ArrayList<>();
      BulkRetriever.retrieve(
          c,
          List.of("Datastore"),
          List.of(BulkRetriever.spec("Datastore", List.of("name", "browser"))),
          () -> {},
          datastores::add);
      for (PropertyValues ds : datastores) {
        if (filter.matches(tree.path(ds.ref())) && ds.reference("browser") != null) {
          browsers.putIfAbsent(ds.string("name"), ds.reference("browser"));
        }
      }
    } catch (RemoteException e) {
      throw new TransientException(
          "Failed to list the datastores: " + VsphereErrors.describe(e), e);
    }
    return browsers;
  }

  private Optional<DatastoreFile> searchDatastoreFile(
      Map<String, ManagedObjectReference> browsers, String datastorePath) {
    DatastorePath path = DatastorePath.parse(datastorePath);
    ManagedObjectReference browserRef = browsers.get(path.datastore());
    if (browserRef == null) {
      throw new TransientException("Datastore " + GoStrings.quote(path.datastore()) + " not found");
    }
    HostDatastoreBrowser browser =
        new HostDatastoreBrowser(connection().serverConnection(), browserRef);
    HostDatastoreBrowserSearchSpec spec = new HostDatastoreBrowserSearchSpec();
    spec.setMatchPattern(new String[] {path.fileName()});
    FileQueryFlags details = new FileQueryFlags();
    details.setFileSize(true);
    details.setModification(true);
    details.setFileType(true);
    spec.setDetails(details);
    try {
      Task task = browser.searchDatastore_Task(path.folder(), spec);
      TaskInfo info = finish(task);
      if (info.getError() != null) {
        if (isFileNotFound(info.getError())) {
          return Optional.empty();
        }
        throw new TransientException(
            "Failed to search "
                + GoStrings.quote(path.folder())
                + ": "
                + VsphereErrors.faultMessage(info.getError()));
      }
      if (info.getResult() instanceof HostDatastoreBrowserSearchResults results
          && results.getFile() != null) {
        for (FileInfo file : results.getFile()) {
          if (path.fileName().equals(file.getPath())) {
            return Optional.of(
                new DatastoreFile(
                    path.toString(),
                    file.getFileSize() == null ? 0 : file.getFileSize(),
                    file.getModification() == null ? null : file.getModification().toInstant()));
          }
        }
      }
      return Optional.empty();
    } catch (RemoteException e) {
      throw new TransientException(
          "Failed to search " + GoStrings.quote(path.folder()) + ": " + VsphereErrors.describe(e),
          e);
    }
  }

  private static boolean isFileNotFound(LocalizedMethodFault fault) {
    return fault.getFault() != null
        && fault.getFault().getClass().getSimpleName().equals("FileNotFound");
  }

  // -------------------------------------------------------------------------------------------------- power

  /** Powers the VM on unless it runs already. */
  public void powerOn(String sourceSpecificId) {
    VirtualMachine vm = vm(sourceSpecificId);
    if (POWERED_ON.equals(powerState(vm))) {
      return;
    }
    try {
      TaskInfo info = finish(vm.powerOnVM_Task(null));
      if (info.getError() != null && !POWERED_ON.equals(powerState(vm))) {
        throw new TransientException(
            "Failed to power on VM "
                + sourceSpecificId
                + ": "
                + VsphereErrors.faultMessage(info.getError()));
      }
    } catch (RemoteException e) {
      throw new TransientException(
          "Failed to power on VM " + sourceSpecificId + ": " + VsphereErrors.describe(e), e);
    }
  }

  /**
   * Shuts the VM down through its guest agent, or powers it off when no agent runs, and waits until
   * it is off (at most {@code connection_timeout}).
   */
  public void powerOff(String sourceSpecificId) {
    VirtualMachine vm = vm(sourceSpecificId);
    if (POWERED_OFF.equals(powerState(vm))) {
      return;
    }
    try {
      try {
        vm.shutdownGuest();
      } catch (ToolsUnavailable e) {
        TaskInfo info = finish(vm.powerOffVM_Task());
        if (info.getError() != null && !POWERED_OFF.equals(powerState(vm))) {
          throw new TransientException(
              "Failed to power off VM "
                  + sourceSpecificId
                  + ": "
                  + VsphereErrors.faultMessage(info.getError()));
        }
      }
    } catch (RemoteException e) {
      throw new TransientException(
          "Failed to power off VM " + sourceSpecificId + ": " + VsphereErrors.describe(e), e);
    }
    Instant deadline = Instant.now().plus(connectionTimeout);
    while (!POWERED_OFF.equals(powerState(vm))) {
      if (Instant.now().isAfter(deadline)) {
        throw new TransientException(
            "VM "
                + sourceSpecificId
                + " did not power off within "
                + GoDuration.of(connectionTimeout));
      }
      sleep(Duration.ofMillis(200));
    }
  }

  // ------------------------------------------------------------------------------- change tracking

  /**
   * Whether the VM is powered on.
   *
   * @throws NotFoundException when the VM does not exist
   */
  public boolean poweredOn(String sourceSpecificId) {
    return POWERED_ON.equals(powerState(vm(sourceSpecificId)));
  }

  /**
   * Whether change block tracking is on ({@code config.changeTrackingEnabled}).
   *
   * @throws NotFoundException when the VM does not exist
   */
  public boolean changeTrackingEnabled(String sourceSpecificId) {
    return properties(vm(sourceSpecificId), CHANGE_TRACKING).bool(CHANGE_TRACKING);
  }

  /**
   * Removes every snapshot of the VM, consolidating its disks.
   *
   * @throws OperationFailedException when the source refuses
   */
  public void removeAllSnapshots(String sourceSpecificId) {
    VirtualMachine vm = vm(sourceSpecificId);
    try {
      TaskInfo info = finish(vm.removeAllSnapshots_Task());
      if (info.getError() != null) {
        throw new OperationFailedException(
            "Failed to remove the snapshots of VM "
                + sourceSpecificId
                + ": "
                + VsphereErrors.faultMessage(info.getError()));
      }
    } catch (RemoteException e) {
      throw failure("remove the snapshots of", sourceSpecificId, e);
    }
  }

  /**
   * Switches change block tracking off and on again (spec §3.3): first every {@code *ctkEnabled}
   * key the VM has (and {@code changeTrackingEnabled}) to false, on its own so that the tracking
   * state is reset; then {@code changeTrackingEnabled} true with {@code ctkEnabled=TRUE} and {@code
   * <controller><bus>:<unit>.ctkEnabled=TRUE} for every supported disk. The VM should be off and
   * without snapshots, as VMware creates the tracking files when it powers on.
   *
   * @throws ValidationException when no disk of the VM supports change tracking
   */
  public void reconfigureChangeTracking(String sourceSpecificId) {
    VirtualMachine vm = vm(sourceSpecificId);
    PropertyValues config = properties(vm, DEVICES, EXTRA_CONFIG, CHANGE_TRACKING);
    List<String> disks =
        ChangeTrackingKeys.supportedDiskKeys(config.list(DEVICES, VirtualDevice.class));
    if (disks.isEmpty()) {
      throw new ValidationException(
          "VM " + sourceSpecificId + " has no disk that supports change tracking");
    }
    List<String> existing =
        ChangeTrackingKeys.existing(config.list(EXTRA_CONFIG, OptionValue.class));
    if (!existing.isEmpty() || config.bool(CHANGE_TRACKING)) {
      VirtualMachineConfigSpec off = new VirtualMachineConfigSpec();
      off.setChangeTrackingEnabled(false);
      off.setExtraConfig(ChangeTrackingKeys.options(existing, "FALSE"));
      reconfigure(vm, sourceSpecificId, off);
    }
    List<String> keys = new ArrayList<>();
    keys.add(ChangeTrackingKeys.VM_KEY);
    keys.addAll(disks);
    VirtualMachineConfigSpec on = new VirtualMachineConfigSpec();
    on.setChangeTrackingEnabled(true);
    on.setExtraConfig(ChangeTrackingKeys.options(keys, "TRUE"));
    reconfigure(vm, sourceSpecificId, on);
  }

  private void reconfigure(
      VirtualMachine vm, String sourceSpecificId, VirtualMachineConfigSpec spec) {
    try {
      TaskInfo info = finish(vm.reconfigVM_Task(spec));
      if (info.getError() != null) {
        throw new OperationFailedException(
            "Failed to reconfigure VM "
                + sourceSpecificId
                + ": "
                + VsphereErrors.faultMessage(info.getError()));
      }
    } catch (RemoteException e) {
      throw failure("reconfigure", sourceSpecificId, e);
    }
  }

  private VirtualMachine vm(String sourceSpecificId) {
    int colon = sourceSpecificId.indexOf(':');
    if (colon < 0 || !sourceSpecificId.substring(0, colon).equals("VirtualMachine")) {
      throw new ValidationException("Not a VMware VM id: " + GoStrings.quote(sourceSpecificId));
    }
    ManagedObjectReference ref = new ManagedObjectReference();
    ref.setType("VirtualMachine");
    ref.setVal(sourceSpecificId.substring(colon + 1));
    return new VirtualMachine(connection().serverConnection(), ref);
  }

  /** The VM's {@code runtime.powerState}, e.g. {@code poweredOn}. */
  private String powerState(VirtualMachine vm) {
    return properties(vm, RUNTIME_POWER_STATE).string(RUNTIME_POWER_STATE);
  }

  /**
   * Reads properties of one VM.
   *
   * @throws NotFoundException when the VM does not exist
   */
  private PropertyValues properties(VirtualMachine vm, String... paths) {
    ObjectSpec object = new ObjectSpec();
    object.setObj(vm.getMOR());
    object.setSkip(false);
    PropertyFilterSpec filter = new PropertyFilterSpec();
    filter.setObjectSet(new ObjectSpec[] {object});
    filter.setPropSet(new PropertySpec[] {BulkRetriever.spec("VirtualMachine", List.of(paths))});
    String id = PropertyValues.key(vm.getMOR());
    RetrieveResult result;
    try {
      result =
          connection()
              .serviceInstance()
              .getPropertyCollector()
              .retrievePropertiesEx(new PropertyFilterSpec[] {filter}, new RetrieveOptions());
    } catch (RemoteException e) {
      throw failure("read", id, e);
    }
    ObjectContent[] contents = result == null ? null : result.getObjects();
    if (contents == null || contents.length == 0) {
      throw notFound(id);
    }
    return PropertyValues.of(contents[0]);
  }

  /**
   * A failed call on a VM as a domain error: not found, refused by the source (a vSphere fault) or
   * not reached.
   */
  private RuntimeException failure(String action, String sourceSpecificId, RemoteException e) {
    if (e instanceof ManagedObjectNotFound) {
      return notFound(sourceSpecificId);
    }
    String message =
        "Failed to " + action + " VM " + sourceSpecificId + ": " + VsphereErrors.describe(e);
    return e instanceof MethodFault
        ? new OperationFailedException(message, e)
        : new TransientException(message, e);
  }

  private NotFoundException notFound(String sourceSpecificId) {
    return new NotFoundException(
        "VM " + sourceSpecificId + " not found on " + GoStrings.quote(endpoint.endpoint()));
  }

  /** Waits for a task; yavijava's default first poll comes after 1 s, this polls every 50 ms. */
  private static TaskInfo finish(Task task) throws RemoteException {
    try {
      task.waitForTask(50, 50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException("Interrupted while waiting for a vSphere task", e);
    }
    return task.getTaskInfo();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException("Interrupted", e);
    }
  }
}
