package io.migrationmanager.lang.starlark;

/** Calling any callable value. */
final class Calls {
  private Calls() {}

  static Object call(StarlarkThread th, Object fn, Object[] pos, String[] names, Object[] values) {
    if (fn instanceof StarlarkFunction) {
      return ((StarlarkFunction) fn).invoke(th, pos, names, values);
    }
    if (fn instanceof Builtin) {
      return callBuiltin(th, (Builtin) fn, new Arguments(pos, names, values));
    }
    throw new EvalException("invalid call of non-function (" + Ops.type(fn) + ")");
  }

  static Object call(StarlarkThread th, Object fn, Object... pos) {
    return call(th, fn, pos, Arguments.NO_NAMES, Arguments.NO_VALUES);
  }

  /**
   * Runs a builtin in its own frame. Exceptions other than Starlark errors become Starlark errors with the
   * exception's message, so that host builtins may simply throw.
   */
  static Object callBuiltin(StarlarkThread th, Builtin b, Arguments args) {
    th.step();
    th.push(new Frame(th, b));
    try {
      return b.invoke(th, args);
    } catch (EvalException | StarlarkException e) {
      throw e;
    } catch (RuntimeException e) {
      String msg = e.getMessage();
      if (!(e instanceof io.migrationmanager.domain.error.DomainException
          || e instanceof IllegalArgumentException
          || e instanceof IllegalStateException)
          || msg == null) {
        msg = "internal error: " + e;
      }
      throw new EvalException(msg, false, e);
    } finally {
      th.pop();
    }
  }
}
