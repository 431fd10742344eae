package io.migrationmanager.lang.expr;

/**
 * A compiled node: evaluates one part of the expression against a {@link Frame}. Nodes that can
 * fail attach their source position to the {@link EvalError}, so the innermost failing operation is
 * reported, as expr-lang reports the instruction that panicked.
 */
abstract class Ev {
  /** The value of an optional chain ({@code a?.b}) that met nil; only chain nodes see it. */
  static final Object CHAIN_NIL = new Object();

  final int pos;

  Ev(int pos) {
    this.pos = pos;
  }

  abstract Object eval(Frame frame);

  final EvalError located(EvalError error) {
    return error.at(pos);
  }
}
