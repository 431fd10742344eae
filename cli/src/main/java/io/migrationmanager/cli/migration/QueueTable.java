package io.migrationmanager.cli.migration;

import io.migrationmanager.api.Batch;
import io.migrationmanager.api.GoTime;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.api.QueueEntry;
import io.migrationmanager.cli.output.Ago;
import io.migrationmanager.cli.output.NaturalOrder;
import io.migrationmanager.domain.placement.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code queue list}. The default columns are the user's document's ({@code Name |
 * Batch | Last Update | Status | Status Message | Migration Window}); {@code --verbose} adds the
 * original's: the instance's UUID first, and its batch's status, status message, target and target
 * project last. Rows are sorted by name in both.
 */
final class QueueTable {

  private static final List<String> COLUMNS =
      List.of("Name", "Batch", "Last Update", "Status", "Status Message", "Migration Window");

  private static final List<String> VERBOSE_COLUMNS =
      List.of(
          "UUID",
          "Name",
          "Batch",
          "Last Update",
          "Status",
          "Status Message",
          "Migration Window",
          "Batch Status",
          "Batch Status Message",
          "Target",
          "Target Project");

  private QueueTable() {}

  /** The column headers. */
  static List<String> columns(boolean verbose) {
    return verbose ? VERBOSE_COLUMNS : COLUMNS;
  }

  /**
   * One row per entry, sorted by name (in natural order, then by the following columns).
   *
   * @param batches the batches by name, for the verbose columns
   * @param now the current time, for the {@code Last Update} column
   */
  static List<List<String>> rows(
      List<QueueEntry> entries, Map<String, Batch> batches, boolean verbose, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    for (QueueEntry entry : entries) {
      List<String> row = new ArrayList<>();
      if (verbose) {
        row.add(String.valueOf(entry.instanceUuid()));
      }
      String status = text(entry.migrationStatus());
      String message = text(entry.migrationStatusMessage());
      row.add(text(entry.instanceName()));
      row.add(text(entry.batchName()));
      row.add(lastUpdate(entry.lastUpdate(), now));
      row.add(status);
      row.add(message.isEmpty() ? status : message);
      row.add(window(entry.migrationWindow()));
      if (verbose) {
        Batch batch = batches.get(entry.batchName());
        Placement placement = entry.placement();
        row.add(batch == null ? "" : batch.status().wire());
        row.add(batch == null ? "" : batch.statusMessage());
        row.add(placement == null ? "" : placement.targetName());
        row.add(placement == null ? "" : placement.targetProject());
      }
      rows.add(row);
    }
    int name = verbose ? 1 : 0;
    rows.sort(
        Comparator.<List<String>, List<String>>comparing(
                row -> row.subList(name, row.size()), NaturalOrder.ROWS)
            .thenComparing(NaturalOrder.ROWS));
    return rows;
  }

  /** {@code 4s ago}, or {@code No update} when the entry was never updated. */
  static String lastUpdate(Instant lastUpdate, Instant now) {
    if (GoTime.isZero(lastUpdate)) {
      return "No update";
    }
    return Ago.since(lastUpdate, now);
  }

  /**
   * A migration window as the original shows it: {@code <start> - <end>} in Go's {@code
   * time.String()} form, with {@code (lockout <time>)} when it has one, or {@code none} when
   * neither start nor end is set.
   */
  static String window(MigrationWindow window) {
    if (window == null || (window.start() == null && window.end() == null)) {
      return "none";
    }
    String text = GoTime.display(window.start()) + " - " + GoTime.display(window.end());
    if (window.lockout() != null) {
      text += " (lockout " + GoTime.display(window.lockout()) + ")";
    }
    return text;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
