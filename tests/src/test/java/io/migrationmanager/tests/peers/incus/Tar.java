package io.migrationmanager.tests.peers.incus;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the regular files of a tar stream (ustar, with PAX {@code path}/{@code size} records and base-256
 * sizes, as Go's archive/tar and our {@code IncusBackupTarball} write them); enough for Incus backups.
 */
public final class Tar {
  private static final int BLOCK = 512;

  private Tar() {}

  /** A parsed entry header. */
  public record Header(String name, long size, char type) {}

  /** Receives one regular file; {@code content} yields exactly {@code size} bytes. */
  @FunctionalInterface
  public interface FileConsumer {
    void accept(String name, long size, InputStream content) throws IOException;
  }

  /** All regular files of the stream, by path, in order, in memory. */
  public static Map<String, byte[]> readFiles(InputStream in) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    forEachFile(in, (name, size, content) -> files.put(name, content.readAllBytes()));
    return files;
  }

  /** Streams each regular file of the tar stream to {@code consumer}, in order. */
  public static void forEachFile(InputStream in, FileConsumer consumer) throws IOException {
    Map<String, String> pax = Map.of();
    while (true) {
      byte[] block = in.readNBytes(BLOCK);
      if (block.length < BLOCK || isZero(block)) {
        return;
      }
      Header header = parseHeader(block);
      String name = pax.getOrDefault("path", header.name());
      long size = pax.containsKey("size") ? Long.parseLong(pax.get("size")) : header.size();
      pax = Map.of();
      BoundedStream content = new BoundedStream(in, size);
      switch (header.type()) {
        case 'x' -> pax = parsePax(content.readAllBytes());
        case '0', '\0' -> consumer.accept(name, size, content);
        default -> {
          // Directories, links and global headers carry no file content.
        }
      }
      content.skipRest();
      in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
    }
  }

  /** Exactly {@code remaining} bytes of the underlying stream. */
  private static final class BoundedStream extends InputStream {
    private final InputStream in;
    private long remaining;

    BoundedStream(InputStream in, long size) {
      this.in = in;
      this.remaining = size;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n == -1) {
        throw new EOFException("Truncated tar entry");
      }
      remaining -= n;
      return n;
    }

    void skipRest() throws IOException {
      in.skipNBytes(remaining);
      remaining = 0;
    }
  }

  /** Parses one 512-byte ustar header. */
  public static Header parseHeader(byte[] h) throws IOException {
    if (!checksumMatches(h)) {
      throw new IOException("Bad tar header checksum");
    }
    String name = cString(h, 0, 100);
    if ("ustar".equals(cString(h, 257, 6).trim())) {
      String prefix = cString(h, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
    }
    return new Header(name, number(h, 124, 12), (char) h[156]);
  }

  private static long number(byte[] h, int offset, int width) {
    if ((h[offset] & 0x80) != 0) {
      long value = h[offset] & 0x7f;
      for (int i = 1; i < width; i++) {
        value = (value << 8) | (h[offset + i] & 0xff);
      }
      return value;
    }
    String digits = cString(h, offset, width).trim();
    return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
  }

  private static boolean checksumMatches(byte[] h) {
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
    }
    return sum == number(h, 148, 8);
  }

  private static Map<String, String> parsePax(byte[] content) {
    Map<String, String> records = new LinkedHashMap<>();
    String text = new String(content, StandardCharsets.UTF_8);
    int pos = 0;
    while (pos < text.length()) {
      int space = text.indexOf(' ', pos);
      int length = Integer.parseInt(text.substring(pos, space));
      String record = text.substring(space + 1, pos + length - 1);
      int eq = record.indexOf('=');
      records.put(record.substring(0, eq), record.substring(eq + 1));
      pos += length;
    }
    return records;
  }

  private static String cString(byte[] h, int offset, int width) {
    int end = offset;
    while (end < offset + width && h[end] != 0) {
      end++;
    }
    return new String(h, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
