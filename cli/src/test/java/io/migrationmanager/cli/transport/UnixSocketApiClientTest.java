package io.migrationmanager.cli.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.cli.CliRunner.Result;
import io.migrationmanager.cli.transport.TestUnixServer.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixSocketApiClientTest {

  @TempDir Path dir;

  private TestUnixServer server;

  private UnixSocketApiClient start(Function<Request, String> responder) throws Exception {
    Path socket = dir.resolve("unix.socket");
    server = new TestUnixServer(socket, responder);
    return new UnixSocketApiClient(socket);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void getReadsTheMetadataAndTheEtag() throws Exception {
    UnixSocketApiClient api =
        start(request -> TestUnixServer.response(200, TestUnixServer.sync("{\"name\":\"b1\"}")));

    ApiResponse response = api.getWithEtag(ApiClient.path("batches", "my batch"));

    assertThat(response.metadata().path("name").asText()).isEqualTo("b1");
    assertThat(response.etag()).contains("\"abc\"");
    Request request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/1.0/batches/my%20batch");
    assertThat(request.headers())
        .contains("Host: unix", "Content-Type: application/json", "Connection: close");
  }

  @Test
  void chunkedBodiesAreReassembled() throws Exception {
    String body = TestUnixServer.sync("[\"/1.0/queue/1\",\"/1.0/queue/2\"]");
    UnixSocketApiClient api = start(request -> TestUnixServer.chunked(200, body, 7));

    assertThat(api.get("queue").toString()).isEqualTo("[\"/1.0/queue/1\",\"/1.0/queue/2\"]");
  }

  @Test
  void putSendsJsonAndIfMatch() throws Exception {
    UnixSocketApiClient api =
        start(
            request ->
                "HTTP/1.1 201 Created\r\nLocation: /1.0/batches/b1\r\nContent-Length: "
                    + TestUnixServer.sync("{}").length()
                    + "\r\n\r\n"
                    + TestUnixServer.sync("{}"));

    ApiResponse response = api.put("batches/b1", Map.of("name", "b1"), "\"abc\"");

    assertThat(response.location()).contains("/1.0/batches/b1");
    Request request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.body()).isEqualTo("{\"name\":\"b1\"}");
    assertThat(request.headers()).contains("If-Match: \"abc\"");
  }

  @Test
  void internalPathsAreSentVerbatimAndBodiesUntilClose() throws Exception {
    UnixSocketApiClient api =
        start(request -> "HTTP/1.1 200 OK\r\n\r\n" + TestUnixServer.sync("{\"text\":\"ok\"}"));

    assertThat(api.get("/internal/sql?dump=schema").path("text").asText()).isEqualTo("ok");
    assertThat(server.requests().get(0).path()).isEqualTo("/internal/sql?dump=schema");
  }

  @Test
  void errorEnvelopeBecomesTheServerMessage() throws Exception {
    UnixSocketApiClient api =
        start(
            request ->
                TestUnixServer.response(
                    400, TestUnixServer.error(400, "Batch \\\"b1\\\" is running")));

    assertThatThrownBy(() -> api.delete("batches/b1"))
        .isInstanceOf(CliException.class)
        .hasMessage("Batch \"b1\" is running")
        .extracting(e -> ((CliException) e).statusCode())
        .isEqualTo(400);
  }

  @Test
  void missingSocketIsAClearError() {
    UnixSocketApiClient api = new UnixSocketApiClient(dir.resolve("absent.socket"));

    assertThatThrownBy(() -> api.get(""))
        .isInstanceOf(CliException.class)
        .hasMessageStartingWith(
            "Failed to talk to the local migration manager at " + dir.resolve("absent.socket"));
  }

  @Test
  void socketPathComesFromTheEnvironment() {
    CliRunner runner = new CliRunner(dir);
    assertThat(UnixSocketApiClient.socketPath(runner.environment("", null, null, false, null)))
        .isEqualTo(dir.resolve("no-such.socket"));
    runner.with("MIGRATION_MANAGER_SOCKET", "").with("MIGRATION_MANAGER_DIR", "/var/lib/mm");
    assertThat(UnixSocketApiClient.socketPath(runner.environment("", null, null, false, null)))
        .isEqualTo(Path.of("/var/lib/mm/run/unix.socket"));
    runner.with("MIGRATION_MANAGER_DIR", "");
    assertThat(UnixSocketApiClient.socketPath(runner.environment("", null, null, false, null)))
        .isEqualTo(Path.of("/run/migration-manager/unix.socket"));
  }

  @Test
  void cliQueryOverTheSocketPrintsTheEnvelopeAndErrorsExitWithTheMessage() throws Exception {
    Path socket = dir.resolve("unix.socket");
    server =
        new TestUnixServer(
            socket,
            request ->
                request.path().equals("/1.0/batches/b%C3%A4/:start")
                    ? TestUnixServer.response(400, TestUnixServer.error(400, "Ungültiger Name: bä"))
                    : request.path().equals("/1.0/batches/b1/:start")
                        ? TestUnixServer.response(
                            400, TestUnixServer.error(400, "Bad Request: no targets"))
                        : TestUnixServer.response(200, TestUnixServer.sync("{\"auth\":\"unix\"}")));
    Path configDir = dir.resolve("conf");
    Files.createDirectories(configDir);
    Files.writeString(
        configDir.resolve("config.yml"),
        "default_remote: m1\nremotes:\n  m1:\n    addr: https://127.0.0.1:1\n    auth_type: tls\n");
    CliRunner cli = new CliRunner(configDir).with("MIGRATION_MANAGER_SOCKET", socket.toString());

    Result ok = cli.run("query", "--force-local", "/1.0");
    assertThat(ok.err()).isEmpty();
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out())
        .isEqualTo(
            "{\"type\":\"sync\",\"status\":\"Success\",\"status_code\":200,\"operation\":\"\","
                + "\"error_code\":0,\"error\":\"\",\"metadata\":{\"auth\":\"unix\"}}\n");

    Result failed =
        cli.run("--force-local", "query", "-X", "POST", "-d", "{}", "batches/b1/:start");
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).isEmpty();
    assertThat(failed.err()).isEqualTo("Bad Request: no targets\n");
    assertThat(server.requests().get(1).method()).isEqualTo("POST");
    assertThat(server.requests().get(1).body()).isEqualTo("{}");

    Result unicode = cli.run("--force-local", "query", "-X", "POST", "/1.0/batches/b%C3%A4/:start");
    assertThat(unicode.exitCode()).isEqualTo(1);
    assertThat(unicode.err()).isEqualTo("Ungültiger Name: bä\n");
  }
}
