package io.migrationmanager.lang.expr;

/**
 * A run-time failure inside the evaluator (expr-lang's panics). The innermost compiled node that
 * sees it records its source position; {@link Program} turns it into an {@link ExprException}.
 */
final class EvalError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  int pos = -1;

  EvalError(String message) {
    super(message, null, false, false);
  }

  /** Records the position if no inner node did. */
  EvalError at(int position) {
    if (pos < 0) {
      pos = position;
    }
    return this;
  }
}
