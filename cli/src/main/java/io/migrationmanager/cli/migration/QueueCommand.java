package io.migrationmanager.cli.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.api.Batch;
import io.migrationmanager.api.QueueEntry;
import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.CommandGroup;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.inventory.Inputs;
import io.migrationmanager.cli.output.FormatOption;
import io.migrationmanager.cli.transport.ApiClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code queue}: the migrations of started batches (spec §2.8, §5.2, §6.10), one entry per
 * instance, keyed by the instance's UUID, and the user's actions on them.
 */
@Command(
    name = "queue",
    description = "Display the migration queue",
    subcommands = {
      QueueCommand.ListQueue.class,
      QueueCommand.Show.class,
      QueueCommand.Remove.class,
      QueueCommand.Cancel.class,
      QueueCommand.Retry.class,
      QueueCommand.Resolve.class
    })
public final class QueueCommand extends CommandGroup {

  /** The {@code queue} command group. */
  public QueueCommand(CliContext context) {
    super(context);
  }

  private static String entryPath(String uuid) {
    return ApiClient.path("queue", Inputs.uuid("queue entry", uuid));
  }

  /**
   * {@code queue list|ls [-f] [--verbose]}: the user's document's columns, rows sorted by name;
   * {@code --verbose} adds the original's UUID, batch status and placement columns.
   */
  @Command(name = "list", aliases = "ls", description = "List the migration queue")
  public static final class ListQueue implements Runnable {

    @Mixin private FormatOption format;

    @Option(names = "--verbose", description = "Enable verbose output")
    private boolean verbose;

    private final CliContext context;

    /** The {@code queue list} command. */
    public ListQueue(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      JsonNode raw = context.api().get("queue?recursion=1");
      List<QueueEntry> entries = List.of(Json.convert(raw, QueueEntry[].class));
      Map<String, Batch> batches = new HashMap<>();
      if (verbose) {
        for (Batch batch : context.api().get("batches?recursion=1", Batch[].class)) {
          batches.put(batch.name(), batch);
        }
      }
      List<List<String>> rows =
          QueueTable.rows(entries, batches, verbose, context.clock().instant());
      context
          .terminal()
          .out()
          .print(format.renderer().keepingOrder().render(QueueTable.columns(verbose), rows, raw));
    }
  }

  /** {@code queue show <uuid>}: the queue entry as YAML. */
  @Command(name = "show", description = "Show the queue entry")
  public static final class Show implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the queued instance")
    private String uuid;

    private final CliContext context;

    /** The {@code queue show} command. */
    public Show(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      QueueEntry entry = context.api().get(entryPath(uuid), QueueEntry.class);
      context.terminal().out().print(Json.toYaml(entry));
    }
  }

  /** {@code queue remove|rm <uuid>}: removes an entry that is not migrating. */
  @Command(name = "remove", aliases = "rm", description = "Remove the queue entry")
  public static final class Remove implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the queued instance")
    private String uuid;

    private final CliContext context;

    /** The {@code queue remove} command. */
    public Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.delete(entryPath(uuid), "removed queue entry " + Inputs.quote(uuid));
    }
  }

  /**
   * {@code queue cancel <uuid> [-c|--cleanup]}: stops the migration; {@code --cleanup} also deletes
   * the target VM.
   */
  @Command(name = "cancel", description = "Cancel the queue entry")
  public static final class Cancel implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the queued instance")
    private String uuid;

    @Option(
        names = {"-c", "--cleanup"},
        description = "Clean up resources created on the target for this queue entry")
    private boolean cleanup;

    private final CliContext context;

    /** The {@code queue cancel} command. */
    public Cancel(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.post(
          entryPath(uuid) + "/:cancel" + (cleanup ? "?cleanup=1" : ""),
          "cancelled queue entry " + Inputs.quote(uuid));
    }
  }

  /** {@code queue retry <uuid>}: migrates a cancelled entry again. */
  @Command(name = "retry", description = "Retry the queue entry")
  public static final class Retry implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the queued instance")
    private String uuid;

    private final CliContext context;

    /** The {@code queue retry} command. */
    public Retry(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.post(entryPath(uuid) + "/:retry", "restarted queue entry " + Inputs.quote(uuid));
    }
  }

  /** {@code queue resolve <uuid>}: marks a conflict as resolved, so the migration goes on. */
  @Command(name = "resolve", description = "Resolve conflicted queue entries")
  public static final class Resolve implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the queued instance")
    private String uuid;

    private final CliContext context;

    /** The {@code queue resolve} command. */
    public Resolve(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.post(entryPath(uuid) + "/:resolve", "resolved queue entry " + Inputs.quote(uuid));
    }
  }
}
