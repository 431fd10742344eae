package io.migrationmanager.tests.peers.incus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.migrationmanager.activities.incus.IncusBackupTarball;
import io.migrationmanager.activities.incus.IncusClient;
import io.migrationmanager.activities.incus.IncusConnection;
import io.migrationmanager.activities.incus.IncusConnectivity;
import io.migrationmanager.activities.incus.IncusEtagged;
import io.migrationmanager.activities.incus.IncusException;
import io.migrationmanager.activities.incus.IncusInstance;
import io.migrationmanager.activities.incus.IncusInstanceSource;
import io.migrationmanager.activities.incus.IncusInstanceState;
import io.migrationmanager.activities.incus.IncusInstancesPost;
import io.migrationmanager.activities.incus.IncusNetwork;
import io.migrationmanager.activities.incus.IncusOperation;
import io.migrationmanager.activities.incus.IncusProject;
import io.migrationmanager.activities.incus.IncusServerInfo;
import io.migrationmanager.activities.incus.IncusStoragePool;
import io.migrationmanager.activities.incus.IncusStorageVolume;
import io.migrationmanager.activities.incus.IncusStorageVolumesPost;
import io.migrationmanager.domain.source.ConnectivityStatus;
import io.migrationmanager.tls.Pem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Incus API contract Migration Manager relies on, run with the same {@link IncusClient} calls against the
 * real Incus test peer ({@link RealIncusContractTest}) and against {@link IncusStub} ({@link
 * StubIncusContractTest}): same results, status codes and messages. Both peers carry the fixtures of {@code
 * tests/peers/incus/start.sh} (pool {@code pool02}, project {@code project1}, bridge {@code incusbr1}, image
 * {@code mm-busybox}). Instances here are containers, the only kind the real peer can run; the stub's VMs are
 * covered by {@link IncusStubVirtualMachineTest}.
 */
abstract class IncusContractTest {
  private static final Random RANDOM = new Random();

  /** A connection with a client certificate the peer trusts, pinned to the peer's server certificate. */
  protected abstract IncusConnection trustedConnection();

  /** The peer's server certificate. */
  protected abstract X509Certificate serverCertificate();

  /** What the peer reports as {@code ipv4.address} of {@code incusbr1}. */
  protected abstract String bridge1Ipv4();

  /** The local image alias containers are created from. */
  protected abstract String image();

  private final Deque<Runnable> cleanups = new ArrayDeque<>();
  protected IncusClient client;
  protected URI url;
  protected String prefix;

  @BeforeEach
  void connect() {
    client = new IncusClient(trustedConnection());
    url = client.endpoint();
    prefix = "mmct-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).substring(0, 6);
  }

  @AfterEach
  void cleanUp() {
    while (!cleanups.isEmpty()) {
      try {
        cleanups.pop().run();
      } catch (IncusException e) {
        // Already gone, or removed by the test itself.
      }
    }
  }

  private void deleteInstanceLater(IncusClient scoped, String name) {
    cleanups.push(
        () -> {
          try {
            scoped.stopInstance(name, true);
          } catch (IncusException e) {
            // Not running.
          }
          scoped.deleteInstance(name);
        });
  }

  private void deleteVolumeLater(IncusClient scoped, String pool, String name) {
    cleanups.push(() -> scoped.deleteCustomVolume(pool, name));
  }

  private IncusException failure(Runnable call) {
    IncusException e = catchThrowableOfType(IncusException.class, call::run);
    assertThat(e).as("expected an IncusException").isNotNull();
    return e;
  }

  private void assertFailure(IncusException e, int status, String what, String incusMessage) {
    assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(status);
    assertThat(e.incusMessage()).isEqualTo(incusMessage);
    assertThat(e.getMessage())
        .isEqualTo("Failed to " + what + " on target \"" + url + "\": " + incusMessage);
  }

  // ---------------------------------------------------------------------------------------------------
  // Server and authentication

