package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Utf8;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * The methods of strings. Indices are byte offsets (see {@link StarlarkString}); case mapping, character
 * classes and stripping work on the decoded code points, one code point at a time as go.starlark.net does.
 */
final class StringMethods {
  static final Map<String, BuiltinMethod> STRING = new HashMap<>();
  static final List<String> STRING_NAMES;

  static {
    STRING.put("capitalize", (th, r, a) -> capitalize(th, s(r), a));
    STRING.put("codepoint_ords", (th, r, a) -> view(r, a, "codepoint_ords", ElemsView.Kind.CODEPOINT_ORDS));
    STRING.put("codepoints", (th, r, a) -> view(r, a, "codepoints", ElemsView.Kind.CODEPOINTS));
    STRING.put("count", (th, r, a) -> count(th, s(r), a));
    STRING.put("elem_ords", (th, r, a) -> view(r, a, "elem_ords", ElemsView.Kind.ELEM_ORDS));
    STRING.put("elems", (th, r, a) -> view(r, a, "elems", ElemsView.Kind.ELEMS));
    STRING.put("endswith", (th, r, a) -> affix(th, s(r), a, "endswith", false));
    STRING.put("find", (th, r, a) -> find(th, s(r), a, "find", false, false));
    STRING.put("format", (th, r, a) -> Interpolation.formatMethod(th, s(r), a));
    STRING.put("index", (th, r, a) -> find(th, s(r), a, "index", false, true));
    STRING.put("isalnum", (th, r, a) -> test(s(r), a, "isalnum", StringMethods::isAlnum));
    STRING.put("isalpha", (th, r, a) -> test(s(r), a, "isalpha", Character::isLetter));
    STRING.put("isdigit", (th, r, a) -> test(s(r), a, "isdigit", Character::isDigit));
    STRING.put("islower", (th, r, a) -> casing(s(r), a, "islower", false));
    STRING.put("isspace", (th, r, a) -> test(s(r), a, "isspace", StringMethods::isSpace));
    STRING.put("istitle", (th, r, a) -> istitle(s(r), a));
    STRING.put("isupper", (th, r, a) -> casing(s(r), a, "isupper", true));
    STRING.put("join", (th, r, a) -> join(th, s(r), a));
    STRING.put("lower", (th, r, a) -> mapCase(th, s(r), a, "lower", Character::toLowerCase));
    STRING.put("lstrip", (th, r, a) -> strip(th, s(r), a, "lstrip", true, false));
    STRING.put("partition", (th, r, a) -> partition(th, s(r), a, "partition", false));
    STRING.put("removeprefix", (th, r, a) -> remove(th, s(r), a, "removeprefix", true));
    STRING.put("removesuffix", (th, r, a) -> remove(th, s(r), a, "removesuffix", false));
    STRING.put("replace", (th, r, a) -> replace(th, s(r), a));
    STRING.put("rfind", (th, r, a) -> find(th, s(r), a, "rfind", true, false));
    STRING.put("rindex", (th, r, a) -> find(th, s(r), a, "rindex", true, true));
    STRING.put("rpartition", (th, r, a) -> partition(th, s(r), a, "rpartition", true));
    STRING.put("rsplit", (th, r, a) -> split(th, s(r), a, "rsplit", true));
    STRING.put("rstrip", (th, r, a) -> strip(th, s(r), a, "rstrip", false, true));
    STRING.put("split", (th, r, a) -> split(th, s(r), a, "split", false));
    STRING.put("splitlines", (th, r, a) -> splitlines(th, s(r), a));
    STRING.put("startswith", (th, r, a) -> affix(th, s(r), a, "startswith", true));
    STRING.put("strip", (th, r, a) -> strip(th, s(r), a, "strip", true, true));
    STRING.put("title", (th, r, a) -> title(th, s(r), a));
    STRING.put("upper", (th, r, a) -> mapCase(th, s(r), a, "upper", Character::toUpperCase));
    List<String> names = new ArrayList<>(STRING.keySet());
    names.sort(null);
    STRING_NAMES = List.copyOf(names);
  }

