package io.migrationmanager.lang.starlark;

/** A variable captured by a nested function; shared by the defining frame and the closures. */
final class Cell {
  Object value;

  Cell(Object value) {
    this.value = value;
  }
}
