package io.migrationmanager.tests.peers.incus;

import static io.migrationmanager.tests.peers.incus.StubHttp.MAPPER;
import static io.migrationmanager.tests.peers.incus.StubHttp.async;
import static io.migrationmanager.tests.peers.incus.StubModel.ZERO_TIME;
import static io.migrationmanager.tests.peers.incus.StubModel.key;
import static io.migrationmanager.tests.peers.incus.StubModel.parseSize;
import static io.migrationmanager.tests.peers.incus.StubModel.volumeKey;
import static io.migrationmanager.tests.peers.incus.StubModel.withProject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.migrationmanager.activities.incus.IncusBackupTarball;
import io.migrationmanager.tests.peers.incus.StubHttp.Call;
import io.migrationmanager.tests.peers.incus.StubHttp.Reply;
import io.migrationmanager.tests.peers.incus.StubModel.InstanceState;
import io.migrationmanager.tests.peers.incus.StubModel.PoolState;
import io.migrationmanager.tests.peers.incus.StubModel.VolumeState;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The storage volume and volume backup endpoints of {@link IncusStub}. */
final class StubVolumeApi {
  private static final YAMLMapper YAML = new YAMLMapper();
  private final StubModel model;
  private final StubOperations operations;

  StubVolumeApi(StubModel model, StubOperations operations) {
    this.model = model;
    this.operations = operations;
  }

  // ---------------------------------------------------------------------------------------------------
  // Storage volumes

  Reply listVolumes(Call c, String poolName, String type) {
    PoolState pool = model.pool(poolName);
    String project = c.project();
    model.project(project);
    String target = c.param("target");
    if (!target.isEmpty()) {
      model.volumeLocation(c);
    }
    ArrayNode list = MAPPER.createArrayNode();
    synchronized (model.lock) {
      for (InstanceState i : model.instances.values()) {
        Map<String, String> root = model.rootDisk(i);
        boolean matches =
            i.project.equals(project)
                && root != null
                && pool.name().equals(root.get("pool"))
                && (type == null || type.equals(i.type))
                && (target.isEmpty() || target.equals(i.location));
        if (matches) {
          String url = "/1.0/storage-pools/" + pool.name() + "/volumes/" + i.type + "/" + i.name;
          list.add(
              c.recursive()
                  ? model.instanceVolumeJson(i)
                  : MAPPER.valueToTree(withProject(url, project)));
        }
      }
      for (VolumeState v : model.volumes.values()) {
        boolean matches =
            v.pool.equals(pool.name())
                && v.project.equals(project)
                && (type == null || type.equals("custom"))
                && (target.isEmpty() || target.equals(v.location));
        if (matches) {
          String url = "/1.0/storage-pools/" + v.pool + "/volumes/custom/" + v.name;
          list.add(c.recursive() ? model.volumeJson(v) : MAPPER.valueToTree(withProject(url, project)));
        }
      }
    }
    return Reply.sync(list);
  }

  private VolumeState volume(Call c, String pool, String name) {
    model.pool(pool);
    String project = c.project();
    String target = c.param("target");
    if (!target.isEmpty()) {
      model.volumeLocation(c);
    }
    VolumeState v = model.volumes.get(volumeKey(pool, project, name));
    if (v == null || (!target.isEmpty() && !model.members.isEmpty() && !target.equals(v.location))) {
      throw StubError.notFound("Storage pool volume not found");
    }
    return v;
  }

  Reply getVolume(Call c, String pool, String name) {
    synchronized (model.lock) {
      return Reply.sync(model.volumeJson(volume(c, pool, name)));
    }
  }

  private void checkVolumeProject(String project) {
    synchronized (model.lock) {
      if (!model.projects.containsKey(project)) {
        throw StubError.notFound("Failed to load project \"" + project + "\": Project not found");
      }
    }
  }

  Reply createVolume(Call c, String poolName) throws IOException {
    JsonNode body = c.json();
    String project = c.project();
    checkVolumeProject(project);
    model.pool(poolName);
    String location = model.volumeLocation(c);
    String name = body.path("name").asText();
    String contentType = body.path("content_type").asText("filesystem");
    if (contentType.isEmpty()) {
      contentType = "filesystem";
    }
    if (!contentType.equals("block") && !contentType.equals("filesystem")) {
      throw StubError.badRequest("Invalid content type \"" + contentType + "\"");
    }
    if (name.isEmpty()) {
      throw StubError.badRequest("No name provided");
    }
    synchronized (model.lock) {
      if (model.volumes.containsKey(volumeKey(poolName, project, name))) {
        throw new StubError(409, "Volume by that name already exists");
      }
      VolumeState v = new VolumeState();
      v.pool = poolName;
      v.project = project;
      v.name = name;
      v.contentType = contentType;
      v.description = body.path("description").asText("");
      body.path("config").properties().forEach(e -> v.config.put(e.getKey(), e.getValue().asText()));
      v.location = location;
      v.createdAt = Instant.now().toString();
      v.file = Files.createTempFile(model.dataDir, "volume", ".img");
      if (contentType.equals("block")) {
        try (RandomAccessFile file = new RandomAccessFile(v.file.toFile(), "rw")) {
          file.setLength(parseSize(v.config.getOrDefault("size", "10GiB")));
        }
      }
      model.volumes.put(volumeKey(poolName, project, name), v);
    }
    return Reply.empty();
  }

