package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.TokenKind;
import io.migrationmanager.lang.starlark.syntax.Utf8;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The universal builtins: {@code None}, {@code True}, {@code False}, {@code len}, {@code sorted}, ... */
final class Universe {
  static final Map<String, Object> BUILTINS;

  private static final Pattern FLOAT_LITERAL =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final int MAX_INT_LITERAL = 20_000;

  static {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("None", NoneType.NONE);
    m.put("True", Boolean.TRUE);
    m.put("False", Boolean.FALSE);
    fn(m, "abs", Universe::abs);
    fn(m, "all", (th, a) -> anyAll(th, a, "all", false));
    fn(m, "any", (th, a) -> anyAll(th, a, "any", true));
    fn(m, "bool", (th, a) -> {
      Object[] args = a.positionalOnly("bool", 0, 1);
      return args.length > 0 && Ops.truth(args[0]);
    });
    fn(m, "bytes", Universe::bytes);
    fn(m, "chr", Universe::chr);
    fn(m, "dict", (th, a) -> {
      if (a.size() > 1) {
        throw new EvalException("dict: got " + a.size() + " arguments, want at most 1");
      }
      StarlarkDict d = new StarlarkDict();
      CollectionMethods.prefixed("dict", (t, r, args) -> {
        CollectionMethods.update(t, d, args);
        return NoneType.NONE;
      }).call(th, null, a);
      return d;
    });
    fn(m, "dir", (th, a) -> {
      Object x = a.positionalOnly("dir", 1, 1)[0];
      List<String> names = x instanceof StarlarkValue ? new ArrayList<>(((StarlarkValue) x).attrNames())
          : new ArrayList<>();
      Collections.sort(names);
      Object[] out = new Object[names.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = StarlarkString.of(names.get(i));
      }
      return StarlarkList.wrap(out);
    });
    fn(m, "enumerate", (th, a) -> {
      Object[] args = a.unpack("enumerate", "x", "start?");
      long start = 0;
      if (args[1] != null) {
        if (!(args[1] instanceof Long)) {
          throw new EvalException("enumerate: for parameter start: got " + Ops.type(args[1]) + ", want int");
        }
        start = (Long) args[1];
      }
      Object[] elems = Ops.toArray(th, args[0], "enumerate", 1);
      Object[] out = new Object[elems.length];
      for (int i = 0; i < elems.length; i++) {
        out[i] = StarlarkTuple.of(start + i, elems[i]);
      }
      return StarlarkList.wrap(out);
    });
    fn(m, "fail", Universe::fail);
    fn(m, "float", Universe::toFloat);
    fn(m, "getattr", (th, a) -> {
      Object[] args = a.positionalOnly("getattr", 2, 3);
      String name = Utf8.toJava(StringMethods.stringArg(args[1], "getattr", "name"));
      if (args.length == 3) {
        return Ops.hasAttr(args[0], name) ? Ops.getAttr(args[0], name) : args[2];
      }
      try {
        return Ops.getAttr(args[0], name);
      } catch (EvalException e) {
        throw new EvalException("getattr: " + e.getMessage());
      }
    });
    fn(m, "hasattr", (th, a) -> {
      Object[] args = a.positionalOnly("hasattr", 2, 2);
      return Ops.hasAttr(args[0], Utf8.toJava(StringMethods.stringArg(args[1], "hasattr", "name")));
    });
    fn(m, "hash", (th, a) -> {
      Object x = a.positionalOnly("hash", 1, 1)[0];
      if (x instanceof StarlarkString) {
        return (long) ((StarlarkString) x).toJavaString().hashCode();
      }
      if (x instanceof StarlarkBytes) {
        return Integer.toUnsignedLong(((StarlarkBytes) x).hash(th));
      }
      throw new EvalException("hash: got " + Ops.type(x) + ", want string or bytes");
    });
    fn(m, "int", Universe::toInt);
    fn(m, "len", (th, a) -> {
      Object x = a.positionalOnly("len", 1, 1)[0];
      int n = Ops.len(x);
      if (n < 0) {
        throw new EvalException("len: value of type " + Ops.type(x) + " has no len");
      }
      return (long) n;
    });
    fn(m, "list", (th, a) -> {
      Object[] args = a.positionalOnly("list", 0, 1);
      return args.length == 0 ? new StarlarkList() : StarlarkList.wrap(Ops.toArray(th, args[0], "list", 1));
    });
    fn(m, "max", (th, a) -> minMax(th, a, "max", 1));
    fn(m, "min", (th, a) -> minMax(th, a, "min", -1));
    fn(m, "ord", Universe::ord);
    fn(m, "print", (th, a) -> {
      String sep = " ";
      for (int i = 0; i < a.namedCount(); i++) {
        if (!a.name(i).equals("sep")) {
          throw new EvalException("print: unexpected keyword argument \"" + a.name(i) + "\"");
        }
        sep = StringMethods.stringArg(a.namedValue(i), "print", "sep");
      }
      Printer p = new Printer(th);
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          p.append(sep);
        }
        p.str(a.get(i));
      }
      th.printHandler().accept(p.toStarlarkString().toJavaString());
      return NoneType.NONE;
    });
    fn(m, "range", Universe::range);
    fn(m, "repr", (th, a) -> new Printer(th).repr(a.positionalOnly("repr", 1, 1)[0]).toStarlarkString());
    fn(m, "reversed", (th, a) -> {
      Object[] elems = Ops.toArray(th, a.positionalOnly("reversed", 1, 1)[0], "reversed", 1);
      for (int i = 0, j = elems.length - 1; i < j; i++, j--) {
        Object t = elems[i];
        elems[i] = elems[j];
        elems[j] = t;
      }
      return StarlarkList.wrap(elems);
    });
    fn(m, "set", (th, a) -> {
      Object[] args = a.positionalOnly("set", 0, 1);
      StarlarkSet s = new StarlarkSet();
      if (args.length > 0) {
        Object[] elems = Ops.toArray(th, args[0], "set", 1);
        try {
          SetOps.addAll(th, s, elems);
        } catch (EvalException e) {
          throw e.located() || e.cancelled() ? e : new EvalException("set: " + e.getMessage());
        }
      }
      return s;
    });
    fn(m, "sorted", Universe::sorted);
    fn(m, "str", (th, a) -> {
      Object x = a.positionalOnly("str", 1, 1)[0];
      return x instanceof StarlarkString ? x : new Printer(th).str(x).toStarlarkString();
    });
    fn(m, "tuple", (th, a) -> {
      Object[] args = a.positionalOnly("tuple", 0, 1);
      if (args.length == 0) {
        return StarlarkTuple.EMPTY;
      }
      return args[0] instanceof StarlarkTuple
          ? args[0]
          : StarlarkTuple.wrap(Ops.toArray(th, args[0], "tuple", 1));
    });
    fn(m, "type", (th, a) -> StarlarkString.of(Ops.type(a.positionalOnly("type", 1, 1)[0])));
    fn(m, "zip", Universe::zip);
    BUILTINS = Collections.unmodifiableMap(m);
  }

  private Universe() {}

  private static void fn(Map<String, Object> m, String name, BuiltinFunction f) {
    m.put(name, new Builtin(name, f));
  }

  private static Object abs(StarlarkThread th, Arguments a) {
    Object x = a.positionalOnly("abs", 1, 1)[0];
    if (x instanceof Double) {
      return Math.abs((Double) x);
    }
    if (Ops.isInt(x)) {
      return Ops.compareNumbers(x, 0L) < 0 ? Ops.unary(TokenKind.MINUS, x) : x;
    }
    throw new EvalException("abs: got " + Ops.type(x) + ", want int or float");
  }

  private static Object anyAll(StarlarkThread th, Arguments a, String name, boolean any) {
    Object x = a.positionalOnly(name, 1, 1)[0];
    Iter it = Ops.iterateOrNull(x);
    if (it == null) {
      throw new EvalException(name + ": for parameter 1: got " + Ops.type(x) + ", want iterable");
    }
    try (it) {
      while (it.hasNext()) {
        th.charge(1);
        if (Ops.truth(it.next()) == any) {
          return any;
        }
      }
    }
    return !any;
  }

  private static Object bytes(StarlarkThread th, Arguments a) {
    Object x = a.positionalOnly("bytes", 1, 1)[0];
    if (x instanceof StarlarkBytes) {
      return x;
    }
    if (x instanceof StarlarkString) {
      String s = ((StarlarkString) x).s;
      return StarlarkBytes.ofBytes(Utf8.fromJava(Utf8.toJava(s)));
    }
    Object[] elems = Ops.toArrayOrNull(th, x);
    if (elems == null) {
      throw new EvalException("bytes: got " + Ops.type(x) + ", want string, bytes, or iterable of int");
    }
    th.checkLength(elems.length, "bytes");
    StringBuilder sb = new StringBuilder(elems.length);
    for (int i = 0; i < elems.length; i++) {
      Object e = elems[i];
      if (!(e instanceof Long) || (Long) e < 0 || (Long) e > 255) {
        if (!Ops.isInt(e)) {
          throw new EvalException("bytes: at index " + i + ", got " + Ops.type(e) + ", want int");
        }
        throw new EvalException(
            "bytes: at index " + i + ", " + e + " out of range (want value in unsigned 8-bit range)");
      }
      sb.append((char) (long) (Long) e);
    }
    return StarlarkBytes.ofBytes(sb.toString());
  }

  private static Object chr(StarlarkThread th, Arguments a) {
    Object x = a.positionalOnly("chr", 1, 1)[0];
    if (!Ops.isInt(x)) {
      throw new EvalException("chr: got " + Ops.type(x) + ", want int");
    }
    long cp = x instanceof Long ? (Long) x : ((BigInteger) x).signum() * (long) Integer.MAX_VALUE;
    if (cp < 0) {
      throw new EvalException("chr: Unicode code point " + x + " out of range (<0)");
    }
    if (cp > 0x10FFFF) {
      throw new EvalException("chr: Unicode code point " + x + " out of range (>0x10FFFF)");
    }
    StringBuilder sb = new StringBuilder();
    Utf8.encode(sb, (int) cp);
    return StarlarkString.ofBytes(sb.toString());
  }

  private static Object fail(StarlarkThread th, Arguments a) {
    String sep = " ";
    for (int i = 0; i < a.namedCount(); i++) {
      if (!a.name(i).equals("sep")) {
        throw new EvalException("fail: unexpected keyword argument \"" + a.name(i) + "\"");
      }
      sep = StringMethods.stringArg(a.namedValue(i), "fail", "sep");
    }
    Printer p = new Printer(th);
    p.append("fail: ");
    for (int i = 0; i < a.size(); i++) {
      if (i > 0) {
        p.append(sep);
      }
      p.str(a.get(i));
    }
    throw new EvalException(Utf8.toJava(p.toString()));
  }

  private static Object toFloat(StarlarkThread th, Arguments a) {
    Object[] args = a.positionalOnly("float", 0, 1);
    if (args.length == 0) {
      return 0.0;
    }
    Object x = args[0];
    if (x instanceof Double) {
      return x;
    }
    if (Ops.isInt(x)) {
      return Ops.toDouble(x);
    }
    if (x instanceof Boolean) {
      return (Boolean) x ? 1.0 : 0.0;
    }
    if (x instanceof StarlarkString) {
      String s = ((StarlarkString) x).s;
      String lower = s.toLowerCase(Locale.ROOT);
      String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
      boolean neg = lower.startsWith("-");
      if (unsigned.equals("inf") || unsigned.equals("infinity")) {
        return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (unsigned.equals("nan")) {
        return Double.NaN;
      }
      if (s.length() > MAX_INT_LITERAL || !FLOAT_LITERAL.matcher(s).matches()) {
        throw new EvalException("invalid float literal: " + Utf8.toJava(s));
      }
      double d = Double.parseDouble(s);
      if (Double.isInfinite(d)) {
        throw new EvalException("floating-point number too large");
      }
      return d;
    }
    throw new EvalException("float: got " + Ops.type(x) + ", want number or string");
  }

  private static Object toInt(StarlarkThread th, Arguments a) {
    Object[] args = a.unpack("int", "x", "base?");
    Object x = args[0];
    if (args[1] != null && !(x instanceof StarlarkString)) {
      throw new EvalException("int: can't convert non-string with explicit base");
    }
    if (Ops.isInt(x)) {
      return x;
    }
    if (x instanceof Boolean) {
      return (Boolean) x ? 1L : 0L;
    }
    if (x instanceof Double) {
      double d = (Double) x;
      if (Double.isNaN(d)) {
        throw new EvalException("int: cannot convert float NaN to integer");
      }
      if (Double.isInfinite(d)) {
        throw new EvalException("int: cannot convert float infinity to integer");
      }
      return Ops.normalize(new BigDecimal(d).toBigInteger());
    }
    if (!(x instanceof StarlarkString)) {
      throw new EvalException("int: got " + Ops.type(x) + ", want int, float, bool or string");
    }
    int base = 10;
    if (args[1] != null) {
      long b = args[1] instanceof Long ? (Long) args[1] : -1;
      if (b != 0 && (b < 2 || b > 36)) {
        throw new EvalException("int: base must be an integer >= 2 && <= 36");
      }
      base = (int) b;
    }
    return parseInt(((StarlarkString) x).s, base);
  }

  private static Object parseInt(String s, int base) {
    String invalid = "int: invalid literal with base " + base + ": " + Utf8.toJava(s);
    String t = s;
    boolean neg = false;
    if (t.startsWith("+") || t.startsWith("-")) {
      neg = t.charAt(0) == '-';
      t = t.substring(1);
    }
    if (t.length() > 1 && t.charAt(0) == '0') {
      char p = Character.toLowerCase(t.charAt(1));
      int prefixBase = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
      if (prefixBase != 0 && (base == 0 || base == prefixBase)) {
        base = prefixBase;
        t = t.substring(2);
      } else if (base == 0) {
        throw new EvalException(invalid);
      }
    }
    if (base == 0) {
      base = 10;
    }
    if (t.isEmpty() || t.length() > MAX_INT_LITERAL) {
      throw new EvalException(t.isEmpty() ? invalid : "int: literal too long");
    }
    for (int i = 0; i < t.length(); i++) {
      if (Character.digit(t.charAt(i), base) < 0 || t.charAt(i) >= 0x80) {
        throw new EvalException(invalid);
      }
    }
    BigInteger v = new BigInteger(t, base);
    return Ops.normalize(neg ? v.negate() : v);
  }

  private static Object minMax(StarlarkThread th, Arguments a, String name, int sign) {
    Object key = null;
    for (int i = 0; i < a.namedCount(); i++) {
      if (!a.name(i).equals("key")) {
        throw new EvalException(name + ": unexpected keyword argument \"" + a.name(i) + "\"");
      }
      key = a.namedValue(i);
    }
    if (key == NoneType.NONE) {
      key = null;
    }
    Object[] elems;
    if (a.size() == 0) {
      throw new EvalException(name + " requires at least one positional argument");
    } else if (a.size() == 1) {
      elems = Ops.toArrayOrNull(th, a.get(0));
      if (elems == null) {
        throw new EvalException(name + ": got " + Ops.type(a.get(0)) + ", want iterable");
      }
    } else {
      elems = a.positional().toArray();
    }
    if (elems.length == 0) {
      throw new EvalException(name + ": argument is an empty sequence");
    }
    Object best = elems[0];
    Object bestKey = key == null ? best : Calls.call(th, key, best);
    for (int i = 1; i < elems.length; i++) {
      Object k = key == null ? elems[i] : Calls.call(th, key, elems[i]);
      if (Ops.compare(th, k, bestKey) * sign > 0) {
        best = elems[i];
        bestKey = k;
      }
    }
    return best;
  }

  private static Object ord(StarlarkThread th, Arguments a) {
    Object x = a.positionalOnly("ord", 1, 1)[0];
    if (x instanceof StarlarkBytes) {
      String b = ((StarlarkBytes) x).b;
      if (b.length() != 1) {
        throw new EvalException("ord: bytes has length " + b.length() + ", want 1");
      }
      return (long) b.charAt(0);
    }
    if (!(x instanceof StarlarkString)) {
      throw new EvalException("ord: got " + Ops.type(x) + ", want string");
    }
    String s = ((StarlarkString) x).s;
    int count = 0;
    int cp = 0;
    for (int i = 0; i < s.length(); count++) {
      int r = Utf8.decode(s, i);
      cp = r >>> 3;
      i += r & 7;
    }
    if (count != 1) {
      throw new EvalException("ord: string encodes " + count + " Unicode code points, want 1");
    }
    return (long) cp;
  }

  private static Object range(StarlarkThread th, Arguments a) {
    Object[] args = a.positionalOnly("range", 1, 3);
    long[] v = new long[args.length];
    String[] names = args.length == 1 ? new String[] {"stop"} : new String[] {"start", "stop", "step"};
    for (int i = 0; i < args.length; i++) {
      if (!(args[i] instanceof Long)) {
        throw new EvalException(
            "range: for parameter " + names[i] + ": got " + Ops.type(args[i]) + ", want int");
      }
      v[i] = (Long) args[i];
    }
    long start = args.length == 1 ? 0 : v[0];
    long stop = args.length == 1 ? v[0] : v[1];
    long step = args.length == 3 ? v[2] : 1;
    if (step == 0) {
      throw new EvalException("range: step argument must not be zero");
    }
    return new StarlarkRange(start, stop, step);
  }

  private static Object sorted(StarlarkThread th, Arguments a) {
    Object[] args = a.unpack("sorted", "iterable", "key?", "reverse?");
    Object[] elems = Ops.toArray(th, args[0], "sorted", 1);
    Object key = args[1] == NoneType.NONE ? null : args[1];
    boolean reverse = args[2] != null && Ops.truth(args[2]);
    Object[] keys = elems;
    if (key != null) {
      keys = new Object[elems.length];
      for (int i = 0; i < elems.length; i++) {
        keys[i] = Calls.call(th, key, elems[i]);
      }
    }
    Integer[] order = new Integer[elems.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    th.charge((long) elems.length * (64 - Long.numberOfLeadingZeros(elems.length + 1L)));
    Object[] k = keys;
    Comparator<Integer> cmp = (x, y) -> Ops.compare(th, k[x], k[y]);
    try {
      Arrays.sort(order, reverse ? cmp.reversed() : cmp);
    } catch (IllegalArgumentException e) {
      throw new EvalException("sorted: inconsistent comparison: " + e.getMessage());
    }
    Object[] out = new Object[elems.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = elems[order[i]];
    }
    return StarlarkList.wrap(out);
  }

  private static Object zip(StarlarkThread th, Arguments a) {
    Object[] seqs = a.positionalOnly("zip", 0, Integer.MAX_VALUE);
    Object[][] cols = new Object[seqs.length][];
    int n = Integer.MAX_VALUE;
    for (int i = 0; i < seqs.length; i++) {
      cols[i] = Ops.toArrayOrNull(th, seqs[i]);
      if (cols[i] == null) {
        throw new EvalException("zip: argument #" + (i + 1) + " is not iterable: " + Ops.type(seqs[i]));
      }
      n = Math.min(n, cols[i].length);
    }
    if (seqs.length == 0) {
      n = 0;
    }
    Object[] out = new Object[n];
    for (int r = 0; r < n; r++) {
      Object[] row = new Object[seqs.length];
      for (int c = 0; c < seqs.length; c++) {
        row[c] = cols[c][r];
      }
      out[r] = StarlarkTuple.wrap(row);
    }
    return StarlarkList.wrap(out);
  }
}