  private StringMethods() {}

  private static String s(Object receiver) {
    return ((StarlarkString) receiver).s;
  }

  private static StarlarkString str(String bytes) {
    return StarlarkString.ofBytes(bytes);
  }

  /** A string argument in byte form, failing with {@code fn: for parameter what: got T, want string}. */
  static String stringArg(Object v, String fn, String what) {
    if (v instanceof StarlarkString) {
      return ((StarlarkString) v).s;
    }
    throw new EvalException(fn + ": for parameter " + what + ": got " + Ops.type(v) + ", want string");
  }

  private static boolean isNone(Object v) {
    return v == null || v == NoneType.NONE;
  }

  /** Resolves optional start/end arguments against a length, clamping as for slices. */
  private static int[] range(Object[] a, int first, int n, String fn) {
    int start = 0;
    int end = n;
    if (a.length > first && !isNone(a[first])) {
      start = clamp(Ops.toIndexInt(a[first], fn + ": for parameter start"), n);
    }
    if (a.length > first + 1 && !isNone(a[first + 1])) {
      end = clamp(Ops.toIndexInt(a[first + 1], fn + ": for parameter end"), n);
    }
    return new int[] {start, end};
  }

  private static int clamp(long i, int n) {
    if (i < 0) {
      i += n;
    }
    return (int) Math.max(0, Math.min(n, i));
  }

  // ---- code point helpers

  /** Calls {@code f} on each code point; invalid bytes are passed as negative values {@code -1 - byte}. */
  private interface CodePointVisitor {
    void visit(int cp, int start, int size);
  }

  private static void forEachCodePoint(String b, CodePointVisitor f) {
    for (int i = 0; i < b.length(); ) {
      int r = Utf8.decode(b, i);
      int size = r & 7;
      int cp = r >>> 3;
      if (size == 1 && b.charAt(i) >= 0x80) {
        cp = -1 - b.charAt(i);
      }
      f.visit(cp, i, size);
      i += size;
    }
  }

  static boolean isSpace(int cp) {
    if (cp < 0) {
      return false;
    }
    if (cp <= 0xFF) {
      return cp == ' ' || (cp >= 9 && cp <= 13) || cp == 0x85 || cp == 0xA0;
    }
    int t = Character.getType(cp);
    return t == Character.SPACE_SEPARATOR
        || t == Character.LINE_SEPARATOR
        || t == Character.PARAGRAPH_SEPARATOR;
  }

  private static boolean isAlnum(int cp) {
    return Character.isLetter(cp) || Character.isDigit(cp);
  }

  // ---- methods

  private static Object view(Object receiver, Arguments a, String name, ElemsView.Kind kind) {
    a.positionalOnly(name, 0, 0);
    return new ElemsView(kind, s(receiver));
  }

  private static Object test(String b, Arguments a, String name, IntPredicate p) {
    a.positionalOnly(name, 0, 0);
    if (b.isEmpty()) {
      return false;
    }
    boolean[] ok = {true};
    forEachCodePoint(b, (cp, start, size) -> ok[0] &= cp >= 0 && p.test(cp));
    return ok[0];
  }

  private static Object casing(String b, Arguments a, String name, boolean upper) {
    a.positionalOnly(name, 0, 0);
    boolean[] state = {false, true};
    forEachCodePoint(
        b,
        (cp, start, size) -> {
          if (cp < 0) {
            return;
          }
          boolean isUpper = Character.isUpperCase(cp) || Character.isTitleCase(cp);
          boolean isLower = Character.isLowerCase(cp);
          if (upper ? isLower || Character.isTitleCase(cp) : isUpper) {
            state[1] = false;
          } else if (upper ? isUpper : isLower) {
            state[0] = true;
          }
        });
    return state[0] && state[1];
  }

