package io.migrationmanager.cli.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.api.Batch;
import io.migrationmanager.api.BatchConfig;
import io.migrationmanager.api.BatchDefaults;
import io.migrationmanager.api.BatchPlacement;
import io.migrationmanager.api.BatchPlan;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.Instance;
import io.migrationmanager.api.QueueEntry;
import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.CommandGroup;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.edit.EditFlow;
import io.migrationmanager.cli.inventory.Inputs;
import io.migrationmanager.cli.output.FormatOption;
import io.migrationmanager.cli.output.Renderer;
import io.migrationmanager.cli.transport.ApiClient;
import io.migrationmanager.domain.Names;
import io.migrationmanager.domain.instance.RestrictionOverrides;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code batch}: groups of instances migrated together (spec §2.6, §5.2): their definition, the
 * instances they match, and starting, stopping and resetting their migration.
 */
@Command(
    name = "batch",
    description = "Interact with migration batches",
    subcommands = {
      BatchCommand.Add.class,
      BatchCommand.ListBatches.class,
      BatchCommand.Show.class,
      BatchCommand.Info.class,
      BatchCommand.Edit.class,
      BatchCommand.Plan.class,
      BatchCommand.Start.class,
      BatchCommand.Stop.class,
      BatchCommand.Reset.class,
      BatchCommand.Remove.class
    })
public final class BatchCommand extends CommandGroup {

  /** What the original's client proposes for new batches (the API's default is 0). */
  private static final int POST_MIGRATION_RETRIES = 5;

  /** The {@code batch} command group. */
  public BatchCommand(CliContext context) {
    super(context);
  }

  /**
   * {@code name}, checked to be a valid batch name: {@code Invalid batch name "<name>": <problem>}
   * otherwise.
   */
  private static String requireName(String name) {
    Names.apiNameProblem(name)
        .ifPresent(
            problem -> {
              throw new CliException("Invalid batch name " + Inputs.quote(name) + ": " + problem);
            });
    return name;
  }

  /** The API path of batch {@code name}; no request goes to a path no batch can have. */
  private static String batchPath(String name) {
    return ApiClient.path("batches", requireName(name));
  }

  /** The name of the first target; batches cannot be added or edited without one. */
  private static String firstTarget(CliContext context) {
    JsonNode targets = context.api().get("targets?recursion=1");
    if (!targets.isArray() || targets.isEmpty()) {
      throw new CliException("No targets have been defined, cannot add a batch.");
    }
    return targets.get(0).path("name").asText();
  }

  /**
   * {@code batch add <name>}: adds a batch that matches no instance ({@code include_expression:
   * "false"}) and places on the first target, to be completed with {@code batch edit}.
   */
  @Command(name = "add", description = "Add a new batch")
  public static final class Add implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the batch")
    private String name;

    private final CliContext context;

