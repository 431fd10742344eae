package io.migrationmanager.lang.starlark;

/** Set algebra and dict merging, shared by the operators and the methods. */
final class SetOps {
  private SetOps() {}

  static StarlarkSet union(StarlarkThread th, StarlarkSet a, StarlarkSet b) {
    StarlarkSet out = a.copy();
    th.charge(a.size() + b.size());
    addAll(th, out, b.table.keysArray());
    return out;
  }

  static StarlarkSet intersection(StarlarkThread th, StarlarkSet a, StarlarkSet b) {
    StarlarkSet out = new StarlarkSet();
    th.charge(a.size());
    for (Object x : a.table.keysArray()) {
      if (b.contains(th, x)) {
        out.add(th, x);
      }
    }
    return out;
  }

  static StarlarkSet difference(StarlarkThread th, StarlarkSet a, StarlarkSet b) {
    StarlarkSet out = new StarlarkSet();
    th.charge(a.size());
    for (Object x : a.table.keysArray()) {
      if (!b.contains(th, x)) {
        out.add(th, x);
      }
    }
    return out;
  }

  static StarlarkSet symmetricDifference(StarlarkThread th, StarlarkSet a, StarlarkSet b) {
    StarlarkSet out = difference(th, a, b);
    th.charge(b.size());
    for (Object x : b.table.keysArray()) {
      if (!a.contains(th, x)) {
        out.add(th, x);
      }
    }
    return out;
  }

  static void addAll(StarlarkThread th, StarlarkSet s, Object[] elems) {
    for (Object x : elems) {
      s.add(th, x);
    }
  }

  static void updateDict(StarlarkThread th, StarlarkDict d, StarlarkDict from) {
    th.charge(from.size());
    HashTable t = from.table;
    int end = t.end();
    Object[] keys = new Object[t.size()];
    Object[] values = new Object[t.size()];
    int n = 0;
    for (int e = 0; e < end; e++) {
      if (t.isLive(e)) {
        keys[n] = t.keyAt(e);
        values[n] = t.valueAt(e);
        n++;
      }
    }
    for (int i = 0; i < n; i++) {
      d.put(th, keys[i], values[i]);
    }
  }
}
