package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Position;
import io.migrationmanager.lang.starlark.syntax.TokenKind;
import java.util.Arrays;

/**
 * A compiled expression: a node of the tree the interpreter walks. Variables are already resolved to frame
 * slots, cells, free variables, globals or constants. Nodes that can fail catch the error and record their
 * own position (see {@link EvalException#locate}).
 */
abstract class Eval {
  final Position pos;

  Eval(Position pos) {
    this.pos = pos;
  }

  abstract Object eval(Frame f);

  /** The constant value of this node, or null if it is not a constant. */
  Object constant() {
    return null;
  }

  static EvalException unbound(String kind, String name) {
    return new EvalException(kind + " variable " + name + " referenced before assignment");
  }

  /** A literal or folded constant. */
  static final class Const extends Eval {
    final Object value;

    Const(Position pos, Object value) {
      super(pos);
      this.value = value;
    }

    @Override
    Object eval(Frame f) {
      return value;
    }

    @Override
    Object constant() {
      return value;
    }
  }

  /** A plain local variable. */
  static final class Local extends Eval {
    final int slot;
    final String name;

    Local(Position pos, int slot, String name) {
      super(pos);
      this.slot = slot;
      this.name = name;
    }

    @Override
    Object eval(Frame f) {
      Object v = f.locals[slot];
      if (v == null) {
        throw unbound("local", name).locate(pos, f.thread, null);
      }
      return v;
    }
  }

  /** A local variable captured by a nested function. */
  static final class CellLocal extends Eval {
    final int slot;
    final String name;

    CellLocal(Position pos, int slot, String name) {
      super(pos);
      this.slot = slot;
      this.name = name;
    }

    @Override
    Object eval(Frame f) {
      Object v = ((Cell) f.locals[slot]).value;
      if (v == null) {
        throw unbound("local", name).locate(pos, f.thread, null);
      }
      return v;
    }
  }

  /** A variable of an enclosing function. */
  static final class Free extends Eval {
    final int index;
    final String name;

    Free(Position pos, int index, String name) {
      super(pos);
      this.index = index;
      this.name = name;
    }

    @Override
    Object eval(Frame f) {
      Object v = f.freevars[index].value;
      if (v == null) {
        throw unbound("local", name).locate(pos, f.thread, null);
      }
      return v;
    }
  }

  /** A module global. */
  static final class Global extends Eval {
    final int index;
    final String name;

    Global(Position pos, int index, String name) {
      super(pos);
      this.index = index;
      this.name = name;
    }

    @Override
    Object eval(Frame f) {
      Object v = f.module.globals[index];
      if (v == null) {
        throw unbound("global", name).locate(pos, f.thread, null);
      }
      return v;
    }
  }

  /** A name predeclared by the host application. */
  static final class Predeclared extends Eval {
    final int index;
    final String name;

    Predeclared(Position pos, int index, String name) {
      super(pos);
      this.index = index;
      this.name = name;
    }

    @Override
    Object eval(Frame f) {
      Object v = f.module.predeclared[index];
      if (v == null) {
        throw new EvalException(name + " is declared but not available at run time")
            .locate(pos, f.thread, null);
      }
      return v;
    }
  }

  static Object[] evalAll(Eval[] exprs, Frame f) {
    Object[] out = new Object[exprs.length];
    for (int i = 0; i < exprs.length; i++) {
      out[i] = exprs[i].eval(f);
    }
    return out;
  }

  /** {@code [a, b, ...]}. */
  static final class ListLit extends Eval {
    final Eval[] elems;

    ListLit(Position pos, Eval[] elems) {
      super(pos);
      this.elems = elems;
    }

    @Override
    Object eval(Frame f) {
      return StarlarkList.wrap(evalAll(elems, f));
    }
  }

  /** {@code (a, b, ...)}. */
  static final class TupleLit extends Eval {
    final Eval[] elems;

    TupleLit(Position pos, Eval[] elems) {
      super(pos);
      this.elems = elems;
    }

    @Override
    Object eval(Frame f) {
      return StarlarkTuple.wrap(evalAll(elems, f));
    }
  }

  /** {@code {k: v, ...}}; duplicate keys are an error. */
  static final class DictLit extends Eval {
    final Eval[] keys;
    final Eval[] values;

    DictLit(Position pos, Eval[] keys, Eval[] values) {
      super(pos);
      this.keys = keys;
      this.values = values;
    }