    /** The {@code batch add} command. */
    public Add(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String batchName = requireName(name);
      String target = firstTarget(context);
      BatchPut batch =
          new BatchPut(
              batchName,
              "false",
              List.of(),
              List.of(),
              new BatchDefaults(new BatchPlacement(target, "", ""), List.of(), false),
              new BatchConfig(
                  false,
                  "",
                  POST_MIGRATION_RETRIES,
                  RestrictionOverrides.NONE,
                  GoDuration.ZERO,
                  GoDuration.ZERO));
      context.api().post("batches", batch);
      context.succeeded("added new batch " + Inputs.quote(name));
    }
  }

  /**
   * {@code batch list|ls [-f]}: {@code Name | Status | Status String | Target | Project | Storage
   * Pool | Include Expression | Migration Windows} (the number of windows).
   */
  @Command(name = "list", aliases = "ls", description = "List available batches")
  public static final class ListBatches implements Runnable {

    private static final List<String> COLUMNS =
        List.of(
            "Name",
            "Status",
            "Status String",
            "Target",
            "Project",
            "Storage Pool",
            "Include Expression",
            "Migration Windows");

    @Mixin private FormatOption format;

    private final CliContext context;

    /** The {@code batch list} command. */
    public ListBatches(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      JsonNode raw = context.api().get("batches?recursion=1");
      List<List<String>> rows = new ArrayList<>();
      for (Batch batch : Json.convert(raw, Batch[].class)) {
        BatchPlacement placement = batch.defaults().placement();
        rows.add(
            List.of(
                batch.name(),
                batch.status().wire(),
                batch.statusMessage(),
                placement.target(),
                placement.targetProject(),
                placement.storagePool(),
                batch.includeExpression(),
                Integer.toString(batch.migrationWindows().size())));
      }
      context.terminal().out().print(format.renderer().render(COLUMNS, rows, raw));
    }
  }

  /** {@code batch show <name>}: the batch as YAML, status included. */
  @Command(name = "show", description = "Show batch configuration")
  public static final class Show implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the batch")
    private String name;

    private final CliContext context;

    /** The {@code batch show} command. */
    public Show(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      Batch batch = context.api().get(batchPath(name), Batch.class);
      context.terminal().out().print(Json.toYaml(batch));
    }
  }

  /**
   * {@code batch info <name>}: the instances the batch matches, in the API's order ({@code
   * (Migration Disabled)} after those whose override disables migration), and those of them queued
   * by this batch with their migration status.
   */
  @Command(name = "info", description = "Show information about a batch")
  public static final class Info implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the batch")
    private String name;

    private final CliContext context;

    /** The {@code batch info} command. */
    public Info(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String path = batchPath(name) + "/instances?recursion=1";
      Instance[] instances = context.api().get(path, Instance[].class);
      Map<UUID, QueueEntry> queued = new HashMap<>();
      for (QueueEntry entry : context.api().get("queue?recursion=1", QueueEntry[].class)) {
        if (name.equals(entry.batchName())) {
          queued.put(entry.instanceUuid(), entry);
        }
      }
      PrintStream out = context.terminal().out();
      out.println("Matched Instances:");
      for (Instance instance : instances) {
        boolean disabled = instance.overrides() != null && instance.overrides().disableMigration();
        out.println("  - " + instance.location() + (disabled ? " (Migration Disabled)" : ""));
      }
      out.println();
      out.println("Queued Instances:");
      for (Instance instance : instances) {
        QueueEntry entry = queued.get(instance.uuid());
        if (entry != null) {
          out.println("  - " + instance.location() + " (" + entry.migrationStatus() + ")");
        }
      }
    }
  }

  /**
   * {@code batch edit <name>}: edits the batch's definition as YAML (or reads it from standard
   * input) and replaces it, guarded by the batch's ETag.
   */
  @Command(name = "edit", description = "Edit batch")
  public static final class Edit implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the batch")
    private String name;

    private final CliContext context;

    /** The {@code batch edit} command. */
    public Edit(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String path = batchPath(name);
      firstTarget(context);
      new EditFlow(context.api(), context.terminal())
          .edit(
              "batch configuration",
              path,
              batch -> BatchYaml.editView(Json.convert(batch, Batch.class)),
              path,
              BatchYaml::toPut);
    }
  }

  /**
   * {@code batch plan <name> [-f]}: what starting the batch now would do, without starting it:
   * whether it can start, and for every matched instance its outcome, queue status, placement,
   * constraint and migration window.
   */
  @Command(name = "plan", description = "Show what starting a batch would do")
  public static final class Plan implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the batch")
    private String name;

    @Mixin private FormatOption format;

    private final CliContext context;

    /** The {@code batch plan} command. */
    public Plan(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      JsonNode raw = context.api().get(batchPath(name) + "/:plan");
      BatchPlan plan = Json.convert(raw, BatchPlan.class);
      Renderer renderer = format.renderer().keepingOrder();
      PrintStream out = context.terminal().out();
      if (renderer.isForPeople()) {
        String batch = "Batch " + Inputs.quote(name);
        out.println(
            plan.startable()
                ? batch + " can be started."
                : batch + " cannot be started: " + plan.problem());
        out.println();
      }
      out.print(renderer.render(PlanTable.COLUMNS, PlanTable.rows(plan), raw));
    }
  }

  /** {@code batch start <name>}: queues the batch's instances and starts migrating them. */
  @Command(name = "start", description = "Start batch")
  public static final class Start implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the batch")
    private String name;

    private final CliContext context;

    /** The {@code batch start} command. */
    public Start(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.post(batchPath(name) + "/:start", "started batch " + Inputs.quote(name));
    }
  }

  /** {@code batch stop <name>}: no new target VMs and no cutovers until started again. */
  @Command(name = "stop", description = "Stop batch")
  public static final class Stop implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the batch")
    private String name;

    private final CliContext context;

    /** The {@code batch stop} command. */
    public Stop(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.post(batchPath(name) + "/:stop", "stopped batch " + Inputs.quote(name));
    }
  }

  /**
   * {@code batch reset <name> [-f|--force]}: removes the batch's queue entries and makes it {@code
   * Defined} again; {@code --force} also when some have begun their final import.
   */
  @Command(name = "reset", description = "Reset batch")
  public static final class Reset implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the batch")
    private String name;

    @Option(
        names = {"-f", "--force"},
        description =
            "Clear all queue entries, even finished ones. Finished target instances will not be"
                + " cleaned up")
    private boolean force;

    private final CliContext context;

    /** The {@code batch reset} command. */
    public Reset(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.post(
          batchPath(name) + "/:reset" + (force ? "?force=1" : ""),
          "reset batch " + Inputs.quote(name));
    }
  }

  /**
   * {@code batch remove|rm <name>}: removes a batch that is not running, with its queue entries.
   */
  @Command(name = "remove", aliases = "rm", description = "Remove batch")
  public static final class Remove implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the batch")
    private String name;

    private final CliContext context;

    /** The {@code batch remove} command. */
    public Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.delete(batchPath(name), "removed batch " + Inputs.quote(name));
    }
  }
}
