package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Position;
import io.migrationmanager.lang.starlark.syntax.TokenKind;

/**
 * A compiled statement. {@link #exec} returns how control leaves it: normally, or by {@code break},
 * {@code continue} or {@code return} (whose value is left in {@link Frame#result}).
 */
abstract class Exec {
  static final int NORMAL = 0;
  static final int BREAK = 1;
  static final int CONTINUE = 2;
  static final int RETURN = 3;

  final Position pos;

  Exec(Position pos) {
    this.pos = pos;
  }

  abstract int exec(Frame f);

  /** Runs a block, one step per statement. */
  static int run(Exec[] block, Frame f) {
    StarlarkThread th = f.thread;
    Exec s = null;
    try {
      for (Exec stmt : block) {
        s = stmt;
        th.step();
        int r = stmt.exec(f);
        if (r != NORMAL) {
          return r;
        }
      }
      return NORMAL;
    } catch (EvalException e) {
      throw e.locate(s == null ? null : s.pos, th, null);
    }
  }

  // ---- assignment targets

  /** The left-hand side of an assignment, a loop variable or a part of either. */
  abstract static class Target {
    final Position pos;

    Target(Position pos) {
      this.pos = pos;
    }

    abstract void assign(Frame f, Object v);
  }

  static final class SetLocal extends Target {
    final int slot;

    SetLocal(Position pos, int slot) {
      super(pos);
      this.slot = slot;
    }

    @Override
    void assign(Frame f, Object v) {
      f.locals[slot] = v;
    }
  }

  static final class SetCell extends Target {
    final int slot;

    SetCell(Position pos, int slot) {
      super(pos);
      this.slot = slot;
    }

    @Override
    void assign(Frame f, Object v) {
      ((Cell) f.locals[slot]).value = v;
    }
  }

  static final class SetGlobal extends Target {
    final int index;

    SetGlobal(Position pos, int index) {
      super(pos);
      this.index = index;
    }

    @Override
    void assign(Frame f, Object v) {
      f.module.globals[index] = v;
    }
  }

  /** {@code x[i] = v}. */
  static final class SetIndex extends Target {
    final Eval x;
    final Eval index;

    SetIndex(Position pos, Eval x, Eval index) {
      super(pos);
      this.x = x;
      this.index = index;
    }

    @Override
    void assign(Frame f, Object v) {
      Object target = x.eval(f);
      Object i = index.eval(f);
      try {
        Ops.setIndex(f.thread, target, i, v);
      } catch (EvalException e) {
        throw e.locate(pos, f.thread, null);
      }
    }
  }

  /** {@code x.name = v}: no Starlark value has assignable fields, so this always fails. */
  static final class SetField extends Target {
    final Eval x;
    final String name;

    SetField(Position pos, Eval x, String name) {
      super(pos);
      this.x = x;
      this.name = name;
    }

    @Override
    void assign(Frame f, Object v) {
      Object target = x.eval(f);
      throw new EvalException("can't assign to ." + name + " field of " + Ops.type(target))
          .locate(pos, f.thread, null);
    }
  }

  /** {@code a, (b, c) = v}. */
  static final class Unpack extends Target {
    final Target[] targets;

    Unpack(Position pos, Target[] targets) {
      super(pos);
      this.targets = targets;
    }

    @Override
    void assign(Frame f, Object v) {
      Object[] elems;
      if (v instanceof StarlarkTuple) {
        elems = ((StarlarkTuple) v).elems;
      } else {
        elems = Ops.toArrayOrNull(f.thread, v);
        if (elems == null) {
          throw new EvalException("got " + Ops.type(v) + " in sequence assignment")
              .locate(pos, f.thread, null);
        }
      }
      if (elems.length != targets.length) {
        throw new EvalException(
                (elems.length > targets.length ? "too many" : "too few") + " values to unpack (got "
                    + elems.length + ", want " + targets.length + ")")
            .locate(pos, f.thread, null);
      }
      for (int i = 0; i < targets.length; i++) {
        targets[i].assign(f, elems[i]);
      }
    }
  }

  // ---- statements

  static final class ExprStmt extends Exec {
    final Eval x;

    ExprStmt(Position pos, Eval x) {
      super(pos);
      this.x = x;
    }

    @Override
    int exec(Frame f) {
      x.eval(f);
      return NORMAL;
    }
  }

  static final class Assign extends Exec {
    final Target target;
    final Eval rhs;

    Assign(Position pos, Target target, Eval rhs) {
      super(pos);
      this.target = target;
      this.rhs = rhs;
    }

    @Override
    int exec(Frame f) {
      target.assign(f, rhs.eval(f));
      return NORMAL;
    }
  }

  /**
   * {@code lhs op= rhs}. The target's sub-expressions are evaluated once. {@code +=} on a list extends it in
   * place, {@code |=} on a dict updates it in place, and {@code |= &= -= ^=} on a set modify it in place.
   */
  static final class AugAssign extends Exec {
    final TokenKind op;

    /** For a name: how to read it. */
    final Eval load;

    /** For a name: how to write it. */
    final Target store;

    /** For {@code x[i] op= v} or {@code x.f op= v}: the object expression; else null. */
    final Eval object;

    /** For {@code x[i] op= v}: the index; null for a field. */
    final Eval index;

