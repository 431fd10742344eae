package io.migrationmanager.lang.starlark;

import java.util.ArrayDeque;

/**
 * Freezes a value graph without recursion (values may be nested arbitrarily deep): each value marks itself
 * frozen and hands its not-yet-frozen children back to the work list.
 */
final class Freezer {
  private final ArrayDeque<StarlarkValue> work = new ArrayDeque<>();

  private Freezer() {}

  static void freeze(Object v) {
    if (v instanceof StarlarkValue) {
      Freezer f = new Freezer();
      f.add(v);
      while (!f.work.isEmpty()) {
        f.work.pop().freeze(f);
      }
    }
  }

  void add(Object v) {
    if (v instanceof StarlarkValue) {
      work.push((StarlarkValue) v);
    }
  }
}
