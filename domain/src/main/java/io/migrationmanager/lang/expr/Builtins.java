package io.migrationmanager.lang.expr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Run-time implementations of expr-lang's builtins that take plain arguments. */
final class Builtins {
  private Builtins() {}

  /** Every builtin name expr-lang knows (calls of these names are builtin calls). */
  private static final Set<String> NAMES =
      Set.of(
          "all",
          "none",
          "any",
          "one",
          "filter",
          "map",
          "find",
          "findIndex",
          "findLast",
          "findLastIndex",
          "count",
          "sum",
          "groupBy",
          "sortBy",
          "reduce",
          "len",
          "type",
          "abs",
          "ceil",
          "floor",
          "round",
          "int",
          "float",
          "string",
          "trim",
          "trimPrefix",
          "trimSuffix",
          "upper",
          "lower",
          "split",
          "splitAfter",
          "replace",
          "repeat",
          "join",
          "indexOf",
          "lastIndexOf",
          "hasPrefix",
          "hasSuffix",
          "max",
          "min",
          "mean",
          "median",
          "toJSON",
          "fromJSON",
          "toBase64",
          "fromBase64",
          "now",
          "duration",
          "date",
          "timezone",
          "first",
          "last",
          "get",
          "take",
          "keys",
          "values",
          "toPairs",
          "fromPairs",
          "reverse",
          "uniq",
          "concat",
          "flatten",
          "sort",
          "bitand",
          "bitor",
          "bitxor",
          "bitnand",
          "bitshl",
          "bitshr",
          "bitushr",
          "bitnot");

  private static final Pattern GO_FLOAT =
      Pattern.compile(
          "[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?"
              + "|0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+)");
  private static final Pattern GO_INT = Pattern.compile("[+-]?\\d+");

  static boolean isBuiltin(String name) {
    return NAMES.contains(name);
  }

  /** Fewest and most arguments of each plain builtin; -1: no maximum. */
  private static final Map<String, int[]> ARITY =
      Map.ofEntries(
          Map.entry("len", new int[] {1, 1}), Map.entry("type", new int[] {1, 1}),
          Map.entry("abs", new int[] {1, 1}), Map.entry("ceil", new int[] {1, 1}),
          Map.entry("floor", new int[] {1, 1}), Map.entry("round", new int[] {1, 1}),
          Map.entry("int", new int[] {1, 1}), Map.entry("float", new int[] {1, 1}),
          Map.entry("string", new int[] {1, 1}), Map.entry("upper", new int[] {1, 1}),
          Map.entry("lower", new int[] {1, 1}), Map.entry("toJSON", new int[] {1, 1}),
          Map.entry("fromJSON", new int[] {1, 1}), Map.entry("toBase64", new int[] {1, 1}),
          Map.entry("fromBase64", new int[] {1, 1}), Map.entry("first", new int[] {1, 1}),
          Map.entry("last", new int[] {1, 1}), Map.entry("keys", new int[] {1, 1}),
          Map.entry("values", new int[] {1, 1}), Map.entry("toPairs", new int[] {1, 1}),
          Map.entry("fromPairs", new int[] {1, 1}), Map.entry("reverse", new int[] {1, 1}),
          Map.entry("uniq", new int[] {1, 1}), Map.entry("flatten", new int[] {1, 1}),
          Map.entry("bitnot", new int[] {1, 1}), Map.entry("trim", new int[] {1, 2}),
          Map.entry("trimPrefix", new int[] {1, 2}), Map.entry("trimSuffix", new int[] {1, 2}),
          Map.entry("join", new int[] {1, 2}), Map.entry("sort", new int[] {1, 2}),
          Map.entry("split", new int[] {2, 3}), Map.entry("splitAfter", new int[] {2, 3}),
          Map.entry("replace", new int[] {3, 4}), Map.entry("repeat", new int[] {2, 2}),
          Map.entry("indexOf", new int[] {2, 2}), Map.entry("lastIndexOf", new int[] {2, 2}),
          Map.entry("hasPrefix", new int[] {2, 2}), Map.entry("hasSuffix", new int[] {2, 2}),
          Map.entry("get", new int[] {2, 2}), Map.entry("take", new int[] {2, 2}),
          Map.entry("bitand", new int[] {2, 2}), Map.entry("bitor", new int[] {2, 2}),
          Map.entry("bitxor", new int[] {2, 2}), Map.entry("bitnand", new int[] {2, 2}),
          Map.entry("bitshl", new int[] {2, 2}), Map.entry("bitshr", new int[] {2, 2}),
          Map.entry("bitushr", new int[] {2, 2}), Map.entry("max", new int[] {1, -1}),
          Map.entry("min", new int[] {1, -1}), Map.entry("mean", new int[] {1, -1}),
          Map.entry("median", new int[] {1, -1}), Map.entry("concat", new int[] {1, -1}));