  private static Object istitle(String b, Arguments a) {
    a.positionalOnly("istitle", 0, 0);
    boolean[] state = {false, false, true};
    forEachCodePoint(
        b,
        (cp, start, size) -> {
          if (cp >= 0 && (Character.isUpperCase(cp) || Character.isTitleCase(cp))) {
            if (state[1]) {
              state[2] = false;
            }
            state[1] = true;
            state[0] = true;
          } else if (cp >= 0 && Character.isLowerCase(cp)) {
            if (!state[1]) {
              state[2] = false;
            }
            state[1] = true;
            state[0] = true;
          } else {
            state[1] = false;
          }
        });
    return state[0] && state[2];
  }

  private static Object mapCase(
      StarlarkThread th, String b, Arguments a, String name, IntUnaryOperator f) {
    a.positionalOnly(name, 0, 0);
    th.chargeBytes(b.length());
    if (Utf8.isAscii(b)) {
      StringBuilder sb = new StringBuilder(b.length());
      for (int i = 0; i < b.length(); i++) {
        sb.append((char) f.applyAsInt(b.charAt(i)));
      }
      return str(sb.toString());
    }
    StringBuilder sb = new StringBuilder(b.length());
    forEachCodePoint(b, (cp, start, size) -> appendCodePoint(sb, cp < 0 ? cp : f.applyAsInt(cp)));
    th.checkLength(sb.length(), "string");
    return str(sb.toString());
  }

  private static void appendCodePoint(StringBuilder sb, int cp) {
    if (cp < 0) {
      sb.append((char) (-1 - cp));
    } else {
      Utf8.encode(sb, cp);
    }
  }

  private static Object capitalize(StarlarkThread th, String b, Arguments a) {
    a.positionalOnly("capitalize", 0, 0);
    th.chargeBytes(b.length());
    StringBuilder sb = new StringBuilder(b.length());
    boolean[] first = {true};
    forEachCodePoint(
        b,
        (cp, start, size) -> {
          int m = cp < 0 ? cp : first[0] ? Character.toUpperCase(cp) : Character.toLowerCase(cp);
          first[0] = false;
          appendCodePoint(sb, m);
        });
    th.checkLength(sb.length(), "string");
    return str(sb.toString());
  }

