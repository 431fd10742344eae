package io.migrationmanager.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.CommandGroup;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.edit.EditFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code instance override}: the user's changes to an imported instance, in the shape of the user's
 * document: {@code last_update}, {@code comment}, {@code disable_migration}, {@code
 * ignore_restrictions} and a nested {@code properties:} block ({@code name}, {@code description},
 * {@code cpus}, {@code memory}, {@code config}, {@code os}, {@code os_version}, {@code
 * architecture}).
 */
@Command(
    name = "override",
    description = "Manage instance overrides",
    subcommands = {
      InstanceOverrideCommand.Show.class,
      InstanceOverrideCommand.Edit.class,
      InstanceOverrideCommand.Remove.class
    })
public final class InstanceOverrideCommand extends CommandGroup {

  private static final String WHAT = "instance override configuration";

  /** The {@code instance override} command group. */
  public InstanceOverrideCommand(CliContext context) {
    super(context);
  }

  private static String overridePath(String uuid) {
    return InstanceCommand.instancePath(uuid) + "/override";
  }

  /**
   * The override in the document's shape and field order; the newer flat form of the original is
   * read into it.
   */
  private static JsonNode documentShape(JsonNode override) {
    return Json.JSON.valueToTree(Json.convert(override, InstanceOverride.class));
  }

  /** {@code instance override show <uuid>}: the override as YAML. */
  @Command(name = "show", description = "Show instance override")
  public static final class Show implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the instance")
    private String uuid;

    private final CliContext context;

    /** The {@code instance override show} command. */
    public Show(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String path = overridePath(uuid);
      JsonNode override = context.api().get(path);
      context.terminal().out().print(Json.toYaml(documentShape(override)));
    }
  }

  /**
   * {@code instance override edit <uuid>}: edits the override as YAML (or reads it from standard
   * input) and replaces it, guarded by the override's ETag.
   */
  @Command(name = "edit", description = "Edit instance override")
  public static final class Edit implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the instance")
    private String uuid;

    private final CliContext context;

    /** The {@code instance override edit} command. */
    public Edit(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String path = overridePath(uuid);
      new EditFlow(context.api(), context.terminal())
          .edit(WHAT, path, InstanceOverrideCommand::documentShape, path);
    }
  }

  /** {@code instance override remove <uuid>}: resets the override to empty. */
  @Command(name = "remove", aliases = "rm", description = "Remove instance override")
  public static final class Remove implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the instance")
    private String uuid;

    private final CliContext context;

    /** The {@code instance override remove} command. */
    public Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.delete(overridePath(uuid), "removed override for instance " + Inputs.quote(uuid));
    }
  }
}