    /** For {@code x.f op= v}: the field name. */
    final String field;

    final Eval rhs;

    AugAssign(
        Position pos,
        TokenKind op,
        Eval load,
        Target store,
        Eval object,
        Eval index,
        String field,
        Eval rhs) {
      super(pos);
      this.op = op;
      this.load = load;
      this.store = store;
      this.object = object;
      this.index = index;
      this.field = field;
      this.rhs = rhs;
    }

    @Override
    int exec(Frame f) {
      StarlarkThread th = f.thread;
      if (object == null) {
        Object old = load.eval(f);
        Object y = rhs.eval(f);
        store.assign(f, combine(th, old, y));
        return NORMAL;
      }
      Object x = object.eval(f);
      if (index == null) {
        Object old;
        try {
          old = Ops.getAttr(x, field);
        } catch (EvalException e) {
          throw e.locate(pos, th, null);
        }
        Object y = rhs.eval(f);
        combine(th, old, y);
        throw new EvalException("can't assign to ." + field + " field of " + Ops.type(x))
            .locate(pos, th, null);
      }
      Object i = index.eval(f);
      Object old;
      try {
        old = Ops.index(th, x, i);
      } catch (EvalException e) {
        throw e.locate(pos, th, null);
      }
      Object y = rhs.eval(f);
      Object v = combine(th, old, y);
      try {
        Ops.setIndex(th, x, i, v);
      } catch (EvalException e) {
        throw e.locate(pos, th, null);
      }
      return NORMAL;
    }

    private Object combine(StarlarkThread th, Object old, Object y) {
      try {
        if (op == TokenKind.PLUS && old instanceof StarlarkList) {
          StarlarkList l = (StarlarkList) old;
          l.checkMutable("apply += to");
          Object[] more = Ops.toArrayOrNull(th, y);
          if (more == null) {
            throw Ops.unknownBinary(op, old, y);
          }
          l.addAll(th, more, more.length);
          return l;
        }
        if (op == TokenKind.PIPE && old instanceof StarlarkDict && y instanceof StarlarkDict) {
          SetOps.updateDict(th, (StarlarkDict) old, (StarlarkDict) y);
          return old;
        }
        if (old instanceof StarlarkSet && y instanceof StarlarkSet && op != TokenKind.PLUS) {
          String sym = op == TokenKind.PIPE ? "|" : op == TokenKind.AMP ? "&" : op == TokenKind.MINUS ? "-"
              : op == TokenKind.CIRCUMFLEX ? "^" : null;
          if (sym != null) {
            CollectionMethods.setAugmented(th, (StarlarkSet) old, (StarlarkSet) y, sym);
            return old;
          }
        }
        return Ops.binary(th, op, old, y);
      } catch (EvalException e) {
        throw e.locate(pos, th, null);
      }
    }
  }

  static final class If extends Exec {
    final Eval[] conds;
    final Exec[][] bodies;
    final Exec[] otherwise;

    If(Position pos, Eval[] conds, Exec[][] bodies, Exec[] otherwise) {
      super(pos);
      this.conds = conds;
      this.bodies = bodies;
      this.otherwise = otherwise;
    }

    @Override
    int exec(Frame f) {
      for (int i = 0; i < conds.length; i++) {
        if (Ops.truth(conds[i].eval(f))) {
          return run(bodies[i], f);
        }
      }
      return run(otherwise, f);
    }
  }

  static final class For extends Exec {
    final Target target;
    final Eval iterable;
    final Exec[] body;

    For(Position pos, Target target, Eval iterable, Exec[] body) {
      super(pos);
      this.target = target;
      this.iterable = iterable;
      this.body = body;
    }

    @Override
    int exec(Frame f) {
      StarlarkThread th = f.thread;
      Object seq = iterable.eval(f);
      Iter it;
      try {
        it = Ops.iterate(seq);
      } catch (EvalException e) {
        throw e.locate(iterable.pos, th, null);
      }
      try (it) {
        while (it.hasNext()) {
          th.step();
          target.assign(f, it.next());
          int r = run(body, f);
          if (r == BREAK) {
            break;
          }
          if (r == RETURN) {
            return r;
          }
        }
      }
      return NORMAL;
    }
  }

  static final class While extends Exec {
    final Eval cond;
    final Exec[] body;

    While(Position pos, Eval cond, Exec[] body) {
      super(pos);
      this.cond = cond;
      this.body = body;
    }

    @Override
    int exec(Frame f) {
      StarlarkThread th = f.thread;
      while (Ops.truth(cond.eval(f))) {
        th.step();
        int r = run(body, f);
        if (r == BREAK) {
          break;
        }
        if (r == RETURN) {
          return r;
        }
      }
      return NORMAL;
    }
  }

  static final class Return extends Exec {
    final Eval result;

    Return(Position pos, Eval result) {
      super(pos);
      this.result = result;
    }

    @Override
    int exec(Frame f) {
      f.result = result == null ? NoneType.NONE : result.eval(f);
      return RETURN;
    }
  }

  /** {@code break} or {@code continue}. */
  static final class Branch extends Exec {
    final int code;

    Branch(Position pos, int code) {
      super(pos);
      this.code = code;
    }

    @Override
    int exec(Frame f) {
      return code;
    }
  }
}
