package io.migrationmanager.cli.output;

import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Renders the output of list commands in the format chosen with {@code --format} (spec §5.1).
 *
 * <ul>
 *   <li>{@code table}: an ASCII box with a separator line after the header and after every row,
 *       cells left-aligned and padded with one space on each side, headers as given;
 *   <li>{@code compact}: the same cells without borders, columns separated by two spaces;
 *   <li>{@code csv}: RFC 4180 rows, the header only with {@code csv,header};
 *   <li>{@code json} / {@code yaml}: the raw API objects, not the table.
 * </ul>
 *
 * <p>{@code ,noheader} drops the header of {@code table} and {@code compact}. Rows are sorted in
 * {@link NaturalOrder} unless {@link #keepingOrder()} is used. Cells may contain line breaks: such
 * a row spans several lines. Widths count code points.
 */
public final class Renderer {

  /** The formats {@code --format} accepts. */
  private enum Format {
    CSV,
    JSON,
    TABLE,
    YAML,
    COMPACT
  }

  /** The help text of {@code --format}. */
  public static final String FORMAT_HELP =
      "Format (csv|json|table|yaml|compact), use suffix \",noheader\" to disable headers and"
          + " \",header\" to enable if demanded, e.g. csv,header";

  private final Format format;
  private final boolean header;
  private final boolean sorted;

  private Renderer(Format format, boolean header, boolean sorted) {
    this.format = format;
    this.header = header;
    this.sorted = sorted;
  }

  /**
   * The renderer for a {@code --format} value such as {@code table}, {@code csv,header} or {@code
   * compact,noheader}.
   *
   * @throws CliException for an unknown format or option
   */
  public static Renderer forFormat(String spec) {
    String[] parts = spec.split(",", -1);
    Format format;
    try {
      format = Format.valueOf(parts[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliException("Invalid format \"" + parts[0] + "\"");
    }
    boolean header = format != Format.CSV;
    for (String option : Arrays.asList(parts).subList(1, parts.length)) {
      switch (option) {
        case "header":
          header = true;
          break;
        case "noheader":
          header = false;
          break;
        default:
          throw new CliException("Invalid format option \"" + option + "\"");
      }
    }
    return new Renderer(format, header, true);
  }

  /**
   * Whether the output is meant for people ({@code table}, {@code compact}) rather than programs
   * ({@code csv}, {@code json}, {@code yaml}), so text around the table is welcome.
   */
  public boolean isForPeople() {
    return format == Format.TABLE || format == Format.COMPACT;
  }

  /** This renderer, but rows keep the order in which they are given (the API's order). */
  public Renderer keepingOrder() {
    return new Renderer(format, header, false);
  }

  /**
   * The complete output, ending with a newline (empty for a headerless table without rows).
   *
   * @param columns the column headers
   * @param rows the cells of each row, in the order of {@code columns}
   * @param raw what {@code json} and {@code yaml} print, usually the API response's metadata
   */
  public String render(List<String> columns, List<List<String>> rows, Object raw) {
    List<List<String>> data = new ArrayList<>(rows);
    if (sorted) {
      data.sort(NaturalOrder.ROWS);
    }
    switch (format) {
      case JSON:
        return Json.toJson(raw) + "\n";
      case YAML:
        return Json.toYaml(raw);
      case CSV:
        return csv(columns, data);
      case COMPACT:
        return new Grid(header ? columns : null, data).compact();
      case TABLE:
      default:
        return new Grid(header ? columns : null, data).table();
    }
  }

  private String csv(List<String> columns, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    if (header) {
      csvLine(out, columns);
    }
    rows.forEach(row -> csvLine(out, row));
    return out.toString();
  }

  private static void csvLine(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String field = fields.get(i);
      if (needsQuotes(field)) {
        out.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        out.append(field);
      }
    }
    out.append('\n');
  }

  /** Go's {@code encoding/csv} rule: quote separators, quotes, line breaks and a leading space. */
  private static boolean needsQuotes(String field) {
    if (field.isEmpty()) {
      return false;
    }
    if (field.equals("\\.")
        || field.indexOf(',') >= 0
        || field.indexOf('"') >= 0
        || field.indexOf('\r') >= 0
        || field.indexOf('\n') >= 0) {
      return true;
    }
    return Character.isWhitespace(field.codePointAt(0))
        || Character.isSpaceChar(field.codePointAt(0));
  }

  /** The cells split into lines, with the width of every column. */
  private static final class Grid {
    private final List<String[][]> lines = new ArrayList<>();
    private final String[][] header;
    private final int[] widths;

    Grid(List<String> columns, List<List<String>> rows) {
      int count = columns == null ? 0 : columns.size();
      for (List<String> row : rows) {
        count = Math.max(count, row.size());
      }
      widths = new int[count];
      header = columns == null ? null : split(columns, count);
      for (List<String> row : rows) {
        lines.add(split(row, count));
      }
    }

    /** The cells of {@code row} as [column][line], every column with the same number of lines. */
    private String[][] split(List<String> row, int count) {
      String[][] cells = new String[count][];
      int height = 1;
      for (int c = 0; c < count; c++) {
        cells[c] = c < row.size() ? row.get(c).split("\r?\n", -1) : new String[] {""};
        height = Math.max(height, cells[c].length);
        for (String line : cells[c]) {
          widths[c] = Math.max(widths[c], width(line));
        }
      }
      for (int c = 0; c < count; c++) {
        if (cells[c].length < height) {
          String[] padded = Arrays.copyOf(cells[c], height);
          Arrays.fill(padded, cells[c].length, height, "");
          cells[c] = padded;
        }
      }
      return cells;
    }

    String table() {
      StringBuilder border = new StringBuilder("+");
      for (int width : widths) {
        border.append("-".repeat(width + 2)).append('+');
      }
      border.append('\n');
      StringBuilder out = new StringBuilder(border);
      if (header != null) {
        appendRow(out, header, "| ", " | ", " |");
        out.append(border);
      }
      for (String[][] row : lines) {
        appendRow(out, row, "| ", " | ", " |");
        out.append(border);
      }
      return out.toString();
    }

    String compact() {
      StringBuilder out = new StringBuilder();
      if (header != null) {
        appendRow(out, header, "  ", "  ", "  ");
      }
      for (String[][] row : lines) {
        appendRow(out, row, "  ", "  ", "  ");
      }
      return out.toString();
    }

    private void appendRow(
        StringBuilder out, String[][] row, String start, String between, String end) {
      int height = row.length == 0 ? 1 : row[0].length;
      for (int line = 0; line < height; line++) {
        out.append(start);
        for (int c = 0; c < row.length; c++) {
          if (c > 0) {
            out.append(between);
          }
          String text = row[c][line];
          out.append(text).append(" ".repeat(widths[c] - width(text)));
        }
        out.append(end).append('\n');
      }
    }

    private static int width(String text) {
      return text.codePointCount(0, text.length());
    }
  }
}
