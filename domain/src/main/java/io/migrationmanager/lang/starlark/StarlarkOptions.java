package io.migrationmanager.lang.starlark;

/**
 * Dialect switches of the language, fixed when a file is compiled. The defaults follow the specification:
 * {@code set} is available; {@code while} loops, top-level {@code if}/{@code for}, rebinding of globals and
 * recursion are not (go.starlark.net offers the same switches).
 *
 * @param set the {@code set} builtin is available
 * @param whileLoops {@code while} statements are allowed
 * @param topLevelControl {@code if}, {@code for} and {@code while} are allowed outside functions
 * @param globalReassign a global may be bound more than once
 * @param recursion functions may call themselves (the call depth limit still applies)
 */
public record StarlarkOptions(
    boolean set, boolean whileLoops, boolean topLevelControl, boolean globalReassign, boolean recursion) {

  /** The dialect of the specification. */
  public static final StarlarkOptions DEFAULT = new StarlarkOptions(true, false, false, false, false);

  /** Everything allowed. */
  public static final StarlarkOptions ALL = new StarlarkOptions(true, true, true, true, true);

  public StarlarkOptions withSet(boolean v) {
    return new StarlarkOptions(v, whileLoops, topLevelControl, globalReassign, recursion);
  }

  public StarlarkOptions withWhileLoops(boolean v) {
    return new StarlarkOptions(set, v, topLevelControl, globalReassign, recursion);
  }

  public StarlarkOptions withTopLevelControl(boolean v) {
    return new StarlarkOptions(set, whileLoops, v, globalReassign, recursion);
  }

  public StarlarkOptions withGlobalReassign(boolean v) {
    return new StarlarkOptions(set, whileLoops, topLevelControl, v, recursion);
  }

  public StarlarkOptions withRecursion(boolean v) {
    return new StarlarkOptions(set, whileLoops, topLevelControl, globalReassign, v);
  }
}
