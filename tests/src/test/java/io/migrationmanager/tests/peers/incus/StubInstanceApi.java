package io.migrationmanager.tests.peers.incus;

import static io.migrationmanager.tests.peers.incus.StubHttp.MAPPER;
import static io.migrationmanager.tests.peers.incus.StubHttp.async;
import static io.migrationmanager.tests.peers.incus.StubModel.ZERO_TIME;
import static io.migrationmanager.tests.peers.incus.StubModel.etag;
import static io.migrationmanager.tests.peers.incus.StubModel.key;
import static io.migrationmanager.tests.peers.incus.StubModel.processes;
import static io.migrationmanager.tests.peers.incus.StubModel.sha256;
import static io.migrationmanager.tests.peers.incus.StubModel.volumeKey;
import static io.migrationmanager.tests.peers.incus.StubModel.withProject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationmanager.tests.peers.incus.StubHttp.Call;
import io.migrationmanager.tests.peers.incus.StubHttp.Reply;
import io.migrationmanager.tests.peers.incus.StubModel.InstanceState;
import io.migrationmanager.tests.peers.incus.StubModel.NetworkState;
import io.migrationmanager.tests.peers.incus.StubModel.VolumeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/** The instance endpoints of {@link IncusStub}: instances, their state and exec. */
final class StubInstanceApi {
  private static final Pattern INSTANCE_NAME_CHARS = Pattern.compile("[a-zA-Z0-9-]+");

  private static final String CREATE_PREFIX =
      "Failed creating instance record: Failed initializing instance: ";

  private final StubModel model;
  private final StubOperations operations;

  StubInstanceApi(StubModel model, StubOperations operations) {
    this.model = model;
    this.operations = operations;
  }

  // ---------------------------------------------------------------------------------------------------
  // Instances

  private InstanceState instance(Call c, String name) {
    InstanceState i = model.instances.get(key(c.project(), name));
    if (i == null) {
      throw StubError.notFound(
          "Failed to fetch instance \"" + name + "\" in project \"" + c.project() + "\": Instance not found");
    }
    return i;
  }

  Reply listInstances(Call c) {
    String project = c.project();
    synchronized (model.lock) {
      if (!model.projects.containsKey(project)) {
        throw StubError.notFound("Project not found");
      }
      ArrayNode list = MAPPER.createArrayNode();
      for (InstanceState i : model.instances.values()) {
        if (i.project.equals(project)) {
          if (c.recursive()) {
            list.add(model.instanceJson(i));
          } else {
            list.add(withProject("/1.0/instances/" + i.name, project));
          }
        }
      }
      return Reply.sync(list);
    }
  }

  Reply getInstance(Call c, String name) {
    synchronized (model.lock) {
      InstanceState i = instance(c, name);
      return Reply.sync(model.instanceJson(i)).withHeader("ETag", "\"" + etag(i) + "\"");
    }
  }

