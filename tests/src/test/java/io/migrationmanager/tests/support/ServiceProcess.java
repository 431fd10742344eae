package io.migrationmanager.tests.support;

import io.migrationmanager.testsupport.Peers;
import io.migrationmanager.testsupport.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The service as a separate process ({@code java -jar api-server/target/migration-managerd.jar server FILE}),
 * so a test can kill it the hard way and start it again.
 */
public final class ServiceProcess implements AutoCloseable {
  private final Path dir;
  private final Path config;
  private final Path log;
  private final int temporalPort;
  private Process process;

  /** A configuration for {@code db}, with its own free ports and files in a temporary directory. */
  public ServiceProcess(TestDatabase db) throws IOException {
    this(db.url(), db.user(), db.password());
  }

  public ServiceProcess(String dbUrl, String dbUser, String dbPassword) throws IOException {
    dir = Files.createTempDirectory("mm-process");
    temporalPort = freePort();
    config = dir.resolve("config.yml");
    log = dir.resolve("service.log");
    Files.writeString(
        config,
        String.join(
            "\n",
            "dataDir: \"" + dir + "\"",
            "database:",
            "  url: \"" + dbUrl + "\"",
            "  user: \"" + dbUser + "\"",
            "  password: \"" + dbPassword + "\"",
            "temporal:",
            "  target: \"\"",
            "  embeddedPort: " + temporalPort,
            "server:",
            "  type: default",
            "  registerDefaultExceptionMappers: false",
            "  applicationConnectors:",
            "    - type: mm-https",
            "      bindHost: 127.0.0.1",
            "      port: " + freePort(),
            "    - type: unix",
            "      path: \"" + socket() + "\"",
            "  adminConnectors:",
            "    - type: http",
            "      bindHost: 127.0.0.1",
            "      port: " + freePort(),
            ""));
  }

  /** Overrides one line of the configuration, e.g. to make start-up fail. */
  public ServiceProcess replaceInConfig(String from, String to) throws IOException {
    Files.writeString(config, Files.readString(config).replace(from, to));
    return this;
  }

  public static Path jar() {
    return Peers.repoRoot().resolve("api-server/target/migration-managerd.jar");
  }

  public Path socket() {
    return dir.resolve("unix.socket");
  }

  public String temporalTarget() {
    return "127.0.0.1:" + temporalPort;
  }

  /** Starts {@code migration-managerd <command> <config>} in the background (e.g. {@code worker}). */
  public void startCommand(String command) throws IOException {
    process =
        new ProcessBuilder(
                List.of("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", jar().toString(), command,
                    config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /** Starts the process and waits until its unix socket answers. */
  public void start(Duration timeout) throws IOException, InterruptedException {
    if (!Files.exists(jar())) {
      throw new IllegalStateException("Build the service first (mvn package): " + jar() + " is missing");
    }
    Files.deleteIfExists(socket());
    process =
        new ProcessBuilder(
                List.of("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", jar().toString(), "server",
                    config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The service exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      if (Files.exists(socket()) && answers()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("The service did not start within " + timeout + ": " + Files.readString(log));
  }

  /** Whether {@code GET /1.0} on the unix socket answers with the API envelope. */
  private boolean answers() {
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
      ch.write(ByteBuffer.wrap("GET /1.0 HTTP/1.1\r\nHost: unix\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buf = ByteBuffer.allocate(8192);
      StringBuilder reply = new StringBuilder();
      while (ch.read(buf) > 0) {
        buf.flip();
        reply.append(StandardCharsets.UTF_8.decode(buf));
        buf.clear();
      }
      return reply.toString().startsWith("HTTP/1.1 200") && reply.toString().contains("\"type\":\"sync\"");
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs the service until it exits by itself (a failed start); returns its exit code. */
  public int runToExit(Duration timeout) throws IOException, InterruptedException {
    return runCommand(timeout, "server");
  }

  /**
   * Runs {@code migration-managerd <command...> <config>} until it exits; returns its exit code (its output is in
   * {@link #log()}).
   */
  public int runCommand(Duration timeout, String... command) throws IOException, InterruptedException {
    List<String> args =
        new java.util.ArrayList<>(List.of("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", jar().toString()));
    args.addAll(List.of(command));
    args.add(config.toString());
    Process p =
        new ProcessBuilder(args)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("The service kept running: " + Files.readString(log));
    }
    return p.exitValue();
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  /** Kills the process without letting it shut down (SIGKILL). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
