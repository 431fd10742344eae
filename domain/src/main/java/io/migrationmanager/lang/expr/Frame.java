package io.migrationmanager.lang.expr;

import java.util.List;

/**
 * The state of one evaluation: the environment, {@code let} variables, the stack of predicate
 * scopes and the budgets that keep hostile expressions from running away.
 *
 * <p>The memory budget follows expr-lang: ranges, array and map literals, the results of {@code
 * map}, {@code filter}, {@code sortBy} and of the array builtins, and the bytes built by {@code
 * repeat} count against one million units; so do (unlike expr-lang) the arrays built by {@code
 * split}, {@code keys}, {@code values}, {@code toPairs}, {@code take} and {@code fromJSON}. In
 * addition every loop iteration and every element scanned or searched costs steps (at most {@link
 * #MAX_STEPS}), no string may grow beyond {@link #MAX_STRING_LENGTH} characters, and the strings
 * built in one run may not exceed {@link #MAX_STRING_TOTAL} characters.
 */
final class Frame {
  static final long MEMORY_BUDGET = 1_000_000;
  static final long MAX_STEPS = 10_000_000;
  static final long MAX_STRING_LENGTH = 10_000_000;
  static final long MAX_STRING_TOTAL = 20_000_000;
  static final int MAX_VALUE_DEPTH = 2_000;

  final Object env;
  final ObjectAccessor accessor;
  final Object[] variables;
  Scope scope;
  private long memory;
  private long steps;
  private long stringChars;

  /**
   * One running predicate: the collection, the current index, the accumulator and the match count.
   */
  static final class Scope {
    final List<?> items;
    final Scope parent;
    int index;
    Object acc;
    long count;

    Scope(List<?> items, Scope parent) {
      this.items = items;
      this.parent = parent;
    }

    Object item() {
      return Values.norm(items.get(index));
    }
  }

  Frame(Object env, ObjectAccessor accessor, int variableCount) {
    this.env = env;
    this.accessor = accessor;
    this.variables = new Object[variableCount];
  }

  void memGrow(long size) {
    memory += size;
    if (memory >= MEMORY_BUDGET) {
      throw new EvalError("memory budget exceeded");
    }
  }

  void step(long count) {
    steps += count;
    if (steps > MAX_STEPS) {
      throw new EvalError("evaluation exceeds the step budget of " + MAX_STEPS);
    }
  }

  /** Fails when a string being built would exceed the maximum length. */
  static void checkLength(long length) {
    if (length > MAX_STRING_LENGTH) {
      throw new EvalError("memory budget exceeded");
    }
  }

  /** Accounts for a string of the given length that is being built. */
  void chars(long length) {
    checkLength(length);
    stringChars += length;
    if (stringChars > MAX_STRING_TOTAL) {
      throw new EvalError("memory budget exceeded");
    }
    step(length / 64);
  }

  Scope begin(List<?> items) {
    scope = new Scope(items, scope);
    step(items.size());
    return scope;
  }

  void end() {
    scope = scope.parent;
  }
}
