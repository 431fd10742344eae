package io.migrationmanager.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.CommandGroup;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.output.FormatOption;
import io.migrationmanager.cli.transport.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code instance}: the VMs imported from the sources (spec §5.2), their overrides, and the actions
 * on the source VM: power, and enabling or re-checking background import.
 */
@Command(
    name = "instance",
    description = "Interact with migration instances",
    subcommands = {
      InstanceCommand.ListInstances.class,
      InstanceCommand.Show.class,
      InstanceOverrideCommand.class,
      InstanceCommand.Power.class,
      InstanceCommand.EnableBackgroundImport.class,
      InstanceCommand.ResetBackgroundImport.class
    })
public final class InstanceCommand extends CommandGroup {

  /** The {@code instance} command group. */
  public InstanceCommand(CliContext context) {
    super(context);
  }

  /** The API path of instance {@code uuid}, after checking it is a UUID. */
  static String instancePath(String uuid) {
    return ApiClient.path("instances", Inputs.uuid("instance", uuid));
  }

  /**
   * {@code instance list|ls [-f] [--verbose]}, in the order of the API (the order of import), as
   * the user's document shows it.
   */
  @Command(name = "list", aliases = "ls", description = "List available instances")
  public static final class ListInstances implements Runnable {

    @Mixin private FormatOption format;

    @Option(names = "--verbose", description = "Enable verbose output")
    private boolean verbose;

    private final CliContext context;

    /** The {@code instance list} command. */
    public ListInstances(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      JsonNode instances = context.api().get("instances?recursion=1");
      context.terminal().out().print(InstanceTable.render(format, instances, verbose));
    }
  }

  /** {@code instance show <uuid>}: the instance as YAML. */
  @Command(name = "show", description = "Show instance configuration")
  public static final class Show implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the instance")
    private String uuid;

    private final CliContext context;

    /** The {@code instance show} command. */
    public Show(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String path = instancePath(uuid);
      JsonNode instance = context.api().get(path);
      context.terminal().out().print(Json.toYaml(instance));
    }
  }

  /** {@code instance power <uuid> on|off}: powers the VM on or off on its source. */
  @Command(name = "power", description = "Power the source VM of an instance on or off")
  public static final class Power implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the instance")
    private String uuid;

    @Parameters(index = "1", paramLabel = "on|off", description = "The new power state")
    private String state;

    private final CliContext context;

    /** The {@code instance power} command. */
    public Power(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      if (!state.equals("on") && !state.equals("off")) {
        throw new CliException(
            "Invalid power state " + Inputs.quote(state) + ", must be \"on\" or \"off\"");
      }
      context.post(
          instancePath(uuid) + "/:power?state=" + state,
          "powered " + state + " instance " + Inputs.quote(uuid));
    }
  }

  /**
   * {@code instance enable-background-import <uuid>}: turns on change tracking of the source VM
   * (which powers it off, removes its snapshots and powers it back on).
   */
  @Command(
      name = "enable-background-import",
      description = "Enable background import (change tracking) on the source VM of an instance")
  public static final class EnableBackgroundImport implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the instance")
    private String uuid;

    private final CliContext context;

    /** The {@code instance enable-background-import} command. */
    public EnableBackgroundImport(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.post(
          instancePath(uuid) + "/:enable-background-import",
          "enabled background import for instance " + Inputs.quote(uuid));
    }
  }

  /**
   * {@code instance reset-background-import <uuid>}: checks background import support again after
   * it could not be verified.
   */
  @Command(
      name = "reset-background-import",
      description = "Check background import support of an instance again")
  public static final class ResetBackgroundImport implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the instance")
    private String uuid;

    private final CliContext context;

    /** The {@code instance reset-background-import} command. */
    public ResetBackgroundImport(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.post(
          instancePath(uuid) + "/:reset-background-import",
          "reset background import for instance " + Inputs.quote(uuid));
    }
  }
}
