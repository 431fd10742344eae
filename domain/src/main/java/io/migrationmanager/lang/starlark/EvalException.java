package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Position;
import java.util.List;

/**
 * A dynamic error travelling up through the interpreter. The first node that sees it records where it
 * happened and the call stack at that moment ({@link #locate}); the outermost entry point turns it into a
 * {@link StarlarkException}. No Java stack trace is captured: these are ordinary, expected failures.
 */
final class EvalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private transient Position pos;
  private transient List<StarlarkException.CallFrame> stack;
  private String builtin;
  private final boolean cancelled;

  EvalException(String message) {
    this(message, false, null);
  }

  EvalException(String message, boolean cancelled, Throwable cause) {
    super(message, cause, false, false);
    this.cancelled = cancelled;
  }

  boolean located() {
    return stack != null;
  }

  boolean cancelled() {
    return cancelled;
  }

  /**
   * Records the position and the current call stack unless already done. {@code builtin}, if not null, names
   * the builtin whose call raised the error.
   */
  EvalException locate(Position at, StarlarkThread th, String builtin) {
    if (stack == null) {
      this.pos = at;
      this.builtin = builtin;
      this.stack = th == null ? List.of() : th.snapshot(at);
    }
    return this;
  }

  StarlarkException toStarlarkException() {
    return new StarlarkException(
        cancelled ? StarlarkException.Kind.CANCELLED : StarlarkException.Kind.RUNTIME,
        getMessage(),
        pos,
        stack == null ? List.of() : stack,
        builtin,
        getCause());
  }
}
