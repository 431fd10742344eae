package io.migrationmanager.lang.starlark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of executing a program: its global variables, frozen. Functions found here may be called from
 * any thread with {@link StarlarkThread#call}.
 */
public final class StarlarkModule {
  final StarlarkProgram program;
  final Object[] globals;
  final Object[] predeclared;

  StarlarkModule(StarlarkProgram program, Object[] predeclared) {
    this.program = program;
    this.globals = new Object[program.globalNames.length];
    this.predeclared = predeclared;
  }

  public StarlarkProgram program() {
    return program;
  }

  /** The bound globals in order of first binding in the file. */
  public Map<String, Object> globals() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < globals.length; i++) {
      if (globals[i] != null) {
        m.put(program.globalNames[i], globals[i]);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /** The value of a global, or null if the file does not bind it. */
  public Object get(String name) {
    for (int i = 0; i < globals.length; i++) {
      if (program.globalNames[i].equals(name)) {
        return globals[i];
      }
    }
    return null;
  }

  /** The function bound to a global, or null if the global is absent or not a Starlark function. */
  public StarlarkFunction function(String name) {
    Object v = get(name);
    return v instanceof StarlarkFunction ? (StarlarkFunction) v : null;
  }

  void freeze() {
    for (Object g : globals) {
      Freezer.freeze(g);
    }
  }
}
