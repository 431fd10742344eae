package io.migrationmanager.cli.command;

import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.transport.ApiClient;
import io.migrationmanager.cli.transport.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code query <API path> [-X METHOD] [-d data]} (hidden): sends a raw request and prints the
 * response envelope as JSON. {@code /1.0/...}, {@code /internal/...} and {@code /} are sent
 * verbatim, any other path is taken relative to {@code /1.0}.
 */
@Command(name = "query", hidden = true, description = "Send a raw query to the server")
public final class QueryCommand implements Runnable {

  @Parameters(index = "0", paramLabel = "<API path>", description = "e.g. /1.0/batches")
  private String path;

  @Option(
      names = {"-X", "--request"},
      defaultValue = "GET",
      description = "Action (defaults to GET)")
  private String method;

  @Option(
      names = {"-d", "--data"},
      defaultValue = "",
      description = "Input data")
  private String data;

  private final CliContext context;

  /** The {@code query} command. */
  public QueryCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    byte[] body = data.isEmpty() ? null : data.getBytes(StandardCharsets.UTF_8);
    ApiResponse response = context.api().request(method, requestPath(), body, Map.of());
    context.terminal().out().println(Json.toJson(response.envelope()));
  }

  private String requestPath() {
    if (path.equals("/") || path.startsWith("/1.0") || path.startsWith("/internal/")) {
      return path;
    }
    return ApiClient.resolve(path.replaceFirst("^/+", ""));
  }
}
