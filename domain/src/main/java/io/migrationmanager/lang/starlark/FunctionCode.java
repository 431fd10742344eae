package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Position;

/**
 * A compiled function body and its frame layout. Frame slots {@code 0..numNamed-1} hold the named
 * parameters (keyword-only ones last), then {@code *args}, then {@code **kwargs}, then other locals.
 */
final class FunctionCode {
  final String name;
  final Position pos;
  final String[] paramNames;
  final int numNamed;
  final int numKwonly;
  final boolean hasVarargs;
  final boolean hasKwargs;
  final int numLocals;

  /** Slots that hold a {@link Cell}. */
  final int[] cellSlots;

  /**
   * How each free variable is captured when the function value is created: {@code >= 0} is a cell slot of
   * the enclosing frame, {@code < 0} is free variable {@code -1 - v} of the enclosing function.
   */
  final int[] captures;

  final boolean recursionAllowed;

  /** Set once by the compiler after the body is compiled. */
  Exec[] body;

  FunctionCode(
      String name,
      Position pos,
      String[] paramNames,
      int numKwonly,
      boolean hasVarargs,
      boolean hasKwargs,
      int numLocals,
      int[] cellSlots,
      int[] captures,
      boolean recursionAllowed) {
    this.name = name;
    this.pos = pos;
    this.paramNames = paramNames;
    this.numNamed = paramNames.length;
    this.numKwonly = numKwonly;
    this.hasVarargs = hasVarargs;
    this.hasKwargs = hasKwargs;
    this.numLocals = numLocals;
    this.cellSlots = cellSlots;
    this.captures = captures;
    this.recursionAllowed = recursionAllowed;
  }
}