  private static Object title(StarlarkThread th, String b, Arguments a) {
    a.positionalOnly("title", 0, 0);
    th.chargeBytes(b.length());
    StringBuilder sb = new StringBuilder(b.length());
    boolean[] prevLetter = {false};
    forEachCodePoint(
        b,
        (cp, start, size) -> {
          if (cp >= 0 && Character.isLetter(cp)) {
            appendCodePoint(sb, prevLetter[0] ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
            prevLetter[0] = true;
          } else {
            appendCodePoint(sb, cp);
            prevLetter[0] = false;
          }
        });
    th.checkLength(sb.length(), "string");
    return str(sb.toString());
  }

  private static Object count(StarlarkThread th, String b, Arguments a) {
    Object[] args = a.positionalOnly("count", 1, 3);
    String sub = stringArg(args[0], "count", "sub");
    int[] r = range(args, 1, b.length(), "count");
    if (r[0] > r[1]) {
      return 0L;
    }
    String hay = b.substring(r[0], r[1]);
    th.chargeBytes(hay.length());
    if (sub.isEmpty()) {
      return (long) hay.length() + 1;
    }
    long n = 0;
    for (int i = hay.indexOf(sub); i >= 0; i = hay.indexOf(sub, i + sub.length())) {
      n++;
    }
    return n;
  }

  private static Object find(
      StarlarkThread th, String b, Arguments a, String name, boolean last, boolean fail) {
    Object[] args = a.positionalOnly(name, 1, 3);
    String sub = stringArg(args[0], name, "sub");
    int[] r = range(args, 1, b.length(), name);
    int found = -1;
    if (r[0] <= r[1]) {
      String hay = b.substring(r[0], r[1]);
      th.chargeBytes(hay.length());
      int i = last ? hay.lastIndexOf(sub) : hay.indexOf(sub);
      if (i >= 0) {
        found = i + r[0];
      }
    }
    if (found < 0 && fail) {
      throw new EvalException(name + ": substring not found");
    }
    return (long) found;
  }

  private static Object affix(StarlarkThread th, String b, Arguments a, String name, boolean prefix) {
    Object[] args = a.positionalOnly(name, 1, 3);
    int[] r = range(args, 1, b.length(), name);
    String hay = r[0] <= r[1] ? b.substring(r[0], r[1]) : "";
    Object x = args[0];
    if (x instanceof StarlarkString) {
      String p = ((StarlarkString) x).s;
      return prefix ? hay.startsWith(p) : hay.endsWith(p);
    }
    if (x instanceof StarlarkTuple) {
      for (Object e : ((StarlarkTuple) x).elems) {
        if (!(e instanceof StarlarkString)) {
          throw new EvalException(name + ": want string, got " + Ops.type(e));
        }
        String p = ((StarlarkString) e).s;
        if (prefix ? hay.startsWith(p) : hay.endsWith(p)) {
          return true;
        }
      }
      return false;
    }
    throw new EvalException(name + ": got " + Ops.type(x) + ", want string or tuple of string");
  }

  private static Object join(StarlarkThread th, String sep, Arguments a) {
    Object[] args = a.positionalOnly("join", 1, 1);
    Object[] elems = Ops.toArrayOrNull(th, args[0]);
    if (elems == null) {
      throw new EvalException("join: got " + Ops.type(args[0]) + ", want iterable");
    }
    long total = 0;
    for (Object e : elems) {
      if (!(e instanceof StarlarkString)) {
        throw new EvalException(
            "join: in " + Ops.type(args[0]) + ", want string, got " + Ops.type(e));
      }
      total += ((StarlarkString) e).s.length() + sep.length();
    }
    th.checkLength(total - sep.length(), "string");
    th.chargeBytes(total);
    StringBuilder sb = new StringBuilder((int) Math.max(0, total));
    for (int i = 0; i < elems.length; i++) {
      if (i > 0) {
        sb.append(sep);
      }
      sb.append(((StarlarkString) elems[i]).s);
    }
    return str(sb.toString());
  }

  private static Object strip(
      StarlarkThread th, String b, Arguments a, String name, boolean left, boolean right) {
    Object[] args = a.positionalOnly(name, 0, 1);
    IntPredicate cut;
    if (args.length == 0 || isNone(args[0])) {
      cut = StringMethods::isSpace;
    } else {
      String cutset = stringArg(args[0], name, "cutset");
      Set<Integer> set = new HashSet<>();
      forEachCodePoint(cutset, (cp, start, size) -> set.add(cp));
      cut = set::contains;
    }
    th.chargeBytes(b.length());
    int lo = 0;
    int hi = b.length();
    if (left) {
      while (lo < hi) {
        int r = runeAt(b, lo);
        if (!cut.test(runeCodePoint(b, lo, r))) {
          break;
        }
        lo += r & 7;
      }
    }
    if (right) {
      while (hi > lo) {
        int s = runeStartBefore(b, hi);
        if (!cut.test(runeCodePoint(b, s, runeAt(b, s)))) {
          break;
        }
        hi = s;
      }
    }
    return lo == 0 && hi == b.length() ? str(b) : str(b.substring(lo, hi));
  }

  private static Object partition(StarlarkThread th, String b, Arguments a, String name, boolean last) {
    Object[] args = a.positionalOnly(name, 1, 1);
    String sep = stringArg(args[0], name, "sep");
    if (sep.isEmpty()) {
      throw new EvalException(name + ": empty separator");
    }
    th.chargeBytes(b.length());
    int i = last ? b.lastIndexOf(sep) : b.indexOf(sep);
    if (i < 0) {
      StarlarkString whole = str(b);
      return last
          ? StarlarkTuple.of(StarlarkString.EMPTY, StarlarkString.EMPTY, whole)
          : StarlarkTuple.of(whole, StarlarkString.EMPTY, StarlarkString.EMPTY);
    }
    return StarlarkTuple.of(str(b.substring(0, i)), args[0], str(b.substring(i + sep.length())));
  }

  private static Object remove(StarlarkThread th, String b, Arguments a, String name, boolean prefix) {
    Object[] args = a.positionalOnly(name, 1, 1);
    String x = stringArg(args[0], name, prefix ? "prefix" : "suffix");
    if (prefix && b.startsWith(x)) {
      return str(b.substring(x.length()));
    }
    if (!prefix && b.endsWith(x)) {
      return str(b.substring(0, b.length() - x.length()));
    }
    return str(b);
  }

  private static Object replace(StarlarkThread th, String b, Arguments a) {
    Object[] args = a.positionalOnly("replace", 2, 3);
    String old = stringArg(args[0], "replace", "old");
    String rep = stringArg(args[1], "replace", "new");
    long max = Long.MAX_VALUE;
    if (args.length > 2) {
      Object c = args[2];
      if (!Ops.isInt(c)) {
        throw new EvalException("replace: for parameter count: got " + Ops.type(c) + ", want int");
      }
      if (c instanceof Long && (Long) c >= 0) {
        max = (Long) c;
      }
    }
    th.chargeBytes(b.length());
    List<Integer> at = new ArrayList<>();
    if (old.isEmpty()) {
      int i = 0;
      while (at.size() < max) {
        at.add(i);
        if (i >= b.length()) {
          break;
        }
        i += Utf8.decode(b, i) & 7;
      }
    } else {
      for (int i = b.indexOf(old); i >= 0 && at.size() < max; i = b.indexOf(old, i + old.length())) {
        at.add(i);
      }
    }
    long total = b.length() + (long) at.size() * (rep.length() - old.length());
    th.checkLength(total, "string");
    th.chargeBytes(total);
    StringBuilder sb = new StringBuilder((int) total);
    int prev = 0;
    for (int i : at) {
      sb.append(b, prev, i).append(rep);
      prev = i + old.length();
    }
    sb.append(b, prev, b.length());
    return str(sb.toString());
  }

  private static Object split(StarlarkThread th, String b, Arguments a, String name, boolean fromRight) {
    Object[] args = a.positionalOnly(name, 0, 2);
    long max = -1;
    if (args.length > 1 && !isNone(args[1])) {
      if (!Ops.isInt(args[1])) {
        throw new EvalException(name + ": for parameter maxsplit: got " + Ops.type(args[1]) + ", want int");
      }
      max = args[1] instanceof Long ? (Long) args[1] : Long.MAX_VALUE;
    }
    th.chargeBytes(b.length());
    List<String> parts = new ArrayList<>();
    if (args.length == 0 || isNone(args[0])) {
      splitSpace(th, b, max, fromRight, parts);
    } else {
      String sep = stringArg(args[0], name, "sep");
      if (sep.isEmpty()) {
        throw new EvalException(name + ": empty separator");
      }
      if (!fromRight) {
        int prev = 0;
        for (int i = b.indexOf(sep); i >= 0 && (max < 0 || parts.size() < max); i = b.indexOf(sep, prev)) {
          th.checkSize(parts.size() + 2L, "list");
          parts.add(b.substring(prev, i));
          prev = i + sep.length();
        }
        parts.add(b.substring(prev));
      } else {
        int end = b.length();
        for (int i = b.lastIndexOf(sep, end - sep.length());
            i >= 0 && (max < 0 || parts.size() < max);
            i = end - sep.length() < 0 ? -1 : b.lastIndexOf(sep, end - sep.length())) {
          th.checkSize(parts.size() + 2L, "list");
          parts.add(b.substring(i + sep.length(), end));
          end = i;
        }
        parts.add(b.substring(0, end));
        Collections.reverse(parts);
      }
    }
    th.checkSize(parts.size(), "list");
    Object[] out = new Object[parts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = str(parts.get(i));
    }
    return StarlarkList.wrap(out);
  }

  private static void splitSpace(
      StarlarkThread th, String b, long max, boolean fromRight, List<String> parts) {
    int n = b.length();
    if (!fromRight) {
      int i = 0;
      while (true) {
        while (i < n && isSpaceAt(b, i)) {
          i += runeAt(b, i) & 7;
        }
        if (i >= n) {
          return;
        }
        if (max >= 0 && parts.size() >= max) {
          parts.add(b.substring(i));
          return;
        }
        int j = i;
        while (j < n && !isSpaceAt(b, j)) {
          j += runeAt(b, j) & 7;
        }
        th.checkSize(parts.size() + 1L, "list");
        parts.add(b.substring(i, j));
        i = j;
      }
    }
    List<String> rev = new ArrayList<>();
    int j = n;
    while (true) {
      while (j > 0 && isSpaceAt(b, runeStartBefore(b, j))) {
        j = runeStartBefore(b, j);
      }
      if (j <= 0) {
        break;
      }
      if (max >= 0 && rev.size() >= max) {
        rev.add(b.substring(0, j));
        break;
      }
      int i = j;
      while (i > 0 && !isSpaceAt(b, runeStartBefore(b, i))) {
        i = runeStartBefore(b, i);
      }
      th.checkSize(rev.size() + 1L, "list");
      rev.add(b.substring(i, j));
      j = i;
    }
    for (int k = rev.size() - 1; k >= 0; k--) {
      parts.add(rev.get(k));
    }
  }

  /** {@link Utf8#decode} at byte {@code i}: {@code cp << 3 | size}. */
  private static int runeAt(String b, int i) {
    return Utf8.decode(b, i);
  }

  /** The code point of the rune {@code r} decoded at {@code i}; an invalid byte is {@code -1 - byte}. */
  private static int runeCodePoint(String b, int i, int r) {
    return (r & 7) == 1 && b.charAt(i) >= 0x80 ? -1 - b.charAt(i) : r >>> 3;
  }

  private static boolean isSpaceAt(String b, int i) {
    return isSpace(runeCodePoint(b, i, runeAt(b, i)));
  }

  /** The start of the rune that ends at byte {@code end}: a whole encoding, or a single invalid byte. */
  private static int runeStartBefore(String b, int end) {
    int s = end - 1;
    int k = 0;
    while (s > 0 && k < 3 && (b.charAt(s) & 0xC0) == 0x80) {
      s--;
      k++;
    }
    return s + (runeAt(b, s) & 7) == end ? s : end - 1;
  }

  private static Object splitlines(StarlarkThread th, String b, Arguments a) {
    Object[] args = a.positionalOnly("splitlines", 0, 1);
    boolean keep = args.length > 0 && Ops.truth(args[0]);
    th.chargeBytes(b.length());
    List<Object> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = b.length();
    while (i < n) {
      char c = b.charAt(i);
      if (c == '\n' || c == '\r') {
        int eol = i;
        i += (c == '\r' && i + 1 < n && b.charAt(i + 1) == '\n') ? 2 : 1;
        th.checkSize(out.size() + 1L, "list");
        out.add(str(b.substring(start, keep ? i : eol)));
        start = i;
      } else {
        i++;
      }
    }
    if (start < n) {
      out.add(str(b.substring(start)));
    }
    th.checkSize(out.size(), "list");
    return StarlarkList.wrap(out.toArray());
  }
}
