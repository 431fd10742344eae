package io.migrationmanager.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.CommandGroup;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.edit.EditFlow;
import io.migrationmanager.cli.output.FormatOption;
import io.migrationmanager.cli.transport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code network}: the source networks imported instances use (spec §5.2), and where their NICs go
 * on the target: the computed placement, with the user's override taking precedence field by field.
 */
@Command(
    name = "network",
    description = "Interact with migration networks",
    subcommands = {
      NetworkCommand.ListNetworks.class,
      NetworkCommand.Show.class,
      NetworkCommand.Edit.class,
      NetworkCommand.Remove.class,
      NetworkCommand.Instances.class
    })
public final class NetworkCommand extends CommandGroup {

  /** The {@code network} command group. */
  public NetworkCommand(CliContext context) {
    super(context);
  }

  private static String networkPath(String uuid) {
    return ApiClient.path("networks", Inputs.uuid("network", uuid));
  }

  private static NetworkPlacement placement(JsonNode placement) {
    return placement.isObject()
        ? Json.convert(placement, NetworkPlacement.class)
        : NetworkPlacement.EMPTY;
  }

  /** What {@code network edit} shows of a network: its override's three fields. */
  private static JsonNode overrideView(JsonNode network) {
    NetworkPlacement override = placement(network.path("overrides"));
    ObjectNode view = Json.JSON.createObjectNode();
    view.put("network", override.network());
    view.put("nictype", override.nictype());
    view.put("vlan_id", override.vlanId());
    return view;
  }

  /**
   * {@code network list|ls [-f]}: {@code UUID | Source Specific ID | Location | Source | Type |
   * Target Network | Target NIC Type | Target Vlan}, the target columns showing the effective
   * placement.
   */
  @Command(name = "list", aliases = "ls", description = "List available networks")
  public static final class ListNetworks implements Runnable {

    private static final List<String> COLUMNS =
        List.of(
            "UUID",
            "Source Specific ID",
            "Location",
            "Source",
            "Type",
            "Target Network",
            "Target NIC Type",
            "Target Vlan");

    @Mixin private FormatOption format;

    private final CliContext context;

    /** The {@code network list} command. */
    public ListNetworks(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      JsonNode networks = context.api().get("networks?recursion=1");
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode network : networks) {
        NetworkPlacement effective =
            placement(network.path("placement")).apply(placement(network.path("overrides")));
        rows.add(
            List.of(
                network.path("uuid").asText(),
                network.path("source_specific_id").asText(),
                network.path("location").asText(),
                network.path("source").asText(),
                network.path("type").asText(),
                effective.network(),
                effective.nictype(),
                effective.vlanId()));
      }
      context.terminal().out().print(format.renderer().render(COLUMNS, rows, networks));
    }
  }

  /** {@code network show <uuid>}: the network as YAML. */
  @Command(name = "show", description = "Show network configuration")
  public static final class Show implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the network")
    private String uuid;

    private final CliContext context;

    /** The {@code network show} command. */
    public Show(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String path = networkPath(uuid);
      JsonNode network = context.api().get(path);
      context.terminal().out().print(Json.toYaml(network));
    }
  }

  /**
   * {@code network edit <uuid>}: edits the network's override ({@code network}, {@code nictype},
   * {@code vlan_id}; empty fields keep the computed placement).
   */
  @Command(name = "edit", description = "Edit network placement override")
  public static final class Edit implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the network")
    private String uuid;

    private final CliContext context;

    /** The {@code network edit} command. */
    public Edit(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String path = networkPath(uuid);
      new EditFlow(context.api(), context.terminal())
          .edit("network configuration", path, NetworkCommand::overrideView, path + "/override");
    }
  }

  /** {@code network remove|rm <uuid>}. */
  @Command(name = "remove", aliases = "rm", description = "Remove network")
  public static final class Remove implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the network")
    private String uuid;

    private final CliContext context;

    /** The {@code network remove} command. */
    public Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.delete(networkPath(uuid), "removed network " + Inputs.quote(uuid));
    }
  }

  /**
   * {@code network instances <uuid> [-f] [--verbose]}: the instances with a NIC on the network,
   * with the columns of {@code instance list}.
   */
  @Command(name = "instances", description = "List the instances using a network")
  public static final class Instances implements Runnable {

    @Parameters(index = "0", paramLabel = "<uuid>", description = "UUID of the network")
    private String uuid;

    @Mixin private FormatOption format;

    @Option(names = "--verbose", description = "Enable verbose output")
    private boolean verbose;

    private final CliContext context;

    /** The {@code network instances} command. */
    public Instances(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String path = networkPath(uuid) + "/instances?recursion=1";
      JsonNode instances = context.api().get(path);
      context.terminal().out().print(InstanceTable.render(format, instances, verbose));
    }
  }
}
