package io.migrationmanager.lang.starlark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The methods of lists, dicts, sets and bytes. Errors are prefixed with the method name. */
final class CollectionMethods {
  static final Map<String, BuiltinMethod> LIST = new HashMap<>();
  static final Map<String, BuiltinMethod> DICT = new HashMap<>();
  static final Map<String, BuiltinMethod> SET = new HashMap<>();
  static final Map<String, BuiltinMethod> BYTES = new HashMap<>();
  static final List<String> LIST_NAMES;
  static final List<String> DICT_NAMES;
  static final List<String> SET_NAMES;
  static final List<String> BYTES_NAMES;

  static {
    put(LIST, "append", (th, r, a) -> {
      list(r).append(th, a.positionalOnly("append", 1, 1)[0]);
      return NoneType.NONE;
    });
    put(LIST, "clear", (th, r, a) -> {
      a.positionalOnly("clear", 0, 0);
      list(r).clear();
      return NoneType.NONE;
    });
    put(LIST, "extend", (th, r, a) -> {
      Object[] more = Ops.toArray(th, a.positionalOnly("extend", 1, 1)[0], "extend", 1);
      list(r).addAll(th, more, more.length);
      return NoneType.NONE;
    });
    put(LIST, "index", CollectionMethods::listIndex);
    put(LIST, "insert", (th, r, a) -> {
      Object[] args = a.positionalOnly("insert", 2, 2);
      StarlarkList l = list(r);
      l.checkMutable("insert into");
      int i = Ops.toIndexInt(args[0], "for parameter 1");
      long k = i < 0 ? (long) i + l.size : i;
      l.insert(th, (int) Math.max(0, Math.min(l.size, k)), args[1]);
      return NoneType.NONE;
    });
    put(LIST, "pop", (th, r, a) -> {
      Object[] args = a.positionalOnly("pop", 0, 1);
      StarlarkList l = list(r);
      l.checkMutable("pop from");
      Object i = args.length > 0 ? args[0] : (Object) (-1L);
      return l.removeAt(th, Ops.checkIndex("list", i, l.size));
    });
    put(LIST, "remove", (th, r, a) -> {
      Object x = a.positionalOnly("remove", 1, 1)[0];
      StarlarkList l = list(r);
      l.checkMutable("remove from");
      int i = Ops.indexOf(th, l.elems, 0, l.size, x);
      if (i < 0) {
        throw new EvalException("element not found");
      }
      l.removeAt(th, i);
      return NoneType.NONE;
    });

    put(DICT, "clear", (th, r, a) -> {
      a.positionalOnly("clear", 0, 0);
      dict(r).table.clear();
      return NoneType.NONE;
    });
    put(DICT, "get", (th, r, a) -> {
      Object[] args = a.positionalOnly("get", 1, 2);
      Object v = dict(r).get(th, args[0]);
      return v != null ? v : args.length > 1 ? args[1] : NoneType.NONE;
    });
    put(DICT, "items", (th, r, a) -> {
      a.positionalOnly("items", 0, 0);
      HashTable t = dict(r).table;
      th.charge(t.size());
      Object[] out = new Object[t.size()];
      int n = 0;
      for (int e = 0; e < t.end(); e++) {
        if (t.isLive(e)) {
          out[n++] = StarlarkTuple.of(t.keyAt(e), t.valueAt(e));
        }
      }
      return StarlarkList.wrap(out);
    });
    put(DICT, "keys", (th, r, a) -> {
      a.positionalOnly("keys", 0, 0);
      th.charge(dict(r).size());
      return StarlarkList.wrap(dict(r).table.keysArray());
    });
    put(DICT, "values", (th, r, a) -> {
      a.positionalOnly("values", 0, 0);
      th.charge(dict(r).size());
      return StarlarkList.wrap(dict(r).table.valuesArray());
    });
    put(DICT, "pop", (th, r, a) -> {
      Object[] args = a.positionalOnly("pop", 1, 2);
      Object v = dict(r).table.remove(th, args[0]);
      if (v != null) {
        return v;
      }
      if (args.length > 1) {
        return args[1];
      }
      throw new EvalException("missing key");
    });
    put(DICT, "popitem", (th, r, a) -> {
      a.positionalOnly("popitem", 0, 0);
      Object[] kv = dict(r).table.popFirst();
      if (kv == null) {
        throw new EvalException("empty dict");
      }
      return StarlarkTuple.wrap(kv);
    });
    put(DICT, "setdefault", (th, r, a) -> {
      Object[] args = a.positionalOnly("setdefault", 1, 2);
      StarlarkDict d = dict(r);
      Object v = d.get(th, args[0]);
      if (v != null) {
        return v;
      }
      Object dflt = args.length > 1 ? args[1] : NoneType.NONE;
      d.put(th, args[0], dflt);
      return dflt;
    });
    put(DICT, "update", (th, r, a) -> {
      if (a.size() > 1) {
        throw new EvalException("got " + a.size() + " arguments, want at most 1");
      }
      update(th, dict(r), a);
      return NoneType.NONE;
    });

    put(SET, "add", (th, r, a) -> {
      set(r).add(th, a.positionalOnly("add", 1, 1)[0]);
      return NoneType.NONE;
    });
    put(SET, "clear", (th, r, a) -> {
      a.positionalOnly("clear", 0, 0);
      set(r).table.clear();
      return NoneType.NONE;
    });
    put(SET, "difference", (th, r, a) -> {
      StarlarkSet out = set(r).copy();
      for (Object other : a.positionalOnly("difference", 0, Integer.MAX_VALUE)) {
        removeAll(th, out, elements(th, other, "difference"));
      }
      return out;
    });
    put(SET, "difference_update", (th, r, a) -> {
      StarlarkSet s = set(r);
      s.table.checkMutable("delete from");
      for (Object other : a.positionalOnly("difference_update", 0, Integer.MAX_VALUE)) {
        removeAll(th, s, elements(th, other, "difference_update"));
      }
      return NoneType.NONE;
    });
    put(SET, "discard", (th, r, a) -> {
      Object x = a.positionalOnly("discard", 1, 1)[0];
      set(r).table.remove(th, x);
      return NoneType.NONE;
    });
    put(SET, "intersection", (th, r, a) -> {
      StarlarkSet out = set(r).copy();
      for (Object other : a.positionalOnly("intersection", 0, Integer.MAX_VALUE)) {
        retainAll(th, out, elements(th, other, "intersection"));
      }
      return out;
    });
    put(SET, "intersection_update", (th, r, a) -> {
      StarlarkSet s = set(r);
      s.table.checkMutable("delete from");
      for (Object other : a.positionalOnly("intersection_update", 0, Integer.MAX_VALUE)) {
        retainAll(th, s, elements(th, other, "intersection_update"));
      }
      return NoneType.NONE;
    });
    put(SET, "isdisjoint", (th, r, a) -> {
      StarlarkSet s = set(r);
      for (Object x : elements(th, a.positionalOnly("isdisjoint", 1, 1)[0], "isdisjoint")) {
        if (s.contains(th, x)) {
          return false;
        }
      }
      return true;
    });
    put(SET, "issubset", (th, r, a) -> {
      StarlarkSet other = new StarlarkSet();
      SetOps.addAll(th, other, elements(th, a.positionalOnly("issubset", 1, 1)[0], "issubset"));
      return set(r).isSubset(th, other);
    });
    put(SET, "issuperset", (th, r, a) -> {
      StarlarkSet s = set(r);
      for (Object x : elements(th, a.positionalOnly("issuperset", 1, 1)[0], "issuperset")) {
        if (!s.contains(th, x)) {
          return false;
        }
      }
      return true;
    });
    put(SET, "pop", (th, r, a) -> {
      a.positionalOnly("pop", 0, 0);
      Object[] kv = set(r).table.popFirst();
      if (kv == null) {
        throw new EvalException("empty set");
      }
      return kv[0];
    });
    put(SET, "remove", (th, r, a) -> {
      Object x = a.positionalOnly("remove", 1, 1)[0];
      StarlarkSet s = set(r);
      s.table.checkMutable("delete from");
      if (s.table.remove(th, x) == null) {
        throw new EvalException("element not found");
      }
      return NoneType.NONE;
    });
    put(SET, "symmetric_difference", (th, r, a) -> {
      StarlarkSet other = new StarlarkSet();
      SetOps.addAll(th, other, elements(th, a.positionalOnly("symmetric_difference", 1, 1)[0],
          "symmetric_difference"));
      return SetOps.symmetricDifference(th, set(r), other);
    });
    put(SET, "symmetric_difference_update", (th, r, a) -> {
      StarlarkSet s = set(r);
      s.table.checkMutable("insert into");
      Object[] xs = elements(th, a.positionalOnly("symmetric_difference_update", 1, 1)[0],
          "symmetric_difference_update");
      symmetricDifferenceUpdate(th, s, xs);
      return NoneType.NONE;
    });
    put(SET, "union", (th, r, a) -> {
      StarlarkSet out = set(r).copy();
      for (Object other : a.positionalOnly("union", 0, Integer.MAX_VALUE)) {
        SetOps.addAll(th, out, elements(th, other, "union"));
      }
      return out;
    });
    put(SET, "update", (th, r, a) -> {
      StarlarkSet s = set(r);
      s.table.checkMutable("insert into");
      for (Object other : a.positionalOnly("update", 0, Integer.MAX_VALUE)) {
        SetOps.addAll(th, s, elements(th, other, "update"));
      }
      return NoneType.NONE;
    });

    put(BYTES, "elems", (th, r, a) -> {
      a.positionalOnly("elems", 0, 0);
      return new ElemsView(ElemsView.Kind.BYTES, ((StarlarkBytes) r).b);
    });

    LIST_NAMES = sortedNames(LIST);
    DICT_NAMES = sortedNames(DICT);
    SET_NAMES = sortedNames(SET);
    BYTES_NAMES = sortedNames(BYTES);
  }