  @Test
  void serverInfoShowsTrustedClientTheEnvironment() {
    IncusServerInfo info = client.serverInfo();

    assertThat(info.trusted()).isTrue();
    assertThat(info.auth()).isEqualTo("trusted");
    assertThat(info.authMethods()).contains("tls");
    assertThat(info.apiVersion()).isEqualTo("1.0");
    assertThat(info.serverVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
    assertThat(info.clustered()).isFalse();
    assertThat(info.architectures()).contains("x86_64");
    assertThat(info.storageDrivers())
        .anySatisfy(
            d -> {
              assertThat(d.name()).isEqualTo("dir");
              assertThat(d.remote()).isFalse();
            });
    assertThat(info.certificateFingerprint()).isEqualTo(Pem.fingerprint(serverCertificate()));
  }

  @Test
  void trustedClientIsConnected() {
    IncusConnectivity result = client.checkConnectivity();

    assertThat(result.status()).isEqualTo(ConnectivityStatus.OK);
    assertThat(result.message()).isEmpty();
    assertThat(result.serverCertificate()).isNull();
  }

  @Test
  void untrustedClientGetsAuthenticationError() {
    TestIdentity stranger = TestIdentity.generate("stranger");
    IncusClient untrusted =
        new IncusClient(
            IncusConnection.of(url, stranger.certificatePem(), stranger.pkcs8KeyPem())
                .withTrustedServerCertificate(
                    serverCertificatePem(), Pem.fingerprint(serverCertificate())));

    IncusConnectivity result = untrusted.checkConnectivity();
    assertThat(result.status()).isEqualTo(ConnectivityStatus.AUTHENTICATION_ERROR);
    assertThat(result.message())
        .isEqualTo("Failed to connect to endpoint \"" + url + "\": not authorized");

    IncusServerInfo info = untrusted.serverInfo();
    assertThat(info.auth()).isEqualTo("untrusted");
    assertThat(info.serverVersion()).isEmpty();
    assertThat(info.storageDrivers()).isEmpty();

    IncusException e = failure(untrusted::listProjects);
    assertFailure(e, 403, "list projects", "not authorized");
    assertThat(e.isNotAuthorized()).isTrue();
    assertThat(IncusClient.connectivityStatusOf(e))
        .isEqualTo(ConnectivityStatus.AUTHENTICATION_ERROR);
  }

  @Test
  void unpinnedSelfSignedServerAsksToConfirmItsFingerprint() {
    IncusConnection unpinned = withoutTrust(trustedConnection());

    IncusConnectivity result = new IncusClient(unpinned).checkConnectivity();

    assertThat(result.status()).isEqualTo(ConnectivityStatus.CONFIRM_TLS_FINGERPRINT);
    assertThat(result.serverCertificate()).isEqualTo(serverCertificate());
    assertThat(result.serverCertificateFingerprint())
        .isEqualTo(Pem.fingerprint(serverCertificate()));
    assertThat(result.message())
        .isEqualTo(
            "Server presented an untrusted TLS certificate with SHA256 fingerprint "
                + Pem.fingerprint(serverCertificate()));

    IncusException e = failure(new IncusClient(unpinned)::serverInfo);
    assertThat(e.isTransportFailure()).isTrue();
    assertThat(IncusClient.connectivityStatusOf(e)).isEqualTo(ConnectivityStatus.TLS_ERROR);
  }

  @Test
  void storedCertificateWithWrongFingerprintIsNotTrusted() {
    IncusConnection wrongFingerprint =
        trustedConnection()
            .withTrustedServerCertificate(serverCertificatePem(), "ab".repeat(32));

    IncusConnectivity result = new IncusClient(wrongFingerprint).checkConnectivity();

    assertThat(result.status()).isEqualTo(ConnectivityStatus.CONFIRM_TLS_FINGERPRINT);
    assertThat(result.serverCertificate()).isEqualTo(serverCertificate());
  }

  @Test
  void certificatePinnedToAnotherServerFailsTheHandshake() {
    TestIdentity other = TestIdentity.generate("other-server");
    IncusConnection pinnedElsewhere =
        trustedConnection()
            .withTrustedServerCertificate(
                other.certificatePem().getBytes(StandardCharsets.US_ASCII), other.fingerprint());

    IncusException e = failure(new IncusClient(pinnedElsewhere)::serverInfo);
    assertThat(IncusClient.connectivityStatusOf(e)).isEqualTo(ConnectivityStatus.TLS_ERROR);

    IncusConnectivity result = new IncusClient(pinnedElsewhere).checkConnectivity();
    assertThat(result.status()).isEqualTo(ConnectivityStatus.CONFIRM_TLS_FINGERPRINT);
    assertThat(result.serverCertificateFingerprint())
        .isEqualTo(Pem.fingerprint(serverCertificate()));
  }

  @Test
  void confirmedFingerprintWithoutStoredCertificateConnectsAndHandsBackTheCertificate() {
    String colonsUpperCase =
        Pem.fingerprint(serverCertificate())
            .toUpperCase(Locale.ROOT)
            .replaceAll("(..)(?!$)", "$1:");
    IncusConnection confirmedOnly =
        withoutTrust(trustedConnection()).withTrustedServerCertificate(null, colonsUpperCase);

    IncusConnectivity result = new IncusClient(confirmedOnly).checkConnectivity();

    assertThat(result.status()).isEqualTo(ConnectivityStatus.OK);
    assertThat(result.serverCertificate()).isEqualTo(serverCertificate());
  }

  @Test
  void closedPortCannotConnect() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    IncusConnection nowhere =
        new IncusConnection(
            URI.create("https://127.0.0.1:" + port),
            trustedConnection().clientCertificatePem(),
            trustedConnection().clientKeyPem(),
            null,
            null,
            Duration.ofSeconds(5));

    IncusConnectivity result = new IncusClient(nowhere).checkConnectivity();

    assertThat(result.status()).isEqualTo(ConnectivityStatus.CANNOT_CONNECT);
    assertThat(result.message())
        .startsWith("Failed to get server information on target \"https://127.0.0.1:" + port + "\"");
    IncusException e = failure(new IncusClient(nowhere)::serverInfo);
    assertThat(e.isTransportFailure()).isTrue();
  }

