package io.migrationmanager.lang.starlark;

import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.lang.starlark.syntax.Position;
import java.util.List;

/**
 * Every failure of Starlark compilation or execution: a syntax or resolution error, a dynamic error
 * (including {@code fail}), or a resource limit (steps, deadline, cancellation).
 *
 * <p>{@link #getMessage()} is {@code file:line:col: message}; {@link #backtrace()} adds the call stack the
 * way go.starlark.net prints it:
 *
 * <pre>
 * Traceback (most recent call last):
 *   placement.star:7:10: in &lt;toplevel&gt;
 *   placement.star:3:9: in placement
 * Error in set_target: Target name is empty
 * </pre>
 */
public final class StarlarkException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The source could not be scanned, parsed or resolved. */
    SYNTAX,
    /** A dynamic error while running, including {@code fail} and errors raised by host builtins. */
    RUNTIME,
    /** The step budget or the deadline ran out, or the host cancelled the thread. */
    CANCELLED
  }

  /**
   * One active call at the time of the error, outermost first.
   *
   * @param function the function name ({@code <toplevel>} for module code, the name of a builtin otherwise)
   * @param position where that call was executing, or null for a builtin
   */
  public record CallFrame(String function, Position position) {
    @Override
    public String toString() {
      return (position == null ? "<builtin>" : position.toString()) + ": in " + function;
    }
  }

  private final Kind kind;
  private final String errorMessage;
  private final transient Position position;
  private final transient List<CallFrame> callStack;
  private final String builtin;

  StarlarkException(
      Kind kind,
      String errorMessage,
      Position position,
      List<CallFrame> callStack,
      String builtin,
      Throwable cause) {
    super(position == null ? errorMessage : position + ": " + errorMessage, cause);
    this.kind = kind;
    this.errorMessage = errorMessage;
    this.position = position;
    this.callStack = List.copyOf(callStack);
    this.builtin = builtin;
  }

  /** A static error found while scanning, parsing or resolving source text. */
  public static StarlarkException syntaxError(Position position, String message) {
    return new StarlarkException(Kind.SYNTAX, message, position, List.of(), null, null);
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** True for syntax and resolution errors. */
  public boolean isSyntaxError() {
    return kind == Kind.SYNTAX;
  }

  /** True when the step budget or deadline ran out or the thread was cancelled. */
  public boolean isCancelled() {
    return kind == Kind.CANCELLED;
  }

  /** The message without position, for example {@code fail: oops}. */
  public String errorMessage() {
    return errorMessage;
  }

  /** Where the error happened (innermost Starlark position), or null if unknown. */
  public Position position() {
    return position;
  }

  /** The active calls at the time of the error, outermost first; empty for syntax errors. */
  public List<CallFrame> callStack() {
    return callStack;
  }

  /** The builtin that raised the error, or null if it was raised by Starlark code itself. */
  public String builtin() {
    return builtin;
  }

  /** The traceback in go.starlark.net's format; for syntax errors just the message. */
  public String backtrace() {
    if (kind == Kind.SYNTAX || callStack.isEmpty()) {
      return getMessage();
    }
    StringBuilder sb = new StringBuilder("Traceback (most recent call last):\n");
    for (CallFrame f : callStack) {
      sb.append("  ").append(f).append('\n');
    }
    sb.append(builtin == null ? "Error: " : "Error in " + builtin + ": ").append(errorMessage);
    return sb.toString();
  }
}