    @Override
    Object eval(Frame f) {
      StarlarkDict d = new StarlarkDict();
      for (int i = 0; i < keys.length; i++) {
        Object k = keys[i].eval(f);
        Object v = values[i].eval(f);
        try {
          if (!d.table.put(f.thread, k, v)) {
            throw new EvalException("duplicate key: " + Starlark.repr(f.thread, k));
          }
        } catch (EvalException e) {
          throw e.locate(keys[i].pos, f.thread, null);
        }
      }
      return d;
    }
  }

  /** One {@code for} or {@code if} clause of a comprehension. */
  static final class Clause {
    /** The loop target of a {@code for} clause, else null. */
    final Exec.Target target;

    /** The iterable of a {@code for} clause or the condition of an {@code if} clause. */
    final Eval expr;

    Clause(Exec.Target target, Eval expr) {
      this.target = target;
      this.expr = expr;
    }
  }

  /** A list or dict comprehension; its variables live in the current frame. */
  static final class Comprehension extends Eval {
    final Clause[] clauses;

    /** For a dict comprehension the key, else null. */
    final Eval key;

    final Eval body;

    Comprehension(Position pos, Clause[] clauses, Eval key, Eval body) {
      super(pos);
      this.clauses = clauses;
      this.key = key;
      this.body = body;
    }

    @Override
    Object eval(Frame f) {
      StarlarkValue result = key == null ? new StarlarkList() : new StarlarkDict();
      run(f, 0, result);
      return result;
    }

    private void run(Frame f, int i, StarlarkValue result) {
      StarlarkThread th = f.thread;
      if (i == clauses.length) {
        if (key == null) {
          Object v = body.eval(f);
          try {
            ((StarlarkList) result).append(th, v);
          } catch (EvalException e) {
            throw e.locate(body.pos, th, null);
          }
        } else {
          Object k = key.eval(f);
          Object v = body.eval(f);
          try {
            ((StarlarkDict) result).put(th, k, v);
          } catch (EvalException e) {
            throw e.locate(key.pos, th, null);
          }
        }
        return;
      }
      Clause c = clauses[i];
      if (c.target == null) {
        if (Ops.truth(c.expr.eval(f))) {
          run(f, i + 1, result);
        }
        return;
      }
      Object seq = c.expr.eval(f);
      Iter it;
      try {
        it = Ops.iterate(seq);
      } catch (EvalException e) {
        throw e.locate(c.expr.pos, th, null);
      }
      try (it) {
        while (it.hasNext()) {
          th.step();
          c.target.assign(f, it.next());
          run(f, i + 1, result);
        }
      }
    }
  }

  /** {@code not x}. */
  static final class Not extends Eval {
    final Eval x;

    Not(Position pos, Eval x) {
      super(pos);
      this.x = x;
    }

    @Override
    Object eval(Frame f) {
      return !Ops.truth(x.eval(f));
    }
  }

  /** {@code -x}, {@code +x}, {@code ~x}. */
  static final class Unary extends Eval {
    final TokenKind op;
    final Eval x;

    Unary(Position pos, TokenKind op, Eval x) {
      super(pos);
      this.op = op;
      this.x = x;
    }

    @Override
    Object eval(Frame f) {
      Object v = x.eval(f);
      try {
        return Ops.unary(op, v);
      } catch (EvalException e) {
        throw e.locate(pos, f.thread, null);
      }
    }
  }

  /** {@code x and y}. */
  static final class And extends Eval {
    final Eval x;
    final Eval y;

    And(Position pos, Eval x, Eval y) {
      super(pos);
      this.x = x;
      this.y = y;
    }

    @Override
    Object eval(Frame f) {
      Object v = x.eval(f);
      return Ops.truth(v) ? y.eval(f) : v;
    }
  }

  /** {@code x or y}. */
  static final class Or extends Eval {
    final Eval x;
    final Eval y;

    Or(Position pos, Eval x, Eval y) {
      super(pos);
      this.x = x;
      this.y = y;
    }

    @Override
    Object eval(Frame f) {
      Object v = x.eval(f);
      return Ops.truth(v) ? v : y.eval(f);
    }
  }

  /** Any other binary operator. */
  static final class Binary extends Eval {
    final TokenKind op;
    final Eval x;
    final Eval y;

    Binary(Position pos, TokenKind op, Eval x, Eval y) {
      super(pos);
      this.op = op;
      this.x = x;
      this.y = y;
    }