  // ---------------------------------------------------------------------------------------------------
  // Projects, pools, networks, cluster

  @Test
  void listsProjects() {
    Map<String, IncusProject> projects =
        client.listProjects().stream()
            .collect(Collectors.toMap(IncusProject::name, Function.identity()));

    assertThat(projects).containsKeys("default", "project1");
    assertThat(projects.get("default").description()).isEqualTo("Default Incus project");
    assertThat(projects.get("default").config()).containsEntry("features.networks", "true");
    assertThat(projects.get("project1").config())
        .containsEntry("features.profiles", "true")
        .containsEntry("features.storage.volumes", "true")
        .doesNotContainKey("features.networks");
  }

  @Test
  void listsStoragePoolsWithTheirDrivers() {
    Map<String, String> drivers =
        client.listStoragePools().stream()
            .collect(Collectors.toMap(IncusStoragePool::name, IncusStoragePool::driver));

    assertThat(drivers).containsEntry("default", "dir").containsEntry("pool02", "dir");
    IncusStoragePool pool02 = client.getStoragePool("pool02");
    assertThat(pool02.status()).isEqualTo("Created");
    assertThat(pool02.locations()).containsExactly("none");
  }

  @Test
  void missingStoragePoolIsNotFound() {
    IncusException e = failure(() -> client.getStoragePool(prefix));

    assertFailure(e, 404, "get storage pool \"" + prefix + "\"", "Storage pool not found");
    assertThat(e.isNotFound()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "project1"})
  void listsNetworksAsTheProjectSeesThem(String project) {
    Map<String, IncusNetwork> networks =
        client.useProject(project).listNetworks().stream()
            .collect(Collectors.toMap(IncusNetwork::name, Function.identity()));

    IncusNetwork incusbr0 = networks.get("incusbr0");
    assertThat(incusbr0.type()).isEqualTo("bridge");
    assertThat(incusbr0.managed()).isTrue();
    assertThat(incusbr0.ipv4Address()).isEqualTo("none");
    assertThat(incusbr0.project()).isEqualTo("default");
    IncusNetwork incusbr1 = networks.get("incusbr1");
    assertThat(incusbr1.type()).isEqualTo("bridge");
    assertThat(incusbr1.managed()).isTrue();
    assertThat(incusbr1.ipv4Address()).isEqualTo(bridge1Ipv4());
    IncusNetwork lo = networks.get("lo");
    assertThat(lo.type()).isEqualTo("loopback");
    assertThat(lo.managed()).isFalse();
    assertThat(networks.values())
        .anySatisfy(
            n -> {
              assertThat(n.type()).isEqualTo("physical");
              assertThat(n.managed()).isFalse();
            });
  }