  Reply createInstance(Call c) {
    JsonNode body = c.json();
    String project = c.project();
    synchronized (model.lock) {
      if (!model.projects.containsKey(project)) {
        throw StubError.notFound("Failed loading project: Project not found");
      }
    }
    String name = body.path("name").asText();
    validateInstanceName(name);
    String type = body.path("type").asText("");
    if (type.isEmpty()) {
      type = "container";
    }
    if (!type.equals("container") && !type.equals("virtual-machine")) {
      throw StubError.badRequest("Invalid instance type \"" + type + "\"");
    }
    String sourceType = body.path("source").path("type").asText("");
    if (!sourceType.equals("none") && !sourceType.equals("image")) {
      throw StubError.badRequest("Unknown source type " + sourceType);
    }
    String target = c.param("target");
    String location;
    if (model.members.isEmpty()) {
      if (!target.isEmpty()) {
        throw StubError.badRequest("Target only allowed when clustered");
      }
      location = "none";
    } else if (target.isEmpty()) {
      synchronized (model.lock) {
        location = model.members.get(model.nextMember++ % model.members.size());
      }
    } else if (model.members.contains(target)) {
      location = target;
    } else {
      throw StubError.notFound("Cluster member not found");
    }

    InstanceState i = new InstanceState();
    i.project = project;
    i.name = name;
    i.type = type;
    i.architecture = body.path("architecture").asText("x86_64");
    if (i.architecture.isEmpty()) {
      i.architecture = "x86_64";
    }
    i.description = body.path("description").asText("");
    body.path("config").properties().forEach(e -> i.config.put(e.getKey(), e.getValue().asText()));
    i.devices = devices(body.path("devices"));
    if (body.has("profiles") && body.get("profiles").isArray()) {
      body.get("profiles").forEach(p -> i.profiles.add(p.asText()));
    } else {
      i.profiles.add("default");
    }
    i.ephemeral = body.path("ephemeral").asBoolean(false);
    i.stateful = body.path("stateful").asBoolean(false);
    i.location = location;
    boolean start = body.path("start").asBoolean(false);
    String alias = body.path("source").path("alias").asText("");

    StubOperations.Op op =
        operations.start(
            "Creating instance",
            Map.of("instances", List.of(withProject("/1.0/instances/" + name, project))),
            location,
            () -> {
              synchronized (model.lock) {
                if (sourceType.equals("image")) {
                  String imageDescription = model.images.get(alias);
                  if (imageDescription == null) {
                    throw StubError.internal("Image not provided for instance creation");
                  }
                  i.config.putIfAbsent("image.description", imageDescription);
                  i.config.put("volatile.base_image", sha256(alias));
                }
                if (model.instances.containsKey(key(project, name))) {
                  throw StubError.internal(
                      "Failed creating instance record: Add instance info to the database: Failed to"
                          + " create \"instances\" entry: UNIQUE constraint failed:"
                          + " instances.project_id, instances.name");
                }
                for (String profile : i.profiles) {
                  if (!profile.equals("default")) {
                    throw StubError.notFound(
                        "Failed creating instance record: Requested profile \""
                            + profile
                            + "\" doesn't exist");
                  }
                }
                validateDevices(i, CREATE_PREFIX);
                String uuid = UUID.randomUUID().toString();
                i.config.put("volatile.uuid", uuid);
                i.config.put("volatile.uuid.generation", uuid);
                i.createdAt = Instant.now();
                model.instances.put(key(project, name), i);
                if (start) {
                  markStarted(i);
                }
              }
              return null;
            });
    return async(operations, op);
  }

  private static void validateInstanceName(String name) {
    String problem = null;
    if (name.isEmpty() || name.length() > 63) {
      problem = "Name must be 1-63 characters long";
    } else if (name.startsWith("-")) {
      problem = "Name must not start with \"-\" character";
    } else if (name.endsWith("-")) {
      problem = "Name must not end with \"-\" character";
    } else if (!INSTANCE_NAME_CHARS.matcher(name).matches()) {
      problem = "Name can only contain alphanumeric and hyphen characters";
    } else if (name.chars().allMatch(Character::isDigit)) {
      problem = "Name cannot be a number";
    }
    if (problem != null) {
      throw StubError.badRequest("Invalid instance name: " + problem);
    }
  }

  private static Map<String, Map<String, String>> devices(JsonNode node) {
    Map<String, Map<String, String>> devices = new TreeMap<>();
    node.properties()
        .forEach(
            e -> {
              Map<String, String> device = new TreeMap<>();
              e.getValue().properties().forEach(f -> device.put(f.getKey(), f.getValue().asText()));
              devices.put(e.getKey(), device);
            });
    return devices;
  }

