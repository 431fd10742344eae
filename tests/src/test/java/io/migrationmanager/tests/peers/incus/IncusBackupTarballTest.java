package io.migrationmanager.tests.peers.incus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.migrationmanager.activities.incus.IncusBackupTarball;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup tarball Incus restores custom block volumes from. */
class IncusBackupTarballTest {
  @Test
  void holdsIndexAndImage() throws IOException {
    byte[] image = new byte[1000];
    new Random(1).nextBytes(image);
    IncusBackupTarball tarball =
        IncusBackupTarball.ofBlockVolume("migration-worker-x86_64-1.0", "Worker \"image\"\n", image);

    byte[] bytes;
    try (InputStream in = tarball.open()) {
      bytes = in.readAllBytes();
    }
    Map<String, byte[]> files = Tar.readFiles(new ByteArrayInputStream(bytes));

    assertThat(bytes).hasSize((int) tarball.length());
    assertThat(bytes.length % 512).isZero();
    assertThat(files).containsOnlyKeys("backup/index.yaml", "backup/volume.img");
    assertThat(files.get("backup/volume.img")).isEqualTo(image);
    JsonNode index = new YAMLMapper().readTree(files.get("backup/index.yaml"));
    assertThat(index.path("name").asText()).isEqualTo("migration-worker-x86_64-1.0");
    assertThat(index.path("type").asText()).isEqualTo("custom");
    JsonNode volume = index.path("config").path("volume");
    assertThat(volume.path("name").asText()).isEqualTo("migration-worker-x86_64-1.0");
    assertThat(volume.path("description").asText()).isEqualTo("Worker \"image\"\n");
    assertThat(volume.path("content_type").asText()).isEqualTo("block");
    assertThat(volume.path("config").path("size").asText()).isEqualTo("1000B");
  }

  @Test
  void streamsFilesAgainAndAgain(@TempDir Path dir) throws IOException {
    Path raw = dir.resolve("disk.raw");
    Files.write(raw, "hello".getBytes(StandardCharsets.US_ASCII));
    IncusBackupTarball tarball = IncusBackupTarball.ofBlockVolume("v", "", raw);

    for (int i = 0; i < 2; i++) {
      try (InputStream in = tarball.open()) {
        assertThat(Tar.readFiles(in).get("backup/volume.img"))
            .asString(StandardCharsets.US_ASCII)
            .isEqualTo("hello");
      }
    }
    assertThat(tarball.imageSize()).isEqualTo(5);
  }

  @Test
  void imagesOfEightGibibytesAndMoreUseBase256Sizes(@TempDir Path dir) throws IOException {
    long size = 9L << 30;
    Path raw = dir.resolve("sparse.raw");
    try (RandomAccessFile file = new RandomAccessFile(raw.toFile(), "rw")) {
      file.setLength(size);
    }
    IncusBackupTarball tarball = IncusBackupTarball.ofBlockVolume("big", "", raw);

    byte[] head;
    try (InputStream in = tarball.open()) {
      head = in.readNBytes(4096);
    }
    Tar.Header index = Tar.parseHeader(Arrays.copyOfRange(head, 0, 512));
    int imageHeader = 512 + (int) ((index.size() + 511) / 512 * 512);
    Tar.Header image = Tar.parseHeader(Arrays.copyOfRange(head, imageHeader, imageHeader + 512));

    assertThat(image.name()).isEqualTo("backup/volume.img");
    assertThat(image.size()).isEqualTo(size);
    assertThat(head[imageHeader + 124] & 0x80).isEqualTo(0x80);
    assertThat(tarball.length()).isEqualTo(imageHeader + 512 + size + 1024);
  }
}
