package io.migrationmanager.lang.starlark;

import java.util.List;
import java.util.Map;

/**
 * A compiled Starlark file. It is immutable and may be executed any number of times, concurrently, each
 * execution producing a new {@link StarlarkModule}.
 */
public final class StarlarkProgram {
  private final String fileName;
  private final FunctionCode toplevel;
  final String[] globalNames;
  private final String[] predeclaredNames;
  private final StarlarkOptions options;

  StarlarkProgram(
      String fileName,
      FunctionCode toplevel,
      String[] globalNames,
      String[] predeclaredNames,
      StarlarkOptions options) {
    this.fileName = fileName;
    this.toplevel = toplevel;
    this.globalNames = globalNames;
    this.predeclaredNames = predeclaredNames;
    this.options = options;
  }

  public String fileName() {
    return fileName;
  }

  public StarlarkOptions options() {
    return options;
  }

  /** The names of the file's global variables, in order of first binding. */
  public List<String> globalNames() {
    return List.of(globalNames);
  }

  /** The predeclared names the file actually refers to. */
  public List<String> referencedPredeclared() {
    return List.of(predeclaredNames);
  }

  /**
   * Runs the file's top-level statements and freezes its globals.
   *
   * @param predeclared values for predeclared names: Starlark values, {@link BuiltinFunction}s (named after
   *     their key) or Java values {@link Starlark#fromJava} accepts. A name declared at compile time but
   *     missing here fails only when the script uses it.
   * @throws StarlarkException if execution fails
   */
  public StarlarkModule execute(StarlarkThread thread, Map<String, ?> predeclared) {
    Object[] values = new Object[predeclaredNames.length];
    for (int i = 0; i < values.length; i++) {
      String name = predeclaredNames[i];
      if (predeclared.containsKey(name)) {
        Object v = predeclared.get(name);
        v = v instanceof BuiltinFunction ? new Builtin(name, (BuiltinFunction) v) : Starlark.fromJava(v);
        Freezer.freeze(v);
        values[i] = v;
      }
    }
    StarlarkModule module = new StarlarkModule(this, values);
    thread.run(
        () -> {
          Object[] locals = new Object[toplevel.numLocals];
          for (int s : toplevel.cellSlots) {
            locals[s] = new Cell(null);
          }
          Frame f = new Frame(thread, toplevel, module, locals, new Cell[0]);
          thread.push(f);
          try {
            Exec.run(toplevel.body, f);
          } finally {
            thread.pop();
          }
          return null;
        });
    module.freeze();
    return module;
  }
}
