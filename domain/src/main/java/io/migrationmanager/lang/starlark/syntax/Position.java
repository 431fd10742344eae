package io.migrationmanager.lang.starlark.syntax;

/**
 * A place in a Starlark source file: the file name, a 1-based line and a 1-based column (counted in Unicode
 * code points, tabs count as one column).
 */
public record Position(String file, int line, int col) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + col;
  }
}
