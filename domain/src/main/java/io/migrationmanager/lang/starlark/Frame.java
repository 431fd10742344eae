package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Position;

/** One activation on a thread's call stack: a Starlark function (or module top level) or a builtin. */
final class Frame {
  final StarlarkThread thread;

  /** The compiled code being run, or null for a builtin frame. */
  final FunctionCode code;

  /** The builtin being run, or null for a Starlark frame. */
  final Builtin builtin;

  final StarlarkModule module;
  final Object[] locals;
  final Cell[] freevars;

  /** Position of the call this frame is currently making (for tracebacks). */
  Position pos;

  /** The value of the {@code return} statement that ended the frame. */
  Object result;

  Frame(StarlarkThread thread, FunctionCode code, StarlarkModule module, Object[] locals, Cell[] freevars) {
    this.thread = thread;
    this.code = code;
    this.builtin = null;
    this.module = module;
    this.locals = locals;
    this.freevars = freevars;
  }

  Frame(StarlarkThread thread, Builtin builtin) {
    this.thread = thread;
    this.code = null;
    this.builtin = builtin;
    this.module = null;
    this.locals = null;
    this.freevars = null;
  }
}
