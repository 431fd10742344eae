package io.migrationmanager.tests.peers.incus;

import static io.migrationmanager.tests.peers.incus.StubHttp.MAPPER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationmanager.tests.peers.incus.StubHttp.Call;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The objects {@link IncusStub} serves, guarded by {@link #lock}, and their JSON forms. */
final class StubModel {
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  final Object lock = new Object();
  final List<String> members;
  final Path dataDir;
  final Map<String, ProjectState> projects = new TreeMap<>();
  final Map<String, PoolState> pools = new TreeMap<>();
  final List<NetworkState> networks = new ArrayList<>();
  final Map<String, String> images = new TreeMap<>();
  final Map<String, InstanceState> instances = new TreeMap<>();
  final Map<String, VolumeState> volumes = new TreeMap<>();
  final Map<String, Path> backups = new TreeMap<>();
  final List<StubExec> execs = new CopyOnWriteArrayList<>();
  volatile Duration agentDelay;
  volatile ToIntFunction<StubExec> execHandler = exec -> 0;
  int nextMember;

  StubModel(List<String> members, Path dataDir) {
    this.members = List.copyOf(members);
    this.dataDir = dataDir;
  }

  /** A project and its default profile's devices. */
  static final class ProjectState {
    final String name;
    final String description;
    final Map<String, String> config;
    final Map<String, Map<String, String>> profileDevices = new TreeMap<>();

    ProjectState(String name, String description, Map<String, String> config) {
      this.name = name;
      this.description = description;
      this.config = config;
    }
  }

  /** A storage pool. */
  record PoolState(String name, String driver) {}

  /** A managed network or an unmanaged host interface. */
  record NetworkState(
      String name, String type, boolean managed, Map<String, String> config) {}

  /** An instance; its writable fields are what {@link #etag} hashes. */
  static final class InstanceState {
    String project;
    String name;
    String type;
    String architecture;
    String description;
    Map<String, String> config = new TreeMap<>();
    Map<String, Map<String, String>> devices = new TreeMap<>();
    List<String> profiles = new ArrayList<>();
    boolean ephemeral;
    boolean stateful;
    boolean running;
    String location;
    Instant createdAt = Instant.now();
    Instant lastUsedAt;
    Instant startedAt;
    Instant agentReadyAt;
    long pid;
  }

  /** A custom volume; its content lives in {@code file}. */
  static final class VolumeState {
    String pool;
    String project;
    String name;
    String contentType;
    String description;
    Map<String, String> config = new TreeMap<>();
    String location;
    String createdAt;
    Path file;
  }

  ProjectState project(String name) {
    synchronized (lock) {
      ProjectState p = projects.get(name);
      if (p == null) {
        throw StubError.notFound("Project not found");
      }
      return p;
    }
  }

  ObjectNode projectJson(ProjectState p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set("config", MAPPER.valueToTree(p.config));
    o.put("description", p.description);
    o.put("name", p.name);
    o.set("used_by", MAPPER.createArrayNode());
    return o;
  }

  PoolState pool(String name) {
    synchronized (lock) {
      PoolState pool = pools.get(name);
      if (pool == null) {
        throw StubError.notFound("Storage pool not found");
      }
      return pool;
    }
  }

  ObjectNode poolJson(PoolState pool) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set(
        "config", MAPPER.valueToTree(Map.of("source", "/var/lib/incus/storage-pools/" + pool.name())));
    o.put("description", "");
    o.put("name", pool.name());
    o.put("driver", pool.driver());
    o.set("used_by", MAPPER.createArrayNode());
    o.put("status", "Created");
    o.set("locations", MAPPER.valueToTree(members.isEmpty() ? List.of("none") : members));
    return o;
  }

  Optional<NetworkState> network(String name) {
    synchronized (lock) {
      return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }
  }

  ObjectNode networkJson(NetworkState n) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set("config", MAPPER.valueToTree(n.config()));
    o.put("description", "");
    o.put("name", n.name());
    o.put("type", n.type());
    o.set("used_by", MAPPER.createArrayNode());
    o.put("managed", n.managed());
    o.put("status", n.managed() ? "Created" : "");
    if (n.managed()) {
      o.set("locations", MAPPER.valueToTree(members.isEmpty() ? List.of("none") : members));
    } else {
      o.putNull("locations");
    }
    o.put("project", "default");
    return o;
  }

  ObjectNode memberJson(String member) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("server_name", member);
    o.put("url", "https://" + member + ":8443");
    o.put("database", true);
    o.put("status", "Online");
    o.put("message", "Fully operational");
    o.put("architecture", "x86_64");
    o.set("roles", MAPPER.createArrayNode());
    o.put("failure_domain", "default");
    o.put("description", "");
    o.set("config", MAPPER.createObjectNode());
    o.set("groups", MAPPER.valueToTree(List.of("default")));
    return o;
  }

  /**
   * Checks {@code ?target=} against the members: empty is fine; a standalone server accepts only {@code
   * none} (for volumes; instances reject any target); returns the location to use.
   */
  String volumeLocation(Call c) {
    String target = c.param("target");
    if (members.isEmpty()) {
      if (!target.isEmpty() && !target.equals("none")) {
        throw StubError.notFound("Cluster member not found");
      }
      return "none";
    }
    if (target.isEmpty()) {
      return members.get(0);
    }
    if (!members.contains(target)) {
      throw StubError.notFound("Cluster member not found");
    }
    return target;
  }

  ObjectNode instanceVolumeJson(InstanceState i) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set("config", MAPPER.createObjectNode());
    o.put("description", "");
    o.put("name", i.name);
    o.put("type", i.type);
    o.set(
        "used_by",
        MAPPER.valueToTree(List.of(withProject("/1.0/instances/" + i.name, i.project))));
    o.put("location", i.location);
    o.put("content_type", i.type.equals("virtual-machine") ? "block" : "filesystem");
    o.put("project", i.project);
    o.put("created_at", i.createdAt.toString());
    return o;
  }

  ObjectNode volumeJson(VolumeState v) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set("config", MAPPER.valueToTree(v.config));
    o.put("description", v.description);
    o.put("name", v.name);
    o.put("type", "custom");
    o.set("used_by", MAPPER.valueToTree(usedBy(v)));
    o.put("location", v.location);
    o.put("content_type", v.contentType);
    o.put("project", v.project);
    o.put("created_at", v.createdAt);
    return o;
  }

  List<String> usedBy(VolumeState v) {
    List<String> users = new ArrayList<>();
    for (InstanceState i : instances.values()) {
      if (i.project.equals(v.project) && usesVolume(i, v)) {
        users.add(withProject("/1.0/instances/" + i.name, i.project));
      }
    }
    return users;
  }

  static boolean usesVolume(InstanceState i, VolumeState v) {
    return i.devices.values().stream()
        .anyMatch(
            d ->
                "disk".equals(d.get("type"))
                    && v.pool.equals(d.get("pool"))
                    && v.name.equals(d.get("source")));
  }

  Map<String, Map<String, String>> expandedDevices(InstanceState i) {
    Map<String, Map<String, String>> expanded = new TreeMap<>();
    ProjectState p = projects.get(i.project);
    if (p != null && i.profiles.contains("default")) {
      expanded.putAll(p.profileDevices);
    }
    expanded.putAll(i.devices);
    return expanded;
  }

  Map<String, String> rootDisk(InstanceState i) {
    return expandedDevices(i).values().stream()
        .filter(d -> "disk".equals(d.get("type")) && "/".equals(d.get("path")))
        .findFirst()
        .orElse(null);
  }

  /** Running containers report their process count; a running VM's agent reports it once up, else -1. */
  static long processes(InstanceState i) {
    if (!i.running) {
      return 0;
    }
    if (i.type.equals("container")) {
      return 1;
    }
    return Instant.now().isBefore(i.agentReadyAt) ? -1 : 12;
  }

  ObjectNode instanceJson(InstanceState i) {
    Map<String, String> expandedConfig = new TreeMap<>(i.config);
    ObjectNode o = MAPPER.createObjectNode();
    o.put("architecture", i.architecture);
    o.set("config", MAPPER.valueToTree(i.config));
    o.set("devices", MAPPER.valueToTree(i.devices));
    o.put("ephemeral", i.ephemeral);
    o.set("profiles", MAPPER.valueToTree(i.profiles));
    o.put("stateful", i.stateful);
    o.put("description", i.description);
    o.put("created_at", i.createdAt.toString());
    o.set("expanded_config", MAPPER.valueToTree(expandedConfig));
    o.set("expanded_devices", MAPPER.valueToTree(expandedDevices(i)));
    o.put("name", i.name);
    o.put("status", i.running ? "Running" : "Stopped");
    o.put("status_code", i.running ? 103 : 102);
    o.put("last_used_at", i.lastUsedAt == null ? ZERO_TIME : i.lastUsedAt.toString());
    o.put("location", i.location);
    o.put("type", i.type);
    o.put("project", i.project);
    return o;
  }

  /** Incus hashes the writable state: architecture, local config, local devices, ephemeral, profiles. */
  static String etag(InstanceState i) {
    try {
      return sha256(
          MAPPER.writeValueAsString(
              List.of(i.architecture, i.config, i.devices, i.ephemeral, i.profiles)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StubInstance snapshot(InstanceState i) {
    Map<String, Map<String, String>> devices = new TreeMap<>();
    i.devices.forEach((k, v) -> devices.put(k, Map.copyOf(v)));
    return new StubInstance(
        i.project,
        i.name,
        i.type,
        i.architecture,
        i.description,
        Map.copyOf(i.config),
        Map.copyOf(devices),
        List.copyOf(i.profiles),
        i.running ? "Running" : "Stopped",
        i.location,
        processes(i),
        etag(i));
  }

  static StubVolume snapshot(VolumeState v) {
    long size;
    try {
      size = Files.size(v.file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StubVolume(
        v.pool, v.project, v.name, v.contentType, v.description, Map.copyOf(v.config), v.location, size);
  }

  // ---------------------------------------------------------------------------------------------------
  // Helpers

  static String key(String project, String name) {
    return project + "/" + name;
  }

  static String volumeKey(String pool, String project, String name) {
    return pool + "/" + project + "/" + name;
  }

  static String withProject(String url, String project) {
    return project.equals("default") ? url : url + "?project=" + project;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGTPE]i?B|B)?");

  /** Parses Incus sizes: {@code 1048576B}, {@code 1048576}, {@code 1MiB}, {@code 1MB}, ... */
  static long parseSize(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw StubError.badRequest("Invalid value for a limit \"" + text + "\"");
    }
    long value = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    if (unit.equals("B")) {
      return value;
    }
    int power = "KMGTPE".indexOf(unit.charAt(0)) + 1;
    long base = unit.contains("I") ? 1024 : 1000;
    for (int k = 0; k < power; k++) {
      value *= base;
    }
    return value;
  }
}