  private CollectionMethods() {}

  /** Registers a method whose errors are reported as {@code name: message}. */
  static void put(Map<String, BuiltinMethod> table, String name, BuiltinMethod impl) {
    table.put(name, prefixed(name, impl));
  }

  static BuiltinMethod prefixed(String name, BuiltinMethod impl) {
    String prefix = name + ": ";
    return (th, r, a) -> {
      try {
        return impl.call(th, r, a);
      } catch (EvalException e) {
        if (e.located() || e.cancelled() || e.getMessage().startsWith(prefix)) {
          throw e;
        }
        throw new EvalException(prefix + e.getMessage(), false, e.getCause());
      }
    };
  }

  static List<String> sortedNames(Map<String, BuiltinMethod> table) {
    List<String> names = new ArrayList<>(table.keySet());
    names.sort(null);
    return List.copyOf(names);
  }

  private static StarlarkList list(Object r) {
    return (StarlarkList) r;
  }

  private static StarlarkDict dict(Object r) {
    return (StarlarkDict) r;
  }

  private static StarlarkSet set(Object r) {
    return (StarlarkSet) r;
  }

  private static Object[] elements(StarlarkThread th, Object x, String fn) {
    Object[] out = Ops.toArrayOrNull(th, x);
    if (out == null) {
      throw new EvalException(fn + ": got " + Ops.type(x) + ", want iterable");
    }
    return out;
  }