  Reply importVolume(Call c, String poolName) throws IOException {
    String project = c.project();
    checkVolumeProject(project);
    model.pool(poolName);
    String location = model.volumeLocation(c);
    String headerName = c.exchange().getRequestHeaders().getFirst("X-Incus-name");
    Path upload = Files.createTempFile(model.dataDir, "upload", ".tar");
    try (InputStream in = c.exchange().getRequestBody()) {
      Files.copy(in, upload, StandardCopyOption.REPLACE_EXISTING);
    }
    String nameForResources = headerName == null ? "" : headerName;
    Map<String, List<String>> resources =
        Map.of(
            "storage_volumes",
            List.of(
                withProject(
                    "/1.0/storage-pools/" + poolName + "/volumes/custom/" + nameForResources,
                    project)));
    StubOperations.Op op =
        operations.start(
            "Restoring custom volume backup",
            resources,
            location,
            () -> {
              try {
                restoreBackup(upload, poolName, project, headerName, location);
                return null;
              } catch (IOException e) {
                throw StubError.internal("Failed reading backup: " + e.getMessage());
              } finally {
                try {
                  Files.deleteIfExists(upload);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            });
    return async(operations, op);
  }

  private void restoreBackup(
      Path tarball, String pool, String project, String headerName, String location)
      throws IOException {
    Path image = Files.createTempFile(model.dataDir, "volume", ".img");
    JsonNode[] index = new JsonNode[1];
    boolean[] hasImage = new boolean[1];
    try (InputStream in = Files.newInputStream(tarball)) {
      Tar.forEachFile(
          in,
          (name, size, content) -> {
            if (name.equals("backup/index.yaml")) {
              index[0] = YAML.readTree(content.readAllBytes());
            } else if (name.equals("backup/volume.img")) {
              Files.copy(content, image, StandardCopyOption.REPLACE_EXISTING);
              hasImage[0] = true;
            }
          });
    }
    if (index[0] == null) {
      Files.delete(image);
      throw StubError.internal("Backup is missing index.yaml");
    }
    JsonNode volumeConfig = index[0].path("config").path("volume");
    String name =
        headerName != null && !headerName.isEmpty() ? headerName : index[0].path("name").asText();
    synchronized (model.lock) {
      if (model.volumes.containsKey(volumeKey(pool, project, name))) {
        Files.delete(image);
        throw StubError.internal(
            "Create custom volume from backup: Volume \""
                + name
                + "\" already exists in pool \""
                + pool
                + "\"");
      }
      VolumeState v = new VolumeState();
      v.pool = pool;
      v.project = project;
      v.name = name;
      v.contentType = hasImage[0] ? "block" : volumeConfig.path("content_type").asText("filesystem");
      v.description = volumeConfig.path("description").asText("");
      volumeConfig
          .path("config")
          .properties()
          .forEach(e -> v.config.put(e.getKey(), e.getValue().asText()));
      v.location = location;
      v.createdAt = ZERO_TIME;
      v.file = image;
      model.volumes.put(volumeKey(pool, project, name), v);
    }
  }

  Reply deleteVolume(Call c, String pool, String name) throws IOException {
    synchronized (model.lock) {
      VolumeState v = volume(c, pool, name);
      if (!model.usedBy(v).isEmpty()) {
        throw StubError.badRequest("The storage volume is still in use");
      }
      model.volumes.remove(volumeKey(v.pool, v.project, v.name));
      Files.deleteIfExists(v.file);
    }
    return Reply.empty();
  }

  Reply createBackup(Call c, String pool, String name) {
    JsonNode body = c.json();
    String backup = body.path("name").asText();
    VolumeState v;
    synchronized (model.lock) {
      v = volume(c, pool, name);
    }
    String url = withProject(
        "/1.0/storage-pools/" + pool + "/volumes/custom/" + name + "/backups/" + backup, v.project);
    StubOperations.Op op =
        operations.start(
            "Backing up custom volume",
            Map.of("storage_volumes", List.of(url), "backups", List.of(url)),
            v.location,
            () -> {
              synchronized (model.lock) {
                try {
                  model.backups.put(volumeKey(pool, v.project, name) + "/" + backup, writeBackup(v));
                } catch (IOException e) {
                  throw StubError.internal(e.getMessage());
                }
              }
              return null;
            });
    return async(operations, op);
  }

  private Path writeBackup(VolumeState v) throws IOException {
    Path tarball = Files.createTempFile(model.dataDir, "backup", ".tar");
    IncusBackupTarball backup = IncusBackupTarball.ofBlockVolume(v.name, v.description, v.file);
    try (InputStream in = backup.open()) {
      Files.copy(in, tarball, StandardCopyOption.REPLACE_EXISTING);
    }
    return tarball;
  }

  Reply exportBackup(Call c, String pool, String name, String backup) {
    synchronized (model.lock) {
      Path tarball = model.backups.get(volumeKey(pool, c.project(), name) + "/" + backup);
      if (tarball == null) {
        throw StubError.notFound("Storage volume backup not found");
      }
      return new Reply(200, null, Map.of(), tarball);
    }
  }

  Reply deleteBackup(Call c, String pool, String name, String backup) {
    String key = volumeKey(pool, c.project(), name) + "/" + backup;
    synchronized (model.lock) {
      if (!model.backups.containsKey(key)) {
        throw StubError.notFound("Storage volume backup not found");
      }
    }
    StubOperations.Op op =
        operations.start(
            "Deleting custom volume backup",
            Map.of(),
            model.members.isEmpty() ? "none" : model.members.get(0),
            () -> {
              synchronized (model.lock) {
                Path tarball = model.backups.remove(key);
                try {
                  if (tarball != null) {
                    Files.deleteIfExists(tarball);
                  }
                } catch (IOException e) {
                  throw StubError.internal(e.getMessage());
                }
              }
              return null;
            });
    return async(operations, op);
  }
}