  /**
   * Calls a builtin. The argument count is checked again here: calls nested in the arguments of a
   * call whose callee is unknown are not checked at compile time (as in expr-lang).
   */
  static Object call(String name, List<Object> args, Frame frame) {
    int[] arity = ARITY.get(name);
    if (arity == null) {
      throw new EvalError("builtin " + name + " is not supported");
    }
    int n = args.size();
    if (n < arity[0] || (arity[1] >= 0 && n > arity[1])) {
      String expected =
          arity[1] < 0
              ? "at least " + arity[0]
              : arity[0] == arity[1] ? String.valueOf(arity[0]) : arity[0] + " or " + arity[1];
      throw new EvalError(
          "invalid number of arguments for "
              + name
              + " (expected "
              + expected
              + ", got "
              + n
              + ")");
    }
    return switch (name) {
      case "len" -> Ops.length(args.get(0));
      case "type" -> Values.typeName(args.get(0));
      case "abs" -> abs(args.get(0));
      case "ceil", "floor", "round" -> rounding(name, args.get(0));
      case "int" -> toInt(args.get(0));
      case "float" -> toFloat(args.get(0));
      case "string" -> GoFormat.value(args.get(0), frame.accessor);
      case "trim" ->
          args.size() == 1
              ? trimSpace(Ops.asString(args.get(0)))
              : trim(Ops.asString(args.get(0)), Ops.asString(args.get(1)), frame);
      case "trimPrefix", "trimSuffix" -> trimAffix(name, args);
      case "upper" -> changeCase(Ops.asString(args.get(0)), true);
      case "lower" -> changeCase(Ops.asString(args.get(0)), false);
      case "split", "splitAfter" -> split(name, args, frame);
      case "replace" -> replace(args, frame);
      case "repeat" -> repeat(args, frame);
      case "join" -> join(args);
      case "indexOf" -> indexOf(Ops.asString(args.get(0)), Ops.asString(args.get(1)), false, frame);
      case "lastIndexOf" ->
          indexOf(Ops.asString(args.get(0)), Ops.asString(args.get(1)), true, frame);
      case "hasPrefix" -> Ops.asString(args.get(0)).startsWith(Ops.asString(args.get(1)));
      case "hasSuffix" -> Ops.asString(args.get(0)).endsWith(Ops.asString(args.get(1)));
      case "max" -> Aggregates.minMax("max", args);
      case "min" -> Aggregates.minMax("min", args);
      case "mean" -> Aggregates.mean(args);
      case "median" -> Aggregates.median(args);
      case "toJSON" -> Json.encode(args.get(0), frame.accessor);
      case "fromJSON" -> Json.decode(Ops.asString(args.get(0)), frame);
      case "toBase64" -> base64(Ops.asString(args.get(0)));
      case "fromBase64" -> fromBase64(Ops.asString(args.get(0)));
      case "first" -> firstOrLast(args.get(0), 0L, frame);
      case "last" -> firstOrLast(args.get(0), -1L, frame);
      case "take" -> take(args.get(0), args.get(1), frame);
      case "keys", "values" -> keysOrValues(name, args.get(0), frame);
      case "toPairs" -> toPairs(args.get(0), frame);
      case "fromPairs" -> fromPairs(args.get(0));
      case "reverse" -> reverse(args.get(0), frame);
      case "uniq" -> uniq(args.get(0), frame);
      case "concat" -> concat(args, frame);
      case "flatten" -> flatten(args.get(0), frame);
      case "sort" -> Aggregates.sort(args, frame);
      case "get" -> get(args.get(0), args.get(1), frame);
      case "bitand", "bitor", "bitxor", "bitnand", "bitshl", "bitshr", "bitushr" ->
          bits(name, args);
      case "bitnot" -> ~bitArgument(args.get(0), name);
      default -> throw new EvalError("builtin " + name + " is not supported");
    };
  }