  /** Incus' device checks on create and update, with its messages (prefix on create). */
  private void validateDevices(InstanceState i, String prefix) {
    Map<String, Map<String, String>> expanded = model.expandedDevices(i);
    for (Map.Entry<String, Map<String, String>> e : expanded.entrySet()) {
      String device = e.getKey();
      Map<String, String> d = e.getValue();
      String type = d.getOrDefault("type", "");
      if (type.equals("nic") && d.containsKey("network")) {
        String net = d.get("network");
        boolean managed = model.network(net).map(NetworkState::managed).orElse(false);
        if (!managed) {
          throw StubError.notFound(
              prefix
                  + "Invalid devices: Device validation failed for \""
                  + device
                  + "\": Failed loading device \""
                  + device
                  + "\": Failed to load network \""
                  + net
                  + "\" for project \"default\": Network not found");
        }
      }
      if (type.equals("disk") && d.containsKey("pool")) {
        if (!model.pools.containsKey(d.get("pool"))) {
          throw StubError.notFound(prefix + "Failed loading storage pool: Storage pool not found");
        }
        if (!"/".equals(d.get("path")) && d.containsKey("source")) {
          VolumeState v = model.volumes.get(volumeKey(d.get("pool"), i.project, d.get("source")));
          if (v == null) {
            throw StubError.notFound(
                prefix
                    + "Failed add validation for device \""
                    + device
                    + "\": Failed loading custom volume: Storage volume not found");
          }
          if (v.contentType.equals("block") && i.type.equals("container")) {
            throw StubError.internal(
                prefix
                    + "Failed add validation for device \""
                    + device
                    + "\": Custom block volumes cannot be used on containers");
          }
        }
      }
    }
    if (model.rootDisk(i) == null) {
      throw StubError.internal(
          prefix + "Invalid devices: Failed detecting root disk device: No root device could be found");
    }
  }

  Reply updateInstance(Call c, String name) {
    JsonNode body = c.json();
    String project = c.project();
    synchronized (model.lock) {
      InstanceState i = instance(c, name);
      String ifMatch = c.exchange().getRequestHeaders().getFirst("If-Match");
      if (ifMatch != null && !ifMatch.isEmpty()) {
        String wanted = ifMatch.replace("\"", "");
        String current = etag(i);
        if (!current.equals(wanted)) {
          throw new StubError(412, "ETag doesn't match: " + current + " vs " + wanted);
        }
      }
    }
    StubOperations.Op op =
        operations.start(
            "Updating instance",
            Map.of("instances", List.of(withProject("/1.0/instances/" + name, project))),
            model.members.isEmpty() ? "none" : model.members.get(0),
            () -> {
              synchronized (model.lock) {
                InstanceState i = model.instances.get(key(project, name));
                if (i == null) {
                  throw StubError.notFound("Instance not found");
                }
                InstanceState updated = new InstanceState();
                updated.project = i.project;
                updated.name = i.name;
                updated.type = i.type;
                updated.location = i.location;
                updated.architecture = body.path("architecture").asText(i.architecture);
                if (updated.architecture.isEmpty()) {
                  updated.architecture = i.architecture;
                }
                updated.description = body.path("description").asText("");
                body.path("config")
                    .properties()
                    .forEach(e -> updated.config.put(e.getKey(), e.getValue().asText()));
                updated.devices = devices(body.path("devices"));
                body.path("profiles").forEach(p -> updated.profiles.add(p.asText()));
                updated.ephemeral = body.path("ephemeral").asBoolean(false);
                updated.stateful = body.path("stateful").asBoolean(false);
                validateDevices(updated, "");
                i.architecture = updated.architecture;
                i.description = updated.description;
                i.config = updated.config;
                i.devices = updated.devices;
                i.profiles = updated.profiles;
                i.ephemeral = updated.ephemeral;
                i.stateful = updated.stateful;
              }
              return null;
            });
    return async(operations, op);
  }

  Reply deleteInstance(Call c, String name) {
    String project = c.project();
    String location;
    synchronized (model.lock) {
      InstanceState i = instance(c, name);
      if (i.running) {
        throw StubError.badRequest("Instance is running");
      }
      location = i.location;
    }
    StubOperations.Op op =
        operations.start(
            "Deleting instance",
            Map.of("instances", List.of(withProject("/1.0/instances/" + name, project))),
            location,
            () -> {
              synchronized (model.lock) {
                InstanceState i = model.instances.get(key(project, name));
                if (i == null) {
                  throw StubError.notFound("Instance not found");
                }
                if (i.running) {
                  throw StubError.badRequest("Instance is running");
                }
                model.instances.remove(key(project, name));
              }
              return null;
            });
    return async(operations, op);
  }

