package io.migrationmanager.cli.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.inventory.FakeInventoryServer;
import io.migrationmanager.cli.transport.TestUnixServer;
import io.migrationmanager.cli.transport.TestUnixServer.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the client in-process against a {@link FakeBatchServer} on a unix socket (the client's local
 * remote), in front of the inventory of the user's document with the targets {@code incus01} and
 * {@code incus02}. The client's clock stands 4 seconds after the fake's last queue update.
 */
abstract class FakeMigrationServerTest {

  @TempDir Path dir;

  FakeBatchServer api;
  CliRunner cli;
  private TestUnixServer server;

  @BeforeEach
  void startServer() throws IOException {
    api =
        new FakeBatchServer(
            new FakeInventoryServer()
                .withSeedInventory()
                .withTarget("incus01")
                .withTarget("incus02"));
    Path socket = dir.resolve("mm.socket");
    server = new TestUnixServer(socket, api);
    cli =
        new CliRunner(dir.resolve("conf"))
            .with("MIGRATION_MANAGER_SOCKET", socket.toString())
            .withClock(Clock.fixed(FakeBatchServer.UPDATE_TIME.plusSeconds(4), ZoneOffset.UTC));
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  /** Every request the server received. */
  List<Request> requests() {
    return server.requests();
  }

  /** The last request the server received. */
  Request lastRequest() {
    assertThat(requests()).isNotEmpty();
    return requests().get(requests().size() - 1);
  }

  /** The body of the last request, parsed. */
  JsonNode lastBody() {
    try {
      return Json.JSON.readTree(lastRequest().body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A test resource ({@code golden/...}, {@code fixtures/...}) as text. */
  static String resource(String name) {
    try (InputStream in = FakeMigrationServerTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The YAML of the user's document's {@code batch edit} ({@code fixtures/<name>.yaml}), with the
   * window dates moved to the future so that the server accepts them today.
   */
  static String seedBatch(String name) {
    return resource("fixtures/" + name + ".yaml").replace("2025-12-01", "2099-12-01");
  }
}