  private static void removeAll(StarlarkThread th, StarlarkSet s, Object[] xs) {
    for (Object x : xs) {
      s.table.remove(th, x);
    }
  }

  private static void retainAll(StarlarkThread th, StarlarkSet s, Object[] xs) {
    StarlarkSet keep = new StarlarkSet();
    SetOps.addAll(th, keep, xs);
    for (Object x : s.table.keysArray()) {
      if (!keep.contains(th, x)) {
        s.table.remove(th, x);
      }
    }
  }

  static void symmetricDifferenceUpdate(StarlarkThread th, StarlarkSet s, Object[] xs) {
    StarlarkSet other = new StarlarkSet();
    SetOps.addAll(th, other, xs);
    for (Object x : other.table.keysArray()) {
      if (s.contains(th, x)) {
        s.table.remove(th, x);
      } else {
        s.add(th, x);
      }
    }
  }

  /** In-place {@code s op= other} for sets. */
  static void setAugmented(StarlarkThread th, StarlarkSet s, StarlarkSet other, String op) {
    Object[] xs = other.table.keysArray();
    th.charge(xs.length + s.size());
    switch (op) {
      case "|":
        s.table.checkMutable("insert into");
        SetOps.addAll(th, s, xs);
        break;
      case "&":
        s.table.checkMutable("delete from");
        retainAll(th, s, xs);
        break;
      case "-":
        s.table.checkMutable("delete from");
        removeAll(th, s, xs);
        break;
      default:
        s.table.checkMutable("insert into");
        symmetricDifferenceUpdate(th, s, xs);
        break;
    }
  }

  private static Object listIndex(StarlarkThread th, Object r, Arguments a) {
    Object[] args = a.positionalOnly("index", 1, 3);
    StarlarkList l = list(r);
    int start = 0;
    int end = l.size;
    if (args.length > 1 && args[1] != NoneType.NONE) {
      start = clamp(Ops.toIndexInt(args[1], "for parameter start"), l.size);
    }
    if (args.length > 2 && args[2] != NoneType.NONE) {
      end = clamp(Ops.toIndexInt(args[2], "for parameter end"), l.size);
    }
    int i = Ops.indexOf(th, l.elems, start, Math.max(start, end), args[0]);
    if (i < 0) {
      throw new EvalException("value not in list");
    }
    return (long) i;
  }

  private static int clamp(long i, int n) {
    if (i < 0) {
      i += n;
    }
    return (int) Math.max(0, Math.min(n, i));
  }

  /** The logic of {@code dict.update} and of the {@code dict} builtin: pairs, then keyword arguments. */
  static void update(StarlarkThread th, StarlarkDict d, Arguments a) {
    if (a.size() > 0 && a.get(0) != NoneType.NONE) {
      Object src = a.get(0);
      if (src instanceof StarlarkDict) {
        SetOps.updateDict(th, d, (StarlarkDict) src);
      } else {
        Object[] pairs = Ops.toArrayOrNull(th, src);
        if (pairs == null) {
          throw new EvalException("got " + Ops.type(src) + ", want iterable");
        }
        for (int i = 0; i < pairs.length; i++) {
          Object[] kv = Ops.toArrayOrNull(th, pairs[i]);
          if (kv == null) {
            throw new EvalException(
                "dictionary update sequence element #" + i + " is not iterable (" + Ops.type(pairs[i]) + ")");
          }
          if (kv.length != 2) {
            throw new EvalException(
                "dictionary update sequence element #" + i + " has length " + kv.length + ", want 2");
          }
          d.put(th, kv[0], kv[1]);
        }
      }
    }
    for (int i = 0; i < a.namedCount(); i++) {
      d.put(th, StarlarkString.of(a.name(i)), a.namedValue(i));
    }
  }
}
