package io.migrationmanager.lang.starlark;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** An immutable sequence of values. */
public final class StarlarkTuple extends StarlarkValue implements Indexable {
  static final StarlarkTuple EMPTY = new StarlarkTuple(Arguments.NO_VALUES);

  final Object[] elems;

  private StarlarkTuple(Object[] elems) {
    this.elems = elems;
  }

  /** A tuple that takes ownership of the array. */
  static StarlarkTuple wrap(Object[] elems) {
    return elems.length == 0 ? EMPTY : new StarlarkTuple(elems);
  }

  static StarlarkTuple of(Object... elems) {
    return wrap(elems);
  }

  /** The elements (a read-only view). */
  public List<Object> elements() {
    return Collections.unmodifiableList(Arrays.asList(elems));
  }

  public int size() {
    return elems.length;
  }

  @Override
  public String type() {
    return "tuple";
  }

  @Override
  public boolean truth() {
    return elems.length > 0;
  }

  @Override
  void repr(Printer p) {
    if (!p.enter(this)) {
      p.append("(...)");
      return;
    }
    p.charge(elems.length);
    p.append('(');
    for (int i = 0; i < elems.length; i++) {
      if (i > 0) {
        p.append(", ");
      }
      p.repr(elems[i]);
    }
    if (elems.length == 1) {
      p.append(',');
    }
    p.append(')');
    p.leave();
  }

  @Override
  void freeze(Freezer f) {
    for (Object e : elems) {
      f.add(e);
    }
  }

  @Override
  boolean isHashable() {
    return true;
  }

  @Override
  int hash(StarlarkThread th) {
    return hash(th, 0);
  }

  int hash(StarlarkThread th, int depth) {
    if (depth > Ops.MAX_DEPTH) {
      throw new EvalException("hash: tuple nested too deeply (limit " + Ops.MAX_DEPTH + ")");
    }
    if (th != null) {
      th.charge(elems.length);
    }
    int h = 0x345678;
    for (Object e : elems) {
      int eh =
          e instanceof StarlarkTuple ? ((StarlarkTuple) e).hash(th, depth + 1) : Ops.hash(th, e);
      h = h * 1000003 ^ eh;
    }
    return h;
  }

  @Override
  boolean equalsSameType(StarlarkThread th, StarlarkValue other, int depth) {
    Object[] o = ((StarlarkTuple) other).elems;
    return Ops.equalArrays(th, elems, elems.length, o, o.length, depth);
  }

  @Override
  public int len() {
    return elems.length;
  }

  @Override
  public Object index(int i) {
    return elems[i];
  }

  @Override
  public Object slice(StarlarkThread th, int start, int stop, int step) {
    if (step == 1 && start == 0 && stop == elems.length) {
      return this;
    }
    return wrap(Ops.sliceArray(th, elems, start, stop, step));
  }
}
