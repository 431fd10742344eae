package io.migrationmanager.cli.transport;

import io.migrationmanager.cli.CliEnvironment;
import io.migrationmanager.cli.CliException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link ApiClient} over the service's unix socket, where callers are always trusted: a minimal
 * HTTP/1.1 client, one connection per request ({@code Connection: close}), bodies with {@code
 * Content-Length}, chunked, or delimited by the end of the connection.
 */
public final class UnixSocketApiClient implements ApiClient {

  /** Where the service listens when no environment variable says otherwise. */
  public static final Path DEFAULT_SOCKET = Path.of("/run/migration-manager/unix.socket");

  private final Path socket;

  /** A client for the socket at {@code socket}. */
  public UnixSocketApiClient(Path socket) {
    this.socket = socket;
  }

  /**
   * The socket the environment points at: {@code $MIGRATION_MANAGER_SOCKET}, else {@code
   * $MIGRATION_MANAGER_DIR/run/unix.socket}, else {@link #DEFAULT_SOCKET}.
   */
  public static Path socketPath(CliEnvironment environment) {
    String socket = environment.variable("MIGRATION_MANAGER_SOCKET");
    if (!socket.isEmpty()) {
      return Path.of(socket);
    }
    String dir = environment.variable("MIGRATION_MANAGER_DIR");
    return dir.isEmpty() ? DEFAULT_SOCKET : Path.of(dir, "run", "unix.socket");
  }

  @Override
  public RawResponse exchange(
      String method, String path, byte[] body, Map<String, String> headers) {
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      writeFully(channel, requestHead(method, path, body, headers));
      if (body != null) {
        writeFully(channel, body);
      }
      return readResponse(new BufferedInputStream(Channels.newInputStream(channel)));
    } catch (IOException e) {
      throw new CliException(
          "Failed to talk to the local migration manager at " + socket + ": " + Errors.describe(e),
          e);
    }
  }

  private static byte[] requestHead(
      String method, String path, byte[] body, Map<String, String> headers) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: unix\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void writeFully(SocketChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Parses an HTTP/1.1 response from {@code in}. */
  static RawResponse readResponse(InputStream in) throws IOException {
    String statusLine = readLine(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("malformed HTTP status line \"" + statusLine + "\"");
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("malformed HTTP status line \"" + statusLine + "\"", e);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed HTTP header \"" + line + "\"");
      }
      headers
          .computeIfAbsent(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    byte[] body;
    String transferEncoding = first(headers, "transfer-encoding");
    String contentLength = first(headers, "content-length");
    if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = readChunked(in);
    } else if (contentLength != null) {
      try {
        body = readExactly(in, Integer.parseInt(contentLength));
      } catch (NumberFormatException e) {
        throw new IOException("malformed Content-Length \"" + contentLength + "\"", e);
      }
    } else {
      body = in.readAllBytes();
    }
    return new RawResponse(status, headers, body);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null ? null : values.get(0);
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      int extension = sizeLine.indexOf(';');
      String hex = (extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("malformed chunk size \"" + sizeLine + "\"", e);
      }
      if (size == 0) {
        // Skip trailer headers up to the empty line that ends the message.
        String trailer = readLine(in);
        while (!trailer.isEmpty()) {
          trailer = readLine(in);
        }
        return body.toByteArray();
      }
      body.write(readExactly(in, size));
      if (!readLine(in).isEmpty()) {
        throw new IOException("malformed chunk: missing CRLF after data");
      }
    }
  }

  private static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException(
          "connection closed after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  /** One line without its CRLF (or LF), decoded as UTF-8. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed in the middle of the response");
      }
      line.write(b);
    }
    byte[] bytes = line.toByteArray();
    int length =
        bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