  private static String kindName(Object value) {
    if (value == null) {
      return "invalid";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "float64";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof List || value instanceof byte[]) {
      return "slice";
    }
    if (value instanceof Map) {
      return "map";
    }
    return "struct";
  }

  private static Object abs(Object x) {
    if (x instanceof Long l) {
      return l < 0 ? -l : l;
    }
    if (x instanceof Double d) {
      return d < 0 ? -d : d;
    }
    throw new EvalError("invalid argument for abs (type " + Values.goTypeName(x) + ")");
  }

  private static Object rounding(String name, Object x) {
    double value;
    if (x instanceof Double d) {
      value = d;
    } else if (x instanceof Long l) {
      return (double) l;
    } else {
      throw new EvalError("invalid argument for " + name + " (type " + Values.goTypeName(x) + ")");
    }
    return switch (name) {
      case "ceil" -> Math.ceil(value);
      case "floor" -> Math.floor(value);
      default -> roundHalfAwayFromZero(value);
    };
  }

  /** Go's {@code math.Round}. */
  static double roundHalfAwayFromZero(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double magnitude = Math.abs(x);
    double whole = Math.floor(magnitude);
    if (magnitude - whole >= 0.5) {
      whole += 1;
    }
    return Math.copySign(whole, x);
  }

  private static Object toInt(Object x) {
    if (x instanceof Long) {
      return x;
    }
    if (x instanceof Double d) {
      return Ops.floatToInt(d);
    }
    if (x instanceof String s) {
      if (GO_INT.matcher(s).matches()) {
        try {
          return Long.parseLong(s);
        } catch (NumberFormatException e) {
          // out of range, reported below
        }
      }
      throw new EvalError("invalid operation: int(" + s + ")");
    }
    throw new EvalError("invalid operation: int(" + Values.goTypeName(x) + ")");
  }

  private static Object toFloat(Object x) {
    if (x instanceof Double) {
      return x;
    }
    if (x instanceof Long l) {
      return (double) l;
    }
    if (x instanceof String s) {
      Double parsed = parseGoFloat(s);
      if (parsed == null) {
        throw new EvalError("invalid operation: float(" + s + ")");
      }
      return parsed;
    }
    throw new EvalError("invalid operation: float(" + Values.goTypeName(x) + ")");
  }

  /** Go's {@code strconv.ParseFloat(s, 64)}; {@code null} on a syntax or range error. */
  static Double parseGoFloat(String s) {
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    boolean negative = lower.startsWith("-");
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    String digits = s;
    if (s.indexOf('_') >= 0) {
      if (!underscoresOk(unsigned)) {
        return null;
      }
      digits = s.replace("_", "");
    }
    if (!GO_FLOAT.matcher(digits).matches()) {
      return null;
    }
    double value = Double.parseDouble(digits);
    return Double.isInfinite(value) ? null : value;
  }

