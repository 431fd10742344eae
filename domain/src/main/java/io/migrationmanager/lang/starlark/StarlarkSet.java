package io.migrationmanager.lang.starlark;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A mutable, insertion-ordered set of hashable values. */
public final class StarlarkSet extends StarlarkValue {
  final HashTable table = new HashTable();

  StarlarkSet() {}

  public int size() {
    return table.size();
  }

  public boolean isFrozen() {
    return table.isFrozen();
  }

  /** The elements in insertion order, as Starlark values (a snapshot). */
  public List<Object> elements() {
    return Collections.unmodifiableList(Arrays.asList(table.keysArray()));
  }

  @Override
  public String type() {
    return "set";
  }

  @Override
  public boolean truth() {
    return table.size() > 0;
  }

  @Override
  void repr(Printer p) {
    if (!p.enter(this)) {
      p.append("set(...)");
      return;
    }
    p.charge(table.size());
    p.append("set([");
    boolean firstElem = true;
    for (int e = 0; e < table.end(); e++) {
      if (table.isLive(e)) {
        if (!firstElem) {
          p.append(", ");
        }
        firstElem = false;
        p.repr(table.keyAt(e));
      }
    }
    p.append("])");
    p.leave();
  }

  @Override
  void freeze(Freezer f) {
    if (!table.isFrozen()) {
      table.freeze();
      for (int e = 0; e < table.end(); e++) {
        if (table.isLive(e)) {
          f.add(table.keyAt(e));
        }
      }
    }
  }

  @Override
  boolean equalsSameType(StarlarkThread th, StarlarkValue other, int depth) {
    StarlarkSet o = (StarlarkSet) other;
    return table.size() == o.table.size() && isSubset(th, o);
  }

  /** True if every element of this set is in {@code o}. */
  boolean isSubset(StarlarkThread th, StarlarkSet o) {
    if (th != null) {
      th.charge(table.size());
    }
    for (int e = 0; e < table.end(); e++) {
      if (table.isLive(e) && o.table.lookup(th, table.keyAt(e)) < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  Object attr(String name) {
    BuiltinMethod m = CollectionMethods.SET.get(name);
    return m == null ? null : new Builtin(name, m, this);
  }

  @Override
  List<String> attrNames() {
    return CollectionMethods.SET_NAMES;
  }

  boolean contains(StarlarkThread th, Object x) {
    return table.lookup(th, x) >= 0;
  }

  void add(StarlarkThread th, Object x) {
    table.put(th, x, Boolean.TRUE);
  }

  StarlarkSet copy() {
    StarlarkSet s = new StarlarkSet();
    s.table.putAllFrom(table);
    return s;
  }
}
