package io.migrationmanager.cli.migration;

import io.migrationmanager.api.BatchPlan;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.domain.placement.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code batch plan}: one per matched instance, in the API's order, saying what
 * starting the batch would do with it. Storage pools are shown one disk a line ({@code <disk>:
 * <pool>}), networks one NIC a line ({@code <mac>: <network> (<nictype>[, <vlan>])}), and the
 * window as {@code queue list} shows it, followed by the API's note on the choice; without a
 * window, the note says why.
 */
final class PlanTable {

  static final List<String> COLUMNS =
      List.of(
          "Instance",
          "Outcome",
          "Status",
          "Reason",
          "Target",
          "Project",
          "Storage Pools",
          "Networks",
          "Constraint",
          "Migration Window");

  private PlanTable() {}

  /** The rows of {@code plan}. */
  static List<List<String>> rows(BatchPlan plan) {
    List<List<String>> rows = new ArrayList<>();
    if (plan.instances() == null) {
      return rows;
    }
    for (BatchPlan.Item item : plan.instances()) {
      Placement placement = item.placement();
      rows.add(
          List.of(
              text(item.location()).isEmpty() ? text(item.name()) : item.location(),
              text(item.outcome()),
              text(item.status()),
              text(item.reason()),
              placement == null ? "" : placement.targetName(),
              placement == null ? "" : placement.targetProject(),
              placement == null ? "" : pools(placement),
              placement == null ? "" : networks(placement),
              text(item.constraint()),
              window(item.migrationWindow(), text(item.windowNote()))));
    }
    return rows;
  }

  private static String pools(Placement placement) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> pool : placement.storagePools().entrySet()) {
      lines.add(pool.getKey() + ": " + pool.getValue());
    }
    return String.join("\n", lines);
  }

  private static String networks(Placement placement) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, NetworkPlacement> nic : placement.networks().entrySet()) {
      NetworkPlacement network = nic.getValue();
      String kind =
          network.vlanId().isEmpty()
              ? network.nictype()
              : network.nictype() + ", " + network.vlanId();
      lines.add(nic.getKey() + ": " + network.network() + " (" + kind + ")");
    }
    return String.join("\n", lines);
  }

  private static String window(MigrationWindow window, String note) {
    if (window == null || window.isEmpty()) {
      return note.isEmpty() ? QueueTable.window(window) : note;
    }
    String text = QueueTable.window(window);
    return note.isEmpty() ? text : text + "\n" + note;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
