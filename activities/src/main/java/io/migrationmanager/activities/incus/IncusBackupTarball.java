package io.migrationmanager.activities.incus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An uncompressed Incus backup tarball of one custom block volume, streamed from a raw disk image without
 * copying it: {@code backup/index.yaml} (the volume's definition) followed by {@code backup/volume.img}.
 * {@code POST /1.0/storage-pools/<pool>/volumes/custom} with this body and {@code X-Incus-name} restores it
 * (spec §9.1, worker volume import).
 */
public final class IncusBackupTarball {
  private static final int BLOCK = 512;

  private final byte[] head;
  private final long imageSize;
  private final ImageSource image;

  /** Opens the raw image content; each call starts at its first byte. */
  @FunctionalInterface
  private interface ImageSource {
    InputStream open() throws IOException;
  }

  private IncusBackupTarball(String volumeName, String description, long imageSize, ImageSource image) {
    this.imageSize = imageSize;
    this.image = image;
    byte[] index = indexYaml(volumeName, description, imageSize).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header("backup/index.yaml", index.length));
    out.writeBytes(index);
    out.writeBytes(new byte[padding(index.length)]);
    out.writeBytes(header("backup/volume.img", imageSize));
    this.head = out.toByteArray();
  }

  /** A tarball restoring {@code rawImage} as custom block volume {@code volumeName}. */
  public static IncusBackupTarball ofBlockVolume(String volumeName, String description, Path rawImage)
      throws IOException {
    Objects.requireNonNull(rawImage, "rawImage");
    return new IncusBackupTarball(
        volumeName, description, Files.size(rawImage), () -> Files.newInputStream(rawImage));
  }

  /** A tarball restoring {@code image} as custom block volume {@code volumeName}. */
  public static IncusBackupTarball ofBlockVolume(String volumeName, String description, byte[] image) {
    byte[] copy = image.clone();
    return new IncusBackupTarball(
        volumeName, description, copy.length, () -> new ByteArrayInputStream(copy));
  }

  /** The exact byte length of the tarball. */
  public long length() {
    return head.length + imageSize + padding(imageSize) + 2L * BLOCK;
  }

  /** Size of the volume image inside. */
  public long imageSize() {
    return imageSize;
  }

  /** A fresh stream of the whole tarball. */
  public InputStream open() throws IOException {
    return new SequenceInputStream(
        Collections.enumeration(
            List.of(
                new ByteArrayInputStream(head),
                image.open(),
                new ByteArrayInputStream(new byte[padding(imageSize) + 2 * BLOCK]))));
  }

  static String indexYaml(String volumeName, String description, long size) {
    String name = quote(volumeName);
    return "name: "
        + name
        + "\ntype: custom\noptimized: false\noptimized_header: false\nconfig:\n  volume:\n    name: "
        + name
        + "\n    description: "
        + quote(description == null ? "" : description)
        + "\n    type: custom\n    content_type: block\n    config:\n      size: \""
        + size
        + "B\"\n";
  }

  /** A YAML double-quoted scalar (the JSON string syntax, which YAML accepts). */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static int padding(long size) {
    return (int) ((BLOCK - size % BLOCK) % BLOCK);
  }

  /** A ustar header for a regular file (mode 0600, root); sizes of 8 GiB and more use base-256. */
  private static byte[] header(String name, long size) {
    byte[] h = new byte[BLOCK];
    put(h, 0, name.getBytes(StandardCharsets.US_ASCII));
    putOctal(h, 100, 8, 0600);
    putOctal(h, 108, 8, 0);
    putOctal(h, 116, 8, 0);
    if (size <= 077777777777L) {
      putOctal(h, 124, 12, size);
    } else {
      h[124] = (byte) 0x80;
      for (int i = 0; i < 8; i++) {
        h[135 - i] = (byte) (size >>> (8 * i));
      }
    }
    putOctal(h, 136, 12, System.currentTimeMillis() / 1000);
    h[156] = '0';
    put(h, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, "00".getBytes(StandardCharsets.US_ASCII));
    put(h, 265, "root".getBytes(StandardCharsets.US_ASCII));
    put(h, 297, "root".getBytes(StandardCharsets.US_ASCII));
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    putOctal(h, 148, 7, sum);
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int offset, byte[] value) {
    System.arraycopy(value, 0, h, offset, value.length);
  }

  /** Writes {@code value} as zero-padded octal in {@code width - 1} digits followed by NUL. */
  private static void putOctal(byte[] h, int offset, int width, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, width - 1 - digits.length())) + digits;
    put(h, offset, padded.getBytes(StandardCharsets.US_ASCII));
    h[offset + width - 1] = 0;
  }
}
