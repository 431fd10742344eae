package io.migrationmanager.cli.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny HTTP/1.1 server on a unix socket, standing in for {@code migration-managerd}'s local
 * listener: it records every request and answers with whatever {@code responder} returns (a
 * complete HTTP response).
 */
public final class TestUnixServer implements AutoCloseable {

  /** One request as received. */
  public record Request(String method, String path, List<String> headers, String body) {

    /** The value of header {@code name} (any case), or {@code null}. */
    public String header(String name) {
      for (String header : headers) {
        int colon = header.indexOf(':');
        if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return header.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  private final ServerSocketChannel server;
  private final Thread thread;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  /** Listens on {@code socket}, answering every request with {@code responder}. */
  public TestUnixServer(Path socket, Function<Request, String> responder) throws IOException {
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    thread =
        new Thread(
            () -> {
              while (server.isOpen()) {
                try (SocketChannel channel = server.accept()) {
                  Request request = read(Channels.newInputStream(channel));
                  requests.add(request);
                  channel.write(
                      ByteBuffer.wrap(responder.apply(request).getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                  return;
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  /** Every request received so far. */
  public List<Request> requests() {
    return requests;
  }

  /** A response with {@code Content-Length}. */
  static String response(int status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return "HTTP/1.1 "
        + status
        + " X\r\nContent-Type: application/json\r\nETag: \"abc\"\r\n"
        + "Content-Length: "
        + bytes.length
        + "\r\n\r\n"
        + body;
  }

  /**
   * A chunked response, {@code body} split in pieces of {@code size} characters (ASCII bodies
   * only).
   */
  static String chunked(int status, String body, int size) {
    StringBuilder out =
        new StringBuilder("HTTP/1.1 " + status + " X\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < body.length(); i += size) {
      String piece = body.substring(i, Math.min(body.length(), i + size));
      out.append(Integer.toHexString(piece.length()))
          .append(";ext=1\r\n")
          .append(piece)
          .append("\r\n");
    }
    return out.append("0\r\nX-Trailer: 1\r\n\r\n").toString();
  }

  static String sync(String metadata) {
    return "{\"type\":\"sync\",\"status\":\"Success\",\"status_code\":200,\"operation\":\"\","
        + "\"error_code\":0,\"error\":\"\",\"metadata\":"
        + metadata
        + "}";
  }

  static String error(int code, String message) {
    return "{\"type\":\"error\",\"status\":\"\",\"status_code\":0,\"operation\":\"\","
        + "\"error_code\":"
        + code
        + ",\"error\":\""
        + message
        + "\",\"metadata\":null}";
  }

  private static Request read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed");
      }
      head.write(b);
    }
    List<String> lines = List.of(head.toString(StandardCharsets.UTF_8).split("\r\n"));
    String[] requestLine = lines.get(0).split(" ");
    List<String> headers = lines.subList(1, lines.size());
    int length = 0;
    for (String header : headers) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).trim());
      }
    }
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return new Request(requestLine[0], requestLine[1], headers, body);
  }

  @Override
  public void close() throws Exception {
    server.close();
    thread.join(5000);
  }
}
