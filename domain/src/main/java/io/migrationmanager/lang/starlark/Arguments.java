package io.migrationmanager.lang.starlark;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The arguments of a call of a builtin: positional values, then named ones in call order. */
public final class Arguments {
  static final String[] NO_NAMES = new String[0];
  static final Object[] NO_VALUES = new Object[0];

  private final Object[] positional;
  private final String[] names;
  private final Object[] values;

  Arguments(Object[] positional, String[] names, Object[] values) {
    this.positional = positional;
    this.names = names;
    this.values = values;
  }

  static Arguments positional(Object... args) {
    return new Arguments(args, NO_NAMES, NO_VALUES);
  }

  /** The positional arguments (Starlark values). */
  public List<Object> positional() {
    return Collections.unmodifiableList(Arrays.asList(positional));
  }

  /** The named arguments in call order (Starlark values). */
  public Map<String, Object> named() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], values[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** The number of positional arguments. */
  public int size() {
    return positional.length;
  }

  /** Positional argument {@code i}. */
  public Object get(int i) {
    return positional[i];
  }

  public boolean hasNamed() {
    return names.length > 0;
  }

  int namedCount() {
    return names.length;
  }

  String name(int i) {
    return names[i];
  }

  Object namedValue(int i) {
    return values[i];
  }

  /**
   * Binds the arguments to parameters the way go.starlark.net's {@code UnpackArgs} does: positional
   * arguments fill parameters in order, named ones by name. A parameter spelled {@code "x?"} is optional.
   * Returns one value per parameter, null for an absent optional one.
   *
   * @throws RuntimeException a Starlark error such as {@code set_pool: missing argument for pool_name}
   */
  public Object[] unpack(String fn, String... params) {
    Object[] out = new Object[params.length];
    int required = 0;
    for (String p : params) {
      if (!p.endsWith("?")) {
        required++;
      }
    }
    if (positional.length > params.length) {
      throw new EvalException(
          fn + ": got " + positional.length + " arguments, want "
              + (required == params.length ? "" : "at most ") + params.length);
    }
    System.arraycopy(positional, 0, out, 0, positional.length);
    for (int i = 0; i < names.length; i++) {
      int j = indexOf(params, names[i]);
      if (j < 0) {
        throw new EvalException(fn + ": unexpected keyword argument \"" + names[i] + "\"");
      }
      if (out[j] != null) {
        throw new EvalException(fn + ": got multiple values for parameter \"" + names[i] + "\"");
      }
      out[j] = values[i];
    }
    for (int j = 0; j < params.length; j++) {
      if (out[j] == null && !params[j].endsWith("?")) {
        throw new EvalException(fn + ": missing argument for " + params[j]);
      }
    }
    return out;
  }

  private static int indexOf(String[] params, String name) {
    for (int j = 0; j < params.length; j++) {
      String p = params[j];
      int len = p.endsWith("?") ? p.length() - 1 : p.length();
      if (len == name.length() && p.startsWith(name)) {
        return j;
      }
    }
    return -1;
  }

  /** Checks there are no named arguments and between {@code min} and {@code max} positional ones. */
  Object[] positionalOnly(String fn, int min, int max) {
    if (names.length > 0) {
      throw new EvalException(fn + ": unexpected keyword arguments");
    }
    int n = positional.length;
    if (n < min || n > max) {
      String want;
      if (min == max) {
        want = Integer.toString(min);
      } else if (n < min) {
        want = "at least " + min;
      } else {
        want = "at most " + max;
      }
      throw new EvalException(fn + ": got " + n + " arguments, want " + want);
    }
    return positional;
  }

  /**
   * Converts an argument to a Java string, failing with {@code fn: for parameter param: got int, want
   * string} otherwise.
   */
  public static String string(String fn, String param, Object value) {
    if (value instanceof StarlarkString) {
      return ((StarlarkString) value).toJavaString();
    }
    throw new EvalException(
        fn + ": for parameter " + param + ": got " + Ops.type(value) + ", want string");
  }
}
