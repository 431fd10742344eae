package io.migrationmanager.lang.expr;

import io.migrationmanager.domain.error.ValidationException;

/**
 * A filter expression could not be compiled or evaluated.
 *
 * <p>The message follows expr-lang's format: the plain message, then the 1-based line and column
 * and a snippet of the offending line with a caret under the position, for example
 *
 * <pre>
 * unexpected token EOF (1:6)
 *  | a == (
 *  | .....^
 * </pre>
 *
 * <p>When the position falls on an empty line (or the source is empty) only the plain message is
 * shown, as expr-lang does.
 */
public final class ExprException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final String plainMessage;
  private final int line;
  private final int column;
  private final String snippet;

  private ExprException(
      String formatted, String plainMessage, int line, int column, String snippet) {
    this(formatted, plainMessage, line, column, snippet, null);
  }

  private ExprException(
      String formatted,
      String plainMessage,
      int line,
      int column,
      String snippet,
      Throwable cause) {
    super(formatted, cause);
    this.plainMessage = plainMessage;
    this.line = line;
    this.column = column;
    this.snippet = snippet;
  }

  /** An error without a source position (for example a result of the wrong type). */
  static ExprException withoutPosition(String message) {
    return new ExprException(message, message, 0, 0, "");
  }

  /**
   * A failure that is not the expression's fault (a bug, or an exception thrown by a field reader).
   */
  static ExprException internal(RuntimeException cause) {
    String message = "internal error: " + cause;
    return new ExprException(message, message, 0, 0, "", cause);
  }

  /**
   * An error at a position of the source.
   *
   * @param source the expression source
   * @param runeOffset the position as an index of Unicode code points into {@code source}
   * @param message the plain message
   */
  static ExprException at(String source, int runeOffset, String message) {
    int line = 1;
    int column = 0;
    int lineStart = 0;
    int runes = 0;
    int i = 0;
    while (i < source.length() && runes != runeOffset) {
      int cp = source.codePointAt(i);
      int width = Character.charCount(cp);
      if (cp == '\n') {
        lineStart = i + width;
        line++;
        column = 0;
      } else {
        column++;
      }
      runes++;
      i += width;
    }
    int lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) {
      lineEnd = source.length();
    }
    if (lineStart == lineEnd) {
      return new ExprException(message, message, line, column + 1, "");
    }
    String text = source.substring(lineStart, lineEnd).replace('\t', ' ');
    String snippet = "\n | " + text + "\n | " + ".".repeat(column) + "^";
    String formatted = message + " (" + line + ":" + (column + 1) + ")" + snippet;
    return new ExprException(formatted, message, line, column + 1, snippet);
  }

  /** The message without position and snippet. */
  public String plainMessage() {
    return plainMessage;
  }

  /** The 1-based line of the error, or 0 when the error has no position. */
  public int line() {
    return line;
  }

  /**
   * The 1-based column (in Unicode code points) of the error, or 0 when the error has no position.
   */
  public int column() {
    return column;
  }

  /** The source line with a caret under the error position, or empty. */
  public String snippet() {
    return snippet;
  }
}