  @Test
  void getsOneNetwork() {
    assertThat(client.getNetwork("incusbr1").ipv4Address()).isEqualTo(bridge1Ipv4());

    IncusException e = failure(() -> client.getNetwork(prefix));
    assertFailure(
        e, 404, "get network \"" + prefix + "\" in project \"default\"", "Network not found");
  }

  @Test
  void standaloneServerHasNoClusterMembers() {
    assertThat(client.listClusterMembers()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------
  // Custom volumes

  @Test
  void customBlockVolumeLifecycle() {
    String name = prefix + "-vol";
    client.createCustomVolume(
        "pool02", IncusStorageVolumesPost.customBlock(name, 1 << 20, "Migrated disk (disk-1)"));
    deleteVolumeLater(client, "pool02", name);

    IncusStorageVolume listed =
        client.listStorageVolumes("pool02").stream()
            .filter(v -> v.name().equals(name))
            .findFirst()
            .orElseThrow();
    assertThat(listed.type()).isEqualTo("custom");
    assertThat(listed.contentType()).isEqualTo("block");
    assertThat(listed.config()).containsEntry("size", "1048576B");
    assertThat(listed.description()).isEqualTo("Migrated disk (disk-1)");
    assertThat(listed.location()).isEqualTo("none");
    assertThat(listed.project()).isEqualTo("default");
    assertThat(listed.usedBy()).isEmpty();
    assertThat(client.getCustomVolume("pool02", name)).isEqualTo(listed);
    assertThat(client.useTarget("none").getCustomVolume("pool02", name)).isEqualTo(listed);

    IncusException conflict =
        failure(
            () ->
                client.createCustomVolume(
                    "pool02", IncusStorageVolumesPost.customBlock(name, 1 << 20, "")));
    assertFailure(
        conflict,
        409,
        "create custom volume \"" + name + "\" in pool \"pool02\"",
        "Volume by that name already exists");
    assertThat(conflict.isConflict()).isTrue();

    client.deleteCustomVolume("pool02", name);
    assertFailure(
        failure(() -> client.getCustomVolume("pool02", name)),
        404,
        "get custom volume \"" + name + "\" in pool \"pool02\"",
        "Storage pool volume not found");
    assertFailure(
        failure(() -> client.deleteCustomVolume("pool02", name)),
        404,
        "delete custom volume \"" + name + "\" in pool \"pool02\"",
        "Storage pool volume not found");
  }

  @Test
  void customVolumesBelongToTheirProject() {
    String name = prefix + "-p1";
    IncusClient project1 = client.useProject("project1");
    project1.createCustomVolume("pool02", IncusStorageVolumesPost.customBlock(name, 1 << 20, ""));
    deleteVolumeLater(project1, "pool02", name);

    assertThat(project1.listStorageVolumes("pool02"))
        .extracting(IncusStorageVolume::name)
        .contains(name);
    assertThat(project1.getCustomVolume("pool02", name).project()).isEqualTo("project1");
    assertThat(client.listStorageVolumes("pool02"))
        .extracting(IncusStorageVolume::name)
        .doesNotContain(name);
  }

  @Test
  void volumeCallsReportMissingPoolProjectAndMember() {
    IncusStorageVolumesPost volume = IncusStorageVolumesPost.customBlock(prefix, 1 << 20, "");
    String what = "create custom volume \"" + prefix + "\" in pool ";

    assertFailure(
        failure(() -> client.createCustomVolume(prefix, volume)),
        404,
        what + "\"" + prefix + "\"",
        "Storage pool not found");
    assertFailure(
        failure(() -> client.useProject(prefix).createCustomVolume("pool02", volume)),
        404,
        what + "\"pool02\"",
        "Failed to load project \"" + prefix + "\": Project not found");
    assertFailure(
        failure(() -> client.useTarget(prefix).createCustomVolume("pool02", volume)),
        404,
        what + "\"pool02\"",
        "Cluster member not found");
  }

  @Test
  void importsCustomVolumeFromBackupTarballByteForByte() throws IOException {
    String name = prefix + "-imp";
    byte[] image = new byte[3 << 20];
    RANDOM.nextBytes(image);
    IncusBackupTarball tarball = IncusBackupTarball.ofBlockVolume(name, "worker image", image);

    IncusOperation op = client.importCustomVolume("pool02", name, tarball);
    deleteVolumeLater(client, "pool02", name);

    assertThat(op.succeeded()).isTrue();
    assertThat(op.description()).isEqualTo("Restoring custom volume backup");
    assertThat(op.resources().get("storage_volumes"))
        .containsExactly("/1.0/storage-pools/pool02/volumes/custom/" + name);
    assertThat(client.getOperation(op.id()).status()).isEqualTo("Success");
    assertThat(client.waitOperation(op.id(), Duration.ofSeconds(5)).succeeded()).isTrue();

    IncusStorageVolume volume = client.getCustomVolume("pool02", name);
    assertThat(volume.contentType()).isEqualTo("block");
    assertThat(volume.config()).containsEntry("size", image.length + "B");
    assertThat(volume.description()).isEqualTo("worker image");

    ByteArrayOutputStream exported = new ByteArrayOutputStream();
    client.exportCustomVolume("pool02", name, exported);
    Map<String, byte[]> files = Tar.readFiles(new ByteArrayInputStream(exported.toByteArray()));
    assertThat(files).containsKey("backup/index.yaml");
    assertThat(files.get("backup/volume.img")).isEqualTo(image);

    assertFailure(
        failure(() -> client.importCustomVolume("pool02", name, tarball)),
        500,
        "import custom volume \"" + name + "\" into pool \"pool02\"",
        "Create custom volume from backup: Volume \"" + name + "\" already exists in pool \"pool02\"");
  }

  @Test
  void importsIntoAnotherProject() {
    String name = prefix + "-imp1";
    IncusClient project1 = client.useProject("project1");
    byte[] image = new byte[1 << 20];
    RANDOM.nextBytes(image);

    IncusOperation op =
        project1.importCustomVolume(
            "pool02", name, IncusBackupTarball.ofBlockVolume(name, "", image));
    deleteVolumeLater(project1, "pool02", name);

    assertThat(op.resources().get("storage_volumes"))
        .containsExactly("/1.0/storage-pools/pool02/volumes/custom/" + name + "?project=project1");
    assertThat(project1.getCustomVolume("pool02", name).config())
        .containsEntry("size", image.length + "B");
  }

  // ---------------------------------------------------------------------------------------------------
  // Operations

  @Test
  void unknownOperationIsNotFound() {
    String id = "00000000-0000-0000-0000-000000000000";

    assertFailure(
        failure(() -> client.getOperation(id)), 404, "get operation \"" + id + "\"", "Operation not found");
    assertFailure(
        failure(() -> client.waitOperation(id, Duration.ofSeconds(1))),
        404,
        "wait for operation \"" + id + "\"",
        "Operation not found");
  }

  // ---------------------------------------------------------------------------------------------------
  // Instances

  @Test
  void missingInstanceIsNotFound() {
    String name = prefix + "-none";
    String expected = "Failed to fetch instance \"" + name + "\" in project \"default\": Instance not found";

    assertFailure(
        failure(() -> client.getInstance(name)),
        404,
        "get instance \"" + name + "\" in project \"default\"",
        expected);
    assertFailure(
        failure(() -> client.deleteInstance(name)),
        404,
        "delete instance \"" + name + "\" in project \"default\"",
        expected);
    assertFailure(
        failure(() -> client.getInstanceState(name)),
        404,
        "get state of instance \"" + name + "\" in project \"default\"",
        expected);
    assertFailure(
        failure(() -> client.useProject("project1").startInstance(name)),
        404,
        "start instance \"" + name + "\" in project \"project1\"",
        "Failed to fetch instance \"" + name + "\" in project \"project1\": Instance not found");
  }

  @Test
  void instanceLifecycle() {
    String name = prefix + "-c";
    IncusOperation created =
        client.createInstance(
            new IncusInstancesPost(
                name,
                IncusInstance.CONTAINER,
                IncusInstanceSource.image(image()),
                null,
                "Auto-imported from VMware",
                Map.of("user.migration_source", "vcenter01"),
                null,
                null,
                false));
    deleteInstanceLater(client, name);
    assertThat(created.description()).isEqualTo("Creating instance");
    assertThat(created.resources().get("instances")).contains("/1.0/instances/" + name);
    assertThat(client.listInstanceNames()).contains(name);

    IncusEtagged<IncusInstance> read = client.getInstance(name);
    IncusInstance instance = read.value();
    assertThat(instance.name()).isEqualTo(name);
    assertThat(instance.type()).isEqualTo("container");
    assertThat(instance.status()).isEqualTo("Stopped");
    assertThat(instance.statusCode()).isEqualTo(IncusInstanceState.STOPPED);
    assertThat(instance.description()).isEqualTo("Auto-imported from VMware");
    assertThat(instance.config())
        .containsEntry("user.migration_source", "vcenter01")
        .containsKey("volatile.uuid");
    assertThat(instance.profiles()).containsExactly("default");
    assertThat(instance.devices()).isEmpty();
    assertThat(instance.expandedDevices().get("root"))
        .containsEntry("type", "disk")
        .containsEntry("path", "/")
        .containsEntry("pool", "default");
    assertThat(instance.expandedDevices().get("eth0")).containsEntry("network", "incusbr0");
    assertThat(instance.location()).isEqualTo("none");
    assertThat(instance.project()).isEqualTo("default");
    assertThat(read.etag()).isNotEmpty();
    assertThat(client.listStorageVolumes("default"))
        .anySatisfy(
            v -> {
              assertThat(v.name()).isEqualTo(name);
              assertThat(v.type()).isEqualTo("container");
            });

    assertFailure(
        failure(
            () ->
                client.createInstance(
                    new IncusInstancesPost(
                        name,
                        IncusInstance.CONTAINER,
                        IncusInstanceSource.none(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        false))),
        500,
        "create instance \"" + name + "\" in project \"default\"",
        "Failed creating instance record: Add instance info to the database: Failed to create"
            + " \"instances\" entry: UNIQUE constraint failed: instances.project_id, instances.name");

    IncusException stale =
        failure(() -> client.updateInstance(name, instance.writable(), "\"0000\""));
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.isPreconditionFailed()).isTrue();
    assertThat(stale.incusMessage()).startsWith("ETag doesn't match: ").endsWith(" vs 0000");

    Map<String, String> config = new TreeMap<>(instance.config());
    config.put("user.migration.hwaddrs", "00:16:3e:00:00:01");
    client.updateInstance(name, instance.writable().withConfig(config), read.etag());
    IncusEtagged<IncusInstance> updated = client.getInstance(name);
    assertThat(updated.value().config())
        .containsEntry("user.migration.hwaddrs", "00:16:3e:00:00:01")
        .containsEntry("user.migration_source", "vcenter01");
    assertThat(updated.etag()).isNotEqualTo(read.etag());

    client.startInstance(name);
    IncusInstanceState running = client.getInstanceState(name);
    assertThat(running.running()).isTrue();
    assertThat(running.status()).isEqualTo("Running");
    assertThat(running.processes()).isPositive();
    assertThat(running.pid()).isPositive();
    assertThat(client.getInstance(name).value().running()).isTrue();

    assertThat(client.exec(name, List.of("/bin/sh", "-c", "exit 3"))).isEqualTo(3);
    assertThat(client.exec(name, List.of("/bin/true"))).isZero();

    assertFailure(
        failure(() -> client.startInstance(name)),
        500,
        "start instance \"" + name + "\" in project \"default\"",
        "The instance is already running");
    assertFailure(
        failure(() -> client.deleteInstance(name)),
        400,
        "delete instance \"" + name + "\" in project \"default\"",
        "Instance is running");

    client.stopInstance(name, true);
    assertThat(client.getInstanceState(name).statusCode()).isEqualTo(IncusInstanceState.STOPPED);
    assertFailure(
        failure(() -> client.stopInstance(name, true)),
        400,
        "stop instance \"" + name + "\" in project \"default\"",
        "The instance is already stopped");
    assertFailure(
        failure(() -> client.exec(name, List.of("/bin/true"))),
        400,
        "run [/bin/true] in instance \"" + name + "\" in project \"default\"",
        "Instance is not running");

    client.deleteInstance(name);
    assertThat(client.listInstanceNames()).doesNotContain(name);
    assertThat(failure(() -> client.getInstance(name)).isNotFound()).isTrue();
  }

  @Test
  void instanceDevicesAreValidated() {
    String name = prefix + "-d";
    String fsVolume = prefix + "-fs";
    String blockVolume = prefix + "-blk";
    client.createCustomVolume(
        "pool02", new IncusStorageVolumesPost(fsVolume, "custom", "filesystem", "", Map.of()));
    deleteVolumeLater(client, "pool02", fsVolume);
    client.createCustomVolume("pool02", IncusStorageVolumesPost.customBlock(blockVolume, 1 << 20, ""));
    deleteVolumeLater(client, "pool02", blockVolume);
    String what = "create instance \"" + name + "\" in project \"default\"";

    assertFailure(
        failure(() -> client.createInstance(empty(name, Map.of("eth0", nic(prefix))))),
        404,
        what,
        "Failed creating instance record: Failed initializing instance: Invalid devices: Device"
            + " validation failed for \"eth0\": Failed loading device \"eth0\": Failed to load network"
            + " \""
            + prefix
            + "\" for project \"default\": Network not found");
    assertFailure(
        failure(() -> client.createInstance(empty(name, Map.of("data", disk("pool02", prefix))))),
        404,
        what,
        "Failed creating instance record: Failed initializing instance: Failed add validation for"
            + " device \"data\": Failed loading custom volume: Storage volume not found");

    client.createInstance(empty(name, Map.of("data", disk("pool02", fsVolume))));
    deleteInstanceLater(client, name);
    IncusStorageVolume used = client.getCustomVolume("pool02", fsVolume);
    assertThat(used.usedBy()).containsExactly("/1.0/instances/" + name);
    assertFailure(
        failure(() -> client.deleteCustomVolume("pool02", fsVolume)),
        400,
        "delete custom volume \"" + fsVolume + "\" in pool \"pool02\"",
        "The storage volume is still in use");

    IncusEtagged<IncusInstance> read = client.getInstance(name);
    Map<String, Map<String, String>> devices = new TreeMap<>(read.value().devices());
    devices.put("disk1", disk("pool02", blockVolume));
    assertFailure(
        failure(
            () ->
                client.updateInstance(
                    name, read.value().writable().withDevices(devices), read.etag())),
        500,
        "update instance \"" + name + "\" in project \"default\"",
        "Failed add validation for device \"disk1\": Custom block volumes cannot be used on"
            + " containers");
  }

  @Test
  void instanceCreationRejectsBadRequests() {
    String what = "create instance \"%s\" in project \"%s\"";

    assertFailure(
        failure(() -> client.createInstance(empty("bad name", Map.of()))),
        400,
        String.format(what, "bad name", "default"),
        "Invalid instance name: Name can only contain alphanumeric and hyphen characters");
    assertFailure(
        failure(
            () ->
                client.createInstance(
                    new IncusInstancesPost(
                        prefix,
                        IncusInstance.CONTAINER,
                        new IncusInstanceSource("bogus", null),
                        null,
                        null,
                        null,
                        null,
                        null,
                        false))),
        400,
        String.format(what, prefix, "default"),
        "Unknown source type bogus");
    assertFailure(
        failure(() -> client.useProject(prefix).createInstance(empty(prefix, Map.of()))),
        404,
        String.format(what, prefix, prefix),
        "Failed loading project: Project not found");
    assertFailure(
        failure(() -> client.useTarget("none").createInstance(empty(prefix, Map.of()))),
        400,
        String.format(what, prefix, "default"),
        "Target only allowed when clustered");
  }

  private static IncusInstancesPost empty(String name, Map<String, Map<String, String>> devices) {
    return new IncusInstancesPost(
        name, IncusInstance.CONTAINER, IncusInstanceSource.none(), null, null, null, devices, null, false);
  }

  private static Map<String, String> nic(String network) {
    return Map.of("type", "nic", "name", "eth0", "network", network);
  }

  private static Map<String, String> disk(String pool, String volume) {
    return Map.of("type", "disk", "pool", pool, "source", volume, "path", "/mnt/" + volume);
  }

  private byte[] serverCertificatePem() {
    return Pem.encodeCertificate(serverCertificate()).getBytes(StandardCharsets.US_ASCII);
  }

  private static IncusConnection withoutTrust(IncusConnection c) {
    return new IncusConnection(
        c.endpoint(), c.clientCertificatePem(), c.clientKeyPem(), null, null, c.connectionTimeout());
  }
}