    @Override
    Object eval(Frame f) {
      Object a = x.eval(f);
      Object b = y.eval(f);
      if (a instanceof Long && b instanceof Long) {
        long l = (Long) a;
        long r = (Long) b;
        switch (op) {
          case LT:
            return l < r;
          case LE:
            return l <= r;
          case GT:
            return l > r;
          case GE:
            return l >= r;
          case EQL:
            return l == r;
          case NEQ:
            return l != r;
          default:
            break;
        }
      }
      try {
        return Ops.binary(f.thread, op, a, b);
      } catch (EvalException e) {
        throw e.locate(pos, f.thread, null);
      }
    }
  }

  /** {@code a if cond else b}. */
  static final class Cond extends Eval {
    final Eval cond;
    final Eval then;
    final Eval otherwise;

    Cond(Position pos, Eval cond, Eval then, Eval otherwise) {
      super(pos);
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    Object eval(Frame f) {
      return Ops.truth(cond.eval(f)) ? then.eval(f) : otherwise.eval(f);
    }
  }

  /** The arguments of a call site, evaluated into arrays. */
  static final class ArgList {
    final Eval[] positional;
    final String[] names;
    final Eval[] named;
    final Eval star;
    final Eval starstar;

    ArgList(Eval[] positional, String[] names, Eval[] named, Eval star, Eval starstar) {
      this.positional = positional;
      this.names = names;
      this.named = named;
      this.star = star;
      this.starstar = starstar;
    }

    boolean simple() {
      return named.length == 0 && star == null && starstar == null;
    }

    /** Evaluates into {@code [positional[], names[], values[]]}. */
    Object[][] evaluate(Frame f) {
      Object[] pos = evalAll(positional, f);
      String[] ns = names;
      Object[] vs = evalAll(named, f);
      if (star != null) {
        Object s = star.eval(f);
        Object[] more = Ops.toArrayOrNull(f.thread, s);
        if (more == null) {
          throw new EvalException("argument after * must be iterable, not " + Ops.type(s))
              .locate(star.pos, f.thread, null);
        }
        Object[] all = Arrays.copyOf(pos, pos.length + more.length);
        System.arraycopy(more, 0, all, pos.length, more.length);
        pos = all;
      }
      if (starstar != null) {
        Object kw = starstar.eval(f);
        if (!(kw instanceof StarlarkDict)) {
          throw new EvalException("argument after ** must be a mapping, not " + Ops.type(kw))
              .locate(starstar.pos, f.thread, null);
        }
        HashTable t = ((StarlarkDict) kw).table;
        int n = t.size();
        String[] ns2 = Arrays.copyOf(ns, ns.length + n);
        Object[] vs2 = Arrays.copyOf(vs, vs.length + n);
        int k = ns.length;
        for (int e = 0; e < t.end(); e++) {
          if (!t.isLive(e)) {
            continue;
          }
          Object key = t.keyAt(e);
          if (!(key instanceof StarlarkString)) {
            throw new EvalException("keywords must be strings, not " + Ops.type(key))
                .locate(starstar.pos, f.thread, null);
          }
          ns2[k] = ((StarlarkString) key).toJavaString();
          vs2[k] = t.valueAt(e);
          k++;
        }
        ns = ns2;
        vs = vs2;
      }
      return new Object[][] {pos, ns, vs};
    }
  }

  /** {@code fn(args)}. */
  static final class Call extends Eval {
    final Eval fn;
    final ArgList args;

    Call(Position pos, Eval fn, ArgList args) {
      super(pos);
      this.fn = fn;
      this.args = args;
    }

    @Override
    Object eval(Frame f) {
      Object callee = fn.eval(f);
      Object[] pos;
      String[] names;
      Object[] values;
      if (args.simple()) {
        pos = evalAll(args.positional, f);
        names = Arguments.NO_NAMES;
        values = Arguments.NO_VALUES;
      } else {
        Object[][] a = args.evaluate(f);
        pos = a[0];
        names = (String[]) a[1];
        values = a[2];
      }
      f.pos = this.pos;
      try {
        return Calls.call(f.thread, callee, pos, names, values);
      } catch (EvalException e) {
        throw e.locate(this.pos, f.thread, callee instanceof Builtin ? ((Builtin) callee).name() : null);
      }
    }
  }

  /** {@code x.name(args)}: calls methods of core types without creating a bound method. */
  static final class MethodCall extends Eval {
    /** Where the dot is, for errors about the attribute itself. */
    final Position dot;

    final Eval receiver;
    final String name;
    final ArgList args;

    MethodCall(Position pos, Position dot, Eval receiver, String name, ArgList args) {
      super(pos);
      this.dot = dot;
      this.receiver = receiver;
      this.name = name;
      this.args = args;
    }

