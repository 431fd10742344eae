package io.migrationmanager.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.api.GoTime;
import io.migrationmanager.api.Warning;
import io.migrationmanager.api.WarningPut;
import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.CommandGroup;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.output.FormatOption;
import io.migrationmanager.cli.transport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code warning}: problems found while syncing the sources (spec §2.9, §5.2). */
@Command(
    name = "warning",
    description = "View and acknowledge warnings",
    subcommands = {
      WarningCommand.ListWarnings.class,
      WarningCommand.Show.class,
      WarningCommand.Acknowledge.class
    })
public final class WarningCommand extends CommandGroup {

  /** The {@code warning} command group. */
  public WarningCommand(CliContext context) {
    super(context);
  }

  private static String warningPath(String uuid) {
    return ApiClient.path("warnings", Inputs.uuid("warning", uuid));
  }

  /**
   * {@code warning list|ls [-f]}: {@code UUID | Status | Scope | Entity Type | Entity | Type | Last
   * Updated | Num Messages | Count}, the time as Go prints it.
   */
  @Command(name = "list", aliases = "ls", description = "List warnings")
  public static final class ListWarnings implements Runnable {

    private static final List<String> COLUMNS =
        List.of(
            "UUID",
            "Status",
            "Scope",
            "Entity Type",
            "Entity",
            "Type",
            "Last Updated",
            "Num Messages",
            "Count");

    @Mixin private FormatOption format;

    private final CliContext context;

    /** The {@code warning list} command. */
    public ListWarnings(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      JsonNode warnings = context.api().get("warnings?recursion=1");
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode warning : warnings) {
        JsonNode scope = warning.path("scope");
        String updated = warning.path("updated_date").asText();
        rows.add(
            List.of(
                warning.path("uuid").asText(),
                warning.path("status").asText(),
                scope.path("scope").asText(),
                scope.path("entity_type").asText(),
                scope.path("entity").asText(),
                warning.path("type").asText(),
                updated.isEmpty() ? "" : GoTime.display(GoTime.parse(updated)),
                Integer.toString(warning.path("messages").size()),
                warning.path("count").asText()));
      }
      context.terminal().out().print(format.renderer().render(COLUMNS, rows, warnings));
    }
  }

  /**
   * {@code warning show <uuid>}: the warning as YAML, fields in the document's order ({@code
   * status, uuid, scope, type, first_seen_date, last_seen_date, updated_date, messages, count}).
   */
  @Command(name = "show", description = "Show warning messages")
  public static final class Show implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the warning")
    private String uuid;

    private final CliContext context;

    /** The {@code warning show} command. */
    public Show(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String path = warningPath(uuid);
      Warning warning = context.api().get(path, Warning.class);
      context.terminal().out().print(Json.toYaml(warning));
    }
  }

  /** {@code warning acknowledge|ack <uuid>}: marks the warning as seen; prints nothing. */
  @Command(name = "acknowledge", aliases = "ack", description = "Acknowledge warning")
  public static final class Acknowledge implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the warning")
    private String uuid;

    private final CliContext context;

    /** The {@code warning acknowledge} command. */
    public Acknowledge(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String path = warningPath(uuid);
      context.api().put(path, new WarningPut(Warning.STATUS_ACKNOWLEDGED), null);
    }
  }
}
