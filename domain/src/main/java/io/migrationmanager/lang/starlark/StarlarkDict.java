package io.migrationmanager.lang.starlark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mutable, insertion-ordered mapping. */
public final class StarlarkDict extends StarlarkValue {
  final HashTable table = new HashTable();

  StarlarkDict() {}

  public int size() {
    return table.size();
  }

  public boolean isFrozen() {
    return table.isFrozen();
  }

  /** The entries in insertion order, as Starlark values (a snapshot). */
  public Map<Object, Object> entries() {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int e = 0; e < table.end(); e++) {
      if (table.isLive(e)) {
        m.put(table.keyAt(e), table.valueAt(e));
      }
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String type() {
    return "dict";
  }

  @Override
  public boolean truth() {
    return table.size() > 0;
  }

  @Override
  void repr(Printer p) {
    if (!p.enter(this)) {
      p.append("{...}");
      return;
    }
    p.charge(table.size());
    p.append('{');
    boolean firstEntry = true;
    for (int e = 0; e < table.end(); e++) {
      if (!table.isLive(e)) {
        continue;
      }
      if (!firstEntry) {
        p.append(", ");
      }
      firstEntry = false;
      p.repr(table.keyAt(e)).append(": ").repr(table.valueAt(e));
    }
    p.append('}');
    p.leave();
  }

  @Override
  void freeze(Freezer f) {
    if (!table.isFrozen()) {
      table.freeze();
      for (int e = 0; e < table.end(); e++) {
        if (table.isLive(e)) {
          f.add(table.keyAt(e));
          f.add(table.valueAt(e));
        }
      }
    }
  }

  @Override
  boolean equalsSameType(StarlarkThread th, StarlarkValue other, int depth) {
    StarlarkDict o = (StarlarkDict) other;
    if (table.size() != o.table.size()) {
      return false;
    }
    if (th != null) {
      th.charge(table.size());
    }
    for (int e = 0; e < table.end(); e++) {
      if (table.isLive(e)) {
        int oe = o.table.lookup(th, table.keyAt(e));
        if (oe < 0 || !Ops.equal(th, table.valueAt(e), o.table.valueAt(oe), depth + 1)) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  Object attr(String name) {
    BuiltinMethod m = CollectionMethods.DICT.get(name);
    return m == null ? null : new Builtin(name, m, this);
  }

  @Override
  List<String> attrNames() {
    return CollectionMethods.DICT_NAMES;
  }

  Object get(StarlarkThread th, Object key) {
    return table.get(th, key);
  }

  boolean containsKey(StarlarkThread th, Object key) {
    return table.lookup(th, key) >= 0;
  }

  void put(StarlarkThread th, Object key, Object value) {
    table.put(th, key, value);
  }

  StarlarkDict copy() {
    StarlarkDict d = new StarlarkDict();
    d.table.putAllFrom(table);
    return d;
  }
}
