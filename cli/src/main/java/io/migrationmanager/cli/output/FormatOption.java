package io.migrationmanager.cli.output;

import picocli.CommandLine.Option;

/**
 * The {@code --format/-f} option of list commands; add it with {@code @Mixin FormatOption format;}
 * and render with {@code format.renderer().render(columns, rows, raw)}.
 */
public final class FormatOption {

  @Option(
      names = {"-f", "--format"},
      paramLabel = "<format>",
      defaultValue = "table",
      description = Renderer.FORMAT_HELP)
  private String format;

  /** The renderer for the chosen format. */
  public Renderer renderer() {
    return Renderer.forFormat(format);
  }
}