    @Override
    Object eval(Frame f) {
      Object recv = receiver.eval(f);
      BuiltinMethod m = coreMethod(recv, name);
      Object callee = null;
      if (m == null) {
        try {
          callee = Ops.getAttr(recv, name);
        } catch (EvalException e) {
          throw e.locate(dot, f.thread, null);
        }
      }
      Object[] pos;
      String[] names;
      Object[] values;
      if (args.simple()) {
        pos = evalAll(args.positional, f);
        names = Arguments.NO_NAMES;
        values = Arguments.NO_VALUES;
      } else {
        Object[][] a = args.evaluate(f);
        pos = a[0];
        names = (String[]) a[1];
        values = a[2];
      }
      StarlarkThread th = f.thread;
      f.pos = this.pos;
      if (m != null) {
        th.step();
        try {
          Object r = m.call(th, recv, new Arguments(pos, names, values));
          return r == null ? NoneType.NONE : r;
        } catch (EvalException e) {
          throw e.locate(this.pos, th, name);
        }
      }
      try {
        return Calls.call(th, callee, pos, names, values);
      } catch (EvalException e) {
        throw e.locate(this.pos, th, callee instanceof Builtin ? ((Builtin) callee).name() : null);
      }
    }

    private static BuiltinMethod coreMethod(Object recv, String name) {
      if (recv instanceof StarlarkString) {
        return StringMethods.STRING.get(name);
      }
      if (recv instanceof StarlarkList) {
        return CollectionMethods.LIST.get(name);
      }
      if (recv instanceof StarlarkDict) {
        return CollectionMethods.DICT.get(name);
      }
      if (recv instanceof StarlarkSet) {
        return CollectionMethods.SET.get(name);
      }
      if (recv instanceof StarlarkBytes) {
        return CollectionMethods.BYTES.get(name);
      }
      return null;
    }
  }

  /** {@code x.name}. */
  static final class Dot extends Eval {
    final Eval x;
    final String name;

    Dot(Position pos, Eval x, String name) {
      super(pos);
      this.x = x;
      this.name = name;
    }

    @Override
    Object eval(Frame f) {
      Object v = x.eval(f);
      try {
        return Ops.getAttr(v, name);
      } catch (EvalException e) {
        throw e.locate(pos, f.thread, null);
      }
    }
  }

  /** {@code x[i]}. */
  static final class Index extends Eval {
    final Eval x;
    final Eval index;

    Index(Position pos, Eval x, Eval index) {
      super(pos);
      this.x = x;
      this.index = index;
    }

    @Override
    Object eval(Frame f) {
      Object v = x.eval(f);
      Object i = index.eval(f);
      try {
        return Ops.index(f.thread, v, i);
      } catch (EvalException e) {
        throw e.locate(pos, f.thread, null);
      }
    }
  }

  /** {@code x[lo:hi:step]}. */
  static final class Slice extends Eval {
    final Eval x;
    final Eval lo;
    final Eval hi;
    final Eval step;

    Slice(Position pos, Eval x, Eval lo, Eval hi, Eval step) {
      super(pos);
      this.x = x;
      this.lo = lo;
      this.hi = hi;
      this.step = step;
    }

    @Override
    Object eval(Frame f) {
      Object v = x.eval(f);
      Object a = lo == null ? null : lo.eval(f);
      Object b = hi == null ? null : hi.eval(f);
      Object s = step == null ? null : step.eval(f);
      try {
        return Ops.slice(f.thread, v, a, b, s);
      } catch (EvalException e) {
        throw e.locate(pos, f.thread, null);
      }
    }
  }

  /** Creates a function value ({@code def} or {@code lambda}): evaluates defaults, captures cells. */
  static final class MakeFunction extends Eval {
    final FunctionCode code;

    /** One per named parameter; null for a parameter without default. */
    final Eval[] defaults;

    MakeFunction(Position pos, FunctionCode code, Eval[] defaults) {
      super(pos);
      this.code = code;
      this.defaults = defaults;
    }

    @Override
    Object eval(Frame f) {
      Object[] d = new Object[defaults.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = defaults[i] == null ? StarlarkFunction.MANDATORY : defaults[i].eval(f);
      }
      int[] captures = code.captures;
      Cell[] cells = new Cell[captures.length];
      for (int i = 0; i < captures.length; i++) {
        int c = captures[i];
        cells[i] = c >= 0 ? (Cell) f.locals[c] : f.freevars[-1 - c];
      }
      return new StarlarkFunction(code, f.module, d, cells);
    }
  }
}