  /** Go's rule for underscores in number literals: only between digits or after a base prefix. */
  private static boolean underscoresOk(String unsigned) {
    boolean hex = unsigned.startsWith("0x");
    boolean prefixed = hex || unsigned.startsWith("0b") || unsigned.startsWith("0o");
    char previous = prefixed ? '0' : '^';
    for (int i = prefixed ? 2 : 0; i < unsigned.length(); i++) {
      char c = unsigned.charAt(i);
      boolean digit = (c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f');
      if (digit) {
        previous = '0';
      } else if (c == '_') {
        if (previous != '0') {
          return false;
        }
        previous = '_';
      } else {
        if (previous == '_') {
          return false;
        }
        previous = '!';
      }
    }
    return previous != '_';
  }

  /** Go's {@code strings.TrimSpace}. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && GoText.isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && GoText.isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static String base64(String s) {
    Frame.checkLength(s.length() * 2L);
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String trim(String s, String cutset, Frame frame) {
    Ops.searchCost(frame, s.length(), cutset.length());
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static String trimAffix(String name, List<Object> args) {
    String s = Ops.asString(args.get(0));
    String affix = args.size() == 2 ? Ops.asString(args.get(1)) : " ";
    if (name.equals("trimPrefix")) {
      return s.startsWith(affix) ? s.substring(affix.length()) : s;
    }
    return s.endsWith(affix) ? s.substring(0, s.length() - affix.length()) : s;
  }

  /** Go's {@code strings.ToUpper/ToLower}: simple (one-to-one) case mapping per code point. */
  private static String changeCase(String s, boolean upper) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> out.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c)));
    return out.toString();
  }

  private static List<Object> split(String name, List<Object> args, Frame frame) {
    String s = Ops.asString(args.get(0));
    String separator = Ops.asString(args.get(1));
    long n = args.size() == 3 ? Ops.toInt(args.get(2)) : -1;
    boolean after = name.equals("splitAfter");
    List<Object> parts = new ArrayList<>();
    if (n == 0) {
      return parts;
    }
    Ops.searchCost(frame, s.length(), separator.length());
    frame.chars(s.length());
    if (separator.isEmpty()) {
      int runes = s.codePointCount(0, s.length());
      long limit = n < 0 || n > runes ? runes : n;
      frame.step(limit);
      int at = 0;
      for (long i = 0; i < limit - 1; i++) {
        int next = s.offsetByCodePoints(at, 1);
        parts.add(s.substring(at, next));
        at = next;
      }
      if (limit > 0) {
        parts.add(s.substring(at));
      }
      frame.memGrow(parts.size());
      return parts;
    }
    int at = 0;
    while (n < 0 || parts.size() < n - 1) {
      int found = s.indexOf(separator, at);
      if (found < 0) {
        break;
      }
      parts.add(s.substring(at, after ? found + separator.length() : found));
      at = found + separator.length();
    }
    parts.add(s.substring(at));
    frame.memGrow(parts.size());
    return parts;
  }

  private static String replace(List<Object> args, Frame frame) {
    String s = Ops.asString(args.get(0));
    String old = Ops.asString(args.get(1));
    String replacement = Ops.asString(args.get(2));
    long n = args.size() == 4 ? Ops.toInt(args.get(3)) : -1;
    Ops.searchCost(frame, s.length(), old.length());
    StringBuilder out = new StringBuilder();
    int at = 0;
    long done = 0;
    while (n < 0 || done < n) {
      int found;
      if (old.isEmpty()) {
        if (done == 0) {
          found = 0;
        } else if (at < s.length()) {
          found = s.offsetByCodePoints(at, 1);
        } else {
          break;
        }
      } else {
        found = s.indexOf(old, at);
        if (found < 0) {
          break;
        }
      }
      Frame.checkLength((long) out.length() + (found - at) + replacement.length());
      out.append(s, at, found).append(replacement);
      at = found + old.length();
      done++;
    }
    Frame.checkLength((long) out.length() + s.length() - at);
    return out.append(s, at, s.length()).toString();
  }

  private static String repeat(List<Object> args, Frame frame) {
    String s = Ops.asString(args.get(0));
    long n = Ops.toInt(args.get(1));
    if (n < 0) {
      throw new EvalError("invalid argument for repeat (expected positive integer, got " + n + ")");
    }
    if (n > 1_000_000) {
      throw new EvalError("memory budget exceeded");
    }
    frame.memGrow(Ops.byteLength(s) * n);
    Frame.checkLength(s.length() * n);
    return s.repeat((int) n);
  }

  private static String join(List<Object> args) {
    String glue = args.size() == 2 ? Ops.asString(args.get(1)) : "";
    if (!(args.get(0) instanceof List<?> list)) {
      throw new EvalError(
          "invalid argument for join (type " + Values.goTypeName(args.get(0)) + ")");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      String part = Ops.asString(Values.norm(list.get(i)));
      Frame.checkLength((long) out.length() + part.length() + glue.length());
      if (i > 0) {
        out.append(glue);
      }
      out.append(part);
    }
    return out.toString();
  }

  /** Go's {@code strings.Index/LastIndex}: byte offsets. */
  private static long indexOf(String s, String sub, boolean last, Frame frame) {
    Ops.searchCost(frame, s.length(), sub.length());
    int found = last ? s.lastIndexOf(sub) : s.indexOf(sub);
    if (found <= 0 || Ops.isAscii(s)) {
      return found;
    }
    return Ops.byteLength(s.substring(0, found));
  }

  private static String fromBase64(String s) {
    int problem = base64Problem(s);
    if (problem >= 0) {
      throw new EvalError("illegal base64 data at input byte " + problem);
    }
    byte[] bytes = Base64.getMimeDecoder().decode(s);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static boolean inAlphabet(char c) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '+'
        || c == '/';
  }

  /** The offset Go's standard base64 decoder reports as corrupt, or -1 when the input is valid. */
  private static int base64Problem(String src) {
    int si = 0;
    int n = src.length();
    while (true) {
      int j = 0;
      while (j < 4) {
        if (si == n) {
          if (j == 0) {
            return -1;
          }
          return si - j;
        }
        char in = src.charAt(si++);
        if (inAlphabet(in)) {
          j++;
          continue;
        }
        if (in == '\n' || in == '\r') {
          continue;
        }
        if (in != '=') {
          return si - 1;
        }
        if (j == 0 || j == 1) {
          return si - 1;
        }
        if (j == 2) {
          while (si < n && (src.charAt(si) == '\n' || src.charAt(si) == '\r')) {
            si++;
          }
          if (si == n) {
            return n;
          }
          if (src.charAt(si) != '=') {
            return si - 1;
          }
          si++;
        }
        while (si < n && (src.charAt(si) == '\n' || src.charAt(si) == '\r')) {
          si++;
        }
        return si < n ? si : -1;
      }
    }
  }

  private static Object firstOrLast(Object array, long index, Frame frame) {
    try {
      Object value = Ops.fetch(array, index, frame);
      return value == Ops.MISSING ? null : value;
    } catch (EvalError e) {
      return null;
    }
  }

  private static Object take(Object array, Object count, Frame frame) {
    if (!(array instanceof List<?> list)) {
      throw new EvalError("cannot take from " + kindName(array));
    }
    if (!(count instanceof Long n)) {
      throw new EvalError("cannot take " + kindName(count) + " elements");
    }
    if (n < 0) {
      throw new EvalError("reflect.Value.Slice: slice index out of bounds");
    }
    int size = (int) Math.min(n, list.size());
    frame.memGrow(size);
    return new ArrayList<>(list.subList(0, size));
  }

  private static List<Object> keysOrValues(String name, Object value, Frame frame) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new EvalError("cannot get " + name + " from " + kindName(value));
    }
    frame.memGrow(map.size());
    List<Object> out = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.add(Values.norm(name.equals("keys") ? entry.getKey() : entry.getValue()));
    }
    return out;
  }

  private static List<Object> toPairs(Object value, Frame frame) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new EvalError("cannot transform " + kindName(value) + " to pairs");
    }
    frame.memGrow(map.size() * 3L);
    List<Object> out = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      List<Object> pair = Arrays.asList(Values.norm(entry.getKey()), Values.norm(entry.getValue()));
      out.add(new TypedList(pair, "[2]interface {}"));
    }
    return new TypedList(out, "[][2]interface {}");
  }

  private static Map<Object, Object> fromPairs(Object value) {
    if (!(value instanceof List<?> list)) {
      throw new EvalError("cannot transform " + Ops.format(value) + " from pairs");
    }
    Map<Object, Object> out = new AnyKeyMap("map[interface {}]interface {}");
    for (Object element : list) {
      Object pair = Values.norm(element);
      if (!(pair instanceof List<?> items)) {
        throw new EvalError("invalid pair " + Ops.format(pair));
      }
      if (items.size() != 2) {
        throw new EvalError("invalid pair length " + Ops.format(pair));
      }
      out.put(Values.norm(items.get(0)), Values.norm(items.get(1)));
    }
    return out;
  }

  private static List<Object> reverse(Object value, Frame frame) {
    if (!(value instanceof List<?> list)) {
      throw new EvalError("cannot reverse " + kindName(value));
    }
    List<Object> out = new ArrayList<>(list.size());
    for (int i = list.size() - 1; i >= 0; i--) {
      out.add(list.get(i));
    }
    frame.memGrow(list.size());
    return out;
  }

  private static List<Object> uniq(Object value, Frame frame) {
    if (!(value instanceof List<?> list)) {
      throw new EvalError("cannot uniq " + kindName(value));
    }
    List<Object> out = new ArrayList<>();
    for (Object element : list) {
      Object item = Values.norm(element);
      frame.step(out.size() + 1);
      boolean seen = false;
      for (Object kept : out) {
        if (Ops.equal(item, kept, frame, 0)) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        out.add(item);
      }
    }
    return out;
  }

  private static List<Object> concat(List<Object> args, Frame frame) {
    List<Object> out = new ArrayList<>();
    for (Object arg : args) {
      if (!(arg instanceof List<?> list)) {
        throw new EvalError("cannot concat " + kindName(arg));
      }
      frame.memGrow(list.size());
      out.addAll(list);
    }
    return out;
  }

  private static List<Object> flatten(Object value, Frame frame) {
    if (!(value instanceof List<?> list)) {
      throw new EvalError("cannot flatten " + kindName(value));
    }
    List<Object> out = new ArrayList<>();
    flattenInto(list, out, frame, 0);
    frame.memGrow(out.size());
    return out;
  }

  private static void flattenInto(List<?> list, List<Object> out, Frame frame, int depth) {
    if (depth > Frame.MAX_VALUE_DEPTH) {
      throw new EvalError("recursion depth exceeded");
    }
    frame.step(list.size());
    for (Object element : list) {
      Object item = Values.norm(element);
      if (item instanceof List<?> nested) {
        flattenInto(nested, out, frame, depth + 1);
      } else {
        out.add(item);
      }
    }
  }

  private static Object get(Object from, Object key, Frame frame) {
    if (from == null) {
      return null;
    }
    if (from instanceof List<?> || from instanceof String || from instanceof byte[]) {
      long index = Ops.toInt(key);
      long length =
          from instanceof List<?> list
              ? list.size()
              : from instanceof String s ? Ops.byteLength(s) : ((byte[]) from).length;
      if (index < 0) {
        index += length;
      }
      if (index < 0 || index >= length) {
        return null;
      }
      return Ops.fetch(from, index, frame);
    }
    if (from instanceof Map<?, ?>) {
      Object value = Ops.fetch(from, key, frame);
      return value == Ops.MISSING ? null : value;
    }
    if (Values.isStruct(from) && frame.accessor.supports(from.getClass())) {
      if (!(key instanceof String name)) {
        throw new EvalError(
            "interface conversion: interface {} is " + Values.goTypeName(key) + ", not string");
      }
      ObjectAccessor.FieldReader reader = frame.accessor.reader(from.getClass(), name);
      return reader == null ? null : Values.norm(reader.read(from));
    }
    return null;
  }

  private static long bitArgument(Object value, String name) {
    if (value instanceof Long l) {
      return l;
    }
    throw new EvalError(
        "cannot use " + Values.goTypeName(value) + " as argument (type int) to call " + name);
  }

  private static long bits(String name, List<Object> args) {
    long x = bitArgument(args.get(0), name);
    long y = bitArgument(args.get(1), name);
    switch (name) {
      case "bitand" -> {
        return x & y;
      }
      case "bitor" -> {
        return x | y;
      }
      case "bitxor" -> {
        return x ^ y;
      }
      case "bitnand" -> {
        return x & ~y;
      }
      default -> {
        if (y < 0) {
          throw new EvalError("invalid operation: negative shift count " + y + " (type int)");
        }
        return switch (name) {
          case "bitshl" -> y >= 64 ? 0 : x << y;
          case "bitshr" -> y >= 64 ? (x < 0 ? -1 : 0) : x >> y;
          default -> y >= 64 ? 0 : x >>> y;
        };
      }
    }
  }
}
