package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Position;
import io.migrationmanager.lang.starlark.syntax.Spelling;
import java.util.Arrays;
import java.util.List;

/** A function defined by a {@code def} statement or a {@code lambda} expression. */
public final class StarlarkFunction extends StarlarkValue {
  /** Marks a parameter without default in {@link #defaults}. */
  static final Object MANDATORY = new Object();

  final FunctionCode code;
  final StarlarkModule module;

  /** One entry per named parameter: its default value or {@link #MANDATORY}. */
  final Object[] defaults;

  final Cell[] freevars;

  StarlarkFunction(FunctionCode code, StarlarkModule module, Object[] defaults, Cell[] freevars) {
    this.code = code;
    this.module = module;
    this.defaults = defaults;
    this.freevars = freevars;
  }

  /** The name from the {@code def} statement, or {@code lambda}. */
  public String name() {
    return code.name;
  }

  /** Where the function is defined. */
  public Position position() {
    return code.pos;
  }

  /** The names of the named parameters in order (ordinary ones, then keyword-only ones). */
  public List<String> parameterNames() {
    return List.of(code.paramNames);
  }

  /** Number of parameters that may be passed by position. */
  public int positionalParameterCount() {
    return code.numNamed - code.numKwonly;
  }

  public boolean hasVarargs() {
    return code.hasVarargs;
  }

  public boolean hasKwargs() {
    return code.hasKwargs;
  }

  @Override
  public String type() {
    return "function";
  }

  @Override
  void repr(Printer p) {
    p.append("<function ").append(code.name).append('>');
  }

  @Override
  boolean isHashable() {
    return true;
  }

  @Override
  int hash(StarlarkThread th) {
    return System.identityHashCode(this);
  }

  @Override
  void freeze(Freezer f) {
    for (Object d : defaults) {
      if (d != MANDATORY) {
        f.add(d);
      }
    }
    for (Cell c : freevars) {
      f.add(c.value);
    }
  }

  /** Binds the arguments, runs the body in a new frame and returns the result. */
  Object invoke(StarlarkThread th, Object[] pos, String[] names, Object[] values) {
    th.step();
    FunctionCode c = code;
    if (!c.recursionAllowed) {
      for (int i = th.depth() - 1; i >= 0; i--) {
        if (th.frame(i).code == c) {
          throw new EvalException("function " + c.name + " called recursively");
        }
      }
    }
    Object[] locals = bind(th, pos, names, values);
    Frame fr = new Frame(th, c, module, locals, freevars);
    th.push(fr);
    try {
      Exec.run(c.body, fr);
      Object r = fr.result;
      return r == null ? NoneType.NONE : r;
    } finally {
      th.pop();
    }
  }

  private Object[] bind(StarlarkThread th, Object[] pos, String[] names, Object[] values) {
    FunctionCode c = code;
    Object[] locals = new Object[c.numLocals];
    int nNamed = c.numNamed;
    int nPositional = nNamed - c.numKwonly;
    int n = pos.length;
    if (n > nPositional && !c.hasVarargs) {
      boolean allRequired = true;
      for (int i = 0; i < nPositional; i++) {
        if (defaults[i] != MANDATORY) {
          allRequired = false;
        }
      }
      throw new EvalException(
          "function " + c.name + " accepts " + (allRequired ? "" : "at most ") + nPositional
              + " positional argument" + (nPositional == 1 ? "" : "s") + " (" + n + " given)");
    }
    int k = Math.min(n, nPositional);
    System.arraycopy(pos, 0, locals, 0, k);
    int slot = nNamed;
    if (c.hasVarargs) {
      Object[] extra = n > k ? Arrays.copyOfRange(pos, k, n) : Arguments.NO_VALUES;
      locals[slot++] = StarlarkTuple.wrap(extra);
    }
    StarlarkDict kwargs = null;
    if (c.hasKwargs) {
      kwargs = new StarlarkDict();
      locals[slot] = kwargs;
    }
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      int j = indexOfParam(name);
      if (j >= 0) {
        if (locals[j] != null) {
          throw new EvalException(
              "function " + c.name + " got multiple values for parameter \"" + name + "\"");
        }
        locals[j] = values[i];
      } else if (kwargs != null) {
        StarlarkString key = StarlarkString.of(name);
        if (kwargs.containsKey(th, key)) {
          throw new EvalException(
              "function " + c.name + " got multiple values for parameter \"" + name + "\"");
        }
        kwargs.put(th, key, values[i]);
      } else {
        String hint = Spelling.nearest(name, List.of(c.paramNames));
        throw new EvalException(
            "function " + c.name + " got an unexpected keyword argument \"" + name + "\""
                + (hint == null ? "" : " (did you mean " + hint + "?)"));
      }
    }
    StringBuilder missing = null;
    int nMissing = 0;
    for (int i = 0; i < nNamed; i++) {
      if (locals[i] == null) {
        Object d = defaults[i];
        if (d != MANDATORY) {
          locals[i] = d;
        } else {
          missing = missing == null ? new StringBuilder() : missing.append(", ");
          missing.append(c.paramNames[i]);
          nMissing++;
        }
      }
    }
    if (missing != null) {
      throw new EvalException(
          "function " + c.name + " missing " + nMissing + " argument" + (nMissing == 1 ? "" : "s") + " ("
              + missing + ")");
    }
    for (int s : c.cellSlots) {
      locals[s] = new Cell(locals[s]);
    }
    return locals;
  }

  private int indexOfParam(String name) {
    String[] params = code.paramNames;
    for (int j = 0; j < params.length; j++) {
      if (params[j].equals(name)) {
        return j;
      }
    }
    return -1;
  }
}