  Reply getInstanceState(Call c, String name) {
    synchronized (model.lock) {
      InstanceState i = instance(c, name);
      ObjectNode s = MAPPER.createObjectNode();
      s.put("status", i.running ? "Running" : "Stopped");
      s.put("status_code", i.running ? 103 : 102);
      s.set("disk", MAPPER.createObjectNode());
      ObjectNode memory = s.putObject("memory");
      memory.put("usage", i.running ? 64L << 20 : 0);
      memory.put("usage_peak", 0);
      memory.put("total", 0);
      memory.put("swap_usage", 0);
      memory.put("swap_usage_peak", 0);
      s.set("network", MAPPER.createObjectNode());
      s.put("pid", i.running ? i.pid : 0);
      s.put("processes", processes(i));
      ObjectNode cpu = s.putObject("cpu");
      cpu.put("usage", 0);
      cpu.put("allocated_time", 0);
      s.put("started_at", i.running && i.startedAt != null ? i.startedAt.toString() : ZERO_TIME);
      s.putNull("os_info");
      return Reply.sync(s);
    }
  }

  Reply changeInstanceState(Call c, String name) {
    JsonNode body = c.json();
    String project = c.project();
    String action = body.path("action").asText();
    String description =
        switch (action) {
          case "start" -> "Starting instance";
          case "stop" -> "Stopping instance";
          case "restart" -> "Restarting instance";
          default -> throw StubError.badRequest("Unknown action " + action);
        };
    String location;
    synchronized (model.lock) {
      location = instance(c, name).location;
    }
    StubOperations.Op op =
        operations.start(
            description,
            Map.of("instances", List.of(withProject("/1.0/instances/" + name, project))),
            location,
            () -> {
              synchronized (model.lock) {
                InstanceState i = model.instances.get(key(project, name));
                if (i == null) {
                  throw StubError.notFound("Instance not found");
                }
                switch (action) {
                  case "start" -> {
                    if (i.running) {
                      throw StubError.internal("The instance is already running");
                    }
                    markStarted(i);
                  }
                  case "stop" -> {
                    if (!i.running) {
                      throw StubError.badRequest("The instance is already stopped");
                    }
                    i.running = false;
                    i.config.put("volatile.last_state.power", "STOPPED");
                  }
                  default -> {
                    if (!i.running) {
                      throw StubError.badRequest("The instance isn't running");
                    }
                    markStarted(i);
                  }
                }
              }
              return null;
            });
    return async(operations, op);
  }

  private void markStarted(InstanceState i) {
    i.running = true;
    i.startedAt = Instant.now();
    i.lastUsedAt = i.startedAt;
    i.agentReadyAt = i.startedAt.plus(model.agentDelay);
    i.pid = 10000 + Math.abs(i.name.hashCode() % 50000);
    i.config.put("volatile.last_state.power", "RUNNING");
  }

  Reply exec(Call c, String name) {
    JsonNode body = c.json();
    String project = c.project();
    List<String> command = new ArrayList<>();
    body.path("command").forEach(a -> command.add(a.asText()));
    if (command.isEmpty()) {
      throw StubError.badRequest("No command given");
    }
    String location;
    synchronized (model.lock) {
      InstanceState i = instance(c, name);
      if (!i.running) {
        throw StubError.badRequest("Instance is not running");
      }
      if (processes(i) < 0) {
        throw StubError.badRequest("VM agent isn't currently running");
      }
      location = i.location;
    }
    StubExec exec = new StubExec(project, name, List.copyOf(command));
    model.execs.add(exec);
    StubOperations.Op op =
        operations.start(
            "Executing command",
            Map.of(
                "instances",
                List.of(withProject("/1.0/instances/" + name, project))),
            location,
            () -> Map.<String, Object>of("return", model.execHandler.applyAsInt(exec)));
    return async(operations, op);
  }
}
