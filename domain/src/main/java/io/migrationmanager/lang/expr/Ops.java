package io.migrationmanager.lang.expr;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** expr-lang's run-time operations (its {@code runtime} package) over the {@link Values} model. */
final class Ops {
  private Ops() {}

  static EvalError error(String message) {
    return new EvalError(message);
  }

  // ---- conversions
  // ---------------------------------------------------------------------------------

  /** Go's {@code int(float64)} on amd64: NaN and out-of-range values become the minimum int. */
  static long floatToInt(double value) {
    if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
      return Long.MIN_VALUE;
    }
    return (long) value;
  }

  static long toInt(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Double d) {
      return floatToInt(d);
    }
    throw error("invalid operation: int(" + Values.goTypeName(value) + ")");
  }

  static double toFloat(Object value) {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof Long l) {
      return l;
    }
    throw error("invalid operation: float(" + Values.goTypeName(value) + ")");
  }

  /** A condition of {@code and}, {@code or}, {@code ?:}, {@code !} or a predicate. */
  static boolean toBool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw error(
        "interface conversion: interface {} is "
            + (value == null ? "nil" : Values.goTypeName(value))
            + ", not bool");
  }

  /** An operand that Go asserts to be a string. */
  static String asString(Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw error(
        "interface conversion: interface {} is "
            + (value == null ? "nil" : Values.goTypeName(value))
            + ", not string");
  }

  /** Go's {@code %v} of a value. */
  static String format(Object value) {
    return GoFormat.value(value, null);
  }

  // ---- comparison
  // ----------------------------------------------------------------------------------

  static boolean equal(Object a, Object b) {
    return equal(a, b, null, 0);
  }

  /** {@code runtime.Equal}; charges the frame (if any) for the elements of arrays it compares. */
  static boolean equal(Object a, Object b, Frame frame, int depth) {
    if (a instanceof String s) {
      return b instanceof String t && s.equals(t);
    }
    if (a instanceof Long x) {
      if (b instanceof Long y) {
        return x.longValue() == y.longValue();
      }
      return b instanceof Double y && (double) x == y;
    }
    if (a instanceof Double x) {
      if (b instanceof Double y) {
        return x.doubleValue() == y.doubleValue();
      }
      return b instanceof Long y && x == (double) y;
    }
    if (a instanceof Boolean x) {
      return b instanceof Boolean y && x.booleanValue() == y.booleanValue();
    }
    if (a instanceof Instant x) {
      return b instanceof Instant y && x.equals(y);
    }
    if (a instanceof List<?> x
        && b instanceof List<?> y
        && !(a instanceof TypedList)
        && !(b instanceof TypedList)) {
      if (x.size() != y.size()) {
        return false;
      }
      if (depth > Frame.MAX_VALUE_DEPTH) {
        throw error("recursion depth exceeded");
      }
      if (frame != null) {
        frame.step(x.size());
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(Values.norm(x.get(i)), Values.norm(y.get(i)), frame, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (a == null || b == null) {
      return a == b;
    }
    return deepEqual(a, b, 0);
  }

  /** Go's {@code reflect.DeepEqual}: types must match exactly. */
  private static boolean deepEqual(Object a, Object b, int depth) {
    if (depth > Frame.MAX_VALUE_DEPTH) {
      throw error("recursion depth exceeded");
    }
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size() || !Values.goTypeName(a).equals(Values.goTypeName(b))) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!deepEqual(Values.norm(x.get(i)), Values.norm(y.get(i)), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> entry : x.entrySet()) {
        if (!y.containsKey(entry.getKey())
            || !deepEqual(
                Values.norm(entry.getValue()), Values.norm(y.get(entry.getKey())), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return a.getClass() == b.getClass() && a.equals(b);
  }

  /** String order of Go: by code point (UTF-8 bytes). */
  static int compareStrings(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean xs = Character.isSurrogate(x);
        boolean ys = Character.isSurrogate(y);
        if (xs != ys) {
          return xs ? 1 : -1;
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  static final int LESS = 0;
  static final int GREATER = 1;
  static final int LESS_OR_EQUAL = 2;
  static final int GREATER_OR_EQUAL = 3;
  private static final String[] COMPARISONS = {"<", ">", "<=", ">="};

  /** The comparison code of {@code <, >, <=, >=}. */
  static int comparison(String operator) {
    return switch (operator) {
      case "<" -> LESS;
      case ">" -> GREATER;
      case "<=" -> LESS_OR_EQUAL;
      default -> GREATER_OR_EQUAL;
    };
  }

  /**
   * {@code <, >, <=, >=} (by {@link #comparison} code) between numbers, strings or times; anything
   * else fails with expr-lang's "invalid operation". NaN is unordered: every comparison with it is
   * false.
   */
  static boolean compare(int operator, Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return test(operator, Long.compare(x, y));
    }
    if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      return switch (operator) {
        case LESS -> x < y;
        case GREATER -> x > y;
        case LESS_OR_EQUAL -> x <= y;
        default -> x >= y;
      };
    }
    if (a instanceof String x && b instanceof String y) {
      return test(operator, compareStrings(x, y));
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return test(operator, x.compareTo(y));
    }
    throw error(
        "invalid operation: "
            + Values.goTypeName(a)
            + " "
            + COMPARISONS[operator]
            + " "
            + Values.goTypeName(b));
  }

  private static boolean test(int operator, int order) {
    return switch (operator) {
      case LESS -> order < 0;
      case GREATER -> order > 0;
      case LESS_OR_EQUAL -> order <= 0;
      default -> order >= 0;
    };
  }

  /** {@code runtime.Less} for sorting: {@code a < b}. */
  static boolean less(Object a, Object b) {
    return compare(LESS, a, b);
  }

  // ---- arithmetic
  // ----------------------------------------------------------------------------------

  static Object add(Object a, Object b, Frame frame) {
    if (a instanceof Long x && b instanceof Long y) {
      return x + y;
    }
    if (a instanceof String x && b instanceof String y) {
      frame.chars((long) x.length() + y.length());
      return x.concat(y);
    }
    if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
      return ((Number) a).doubleValue() + ((Number) b).doubleValue();
    }
    throw invalid(a, "+", b);
  }

  static Object subtract(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return x - y;
    }
    if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
      return ((Number) a).doubleValue() - ((Number) b).doubleValue();
    }
    throw invalid(a, "-", b);
  }

  static Object multiply(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return x * y;
    }
    if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
      return ((Number) a).doubleValue() * ((Number) b).doubleValue();
    }
    throw invalid(a, "*", b);
  }

  static Object divide(Object a, Object b) {
    if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
      return ((Number) a).doubleValue() / ((Number) b).doubleValue();
    }
    throw invalid(a, "/", b);
  }

  static Object modulo(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      if (y == 0) {
        throw error("runtime error: integer divide by zero");
      }
      return x % y;
    }
    throw invalid(a, "%", b);
  }

  static Object exponent(Object a, Object b) {
    return pow(toFloat(a), toFloat(b));
  }

  /** Go's {@code math.Pow} special cases where Java's differs. */
  static double pow(double x, double y) {
    if (x == 1 || y == 0) {
      return 1;
    }
    if (x == -1 && Double.isInfinite(y)) {
      return 1;
    }
    return Math.pow(x, y);
  }

  static Object negate(Object value) {
    if (value instanceof Long l) {
      return -l;
    }
    if (value instanceof Double d) {
      return -d;
    }
    throw error("invalid operation: - " + Values.goTypeName(value));
  }

  private static EvalError invalid(Object a, String operator, Object b) {
    return error(
        "invalid operation: " + Values.goTypeName(a) + " " + operator + " " + Values.goTypeName(b));
  }

  // ---- ranges, membership, indexing
  // ----------------------------------------------------------------

  /** The ints from {@code min} to {@code max} inclusive, without materialising them. */
  static List<Object> range(long min, long max, Frame frame) {
    long size = max - min + 1;
    if (size <= 0) {
      size = 0;
    }
    frame.memGrow(size);
    int length = (int) size;
    return new AbstractList<>() {
      @Override
      public Object get(int index) {
        Objects.checkIndex(index, length);
        return min + index;
      }

      @Override
      public int size() {
        return length;
      }
    };
  }

  static boolean in(Object needle, Object haystack, Frame frame) {
    if (haystack == null) {
      return false;
    }
    if (haystack instanceof List<?> list) {
      frame.step(list.size());
      for (Object element : list) {
        if (equal(Values.norm(element), needle, frame, 0)) {
          return true;
        }
      }
      return false;
    }
    if (haystack instanceof Map<?, ?> map) {
      return map.containsKey(mapKey(map, needle));
    }
    if (haystack instanceof byte[] bytes) {
      for (byte b : bytes) {
        if (equal((long) (b & 0xFF), needle)) {
          return true;
        }
      }
      return false;
    }
    if (Values.isStruct(haystack) && frame.accessor.supports(haystack.getClass())) {
      if (!(needle instanceof String name)) {
        throw error(
            "cannot use "
                + Values.goTypeName(needle)
                + " as field name of "
                + Values.goTypeName(haystack));
      }
      return frame.accessor.reader(haystack.getClass(), name) != null;
    }
    throw error("operator \"in\" not defined on " + Values.goTypeName(haystack));
  }

  /** Missing-key marker for {@link #fetch}. */
  static final Object MISSING = new Object();

  /**
   * {@code runtime.Fetch}: a map entry ({@link #MISSING} when absent), an array or string element
   * (negative indexes count from the end), or a struct field.
   */
  static Object fetch(Object from, Object key, Frame frame) {
    if (from instanceof Map<?, ?> map) {
      Object mapKey = mapKey(map, key);
      Object value = map.get(mapKey);
      if (value == null && !map.containsKey(mapKey)) {
        return MISSING;
      }
      return Values.norm(value);
    }
    if (from instanceof List<?> list) {
      return Values.norm(list.get(index(key, list.size())));
    }
    if (from instanceof String s) {
      byte[] bytes = utf8(s);
      return (long) (bytes[index(key, bytes.length)] & 0xFF);
    }
    if (from instanceof byte[] bytes) {
      return (long) (bytes[index(key, bytes.length)] & 0xFF);
    }
    if (from != null && Values.isStruct(from) && frame.accessor.supports(from.getClass())) {
      if (!(key instanceof String name)) {
        throw error(
            "interface conversion: interface {} is " + Values.goTypeName(key) + ", not string");
      }
      ObjectAccessor.FieldReader reader = frame.accessor.reader(from.getClass(), name);
      if (reader != null) {
        return Values.norm(reader.read(from));
      }
    }
    throw error("cannot fetch " + format(key) + " from " + Values.goTypeName(from));
  }

  /**
   * The key to look a value up with: maps with string keys (all but those {@code groupBy} and
   * {@code fromPairs} build) reject other keys as Go's reflection does, and look nil up as "".
   */
  static Object mapKey(Map<?, ?> map, Object key) {
    if (key instanceof String || map instanceof AnyKeyMap) {
      return key;
    }
    if (!map.isEmpty() && !(map.keySet().iterator().next() instanceof String)) {
      return key;
    }
    if (key == null) {
      return "";
    }
    throw error(
        "reflect.Value.MapIndex: value of type "
            + Values.goTypeName(key)
            + " is not assignable to type string");
  }

  private static int index(Object key, int length) {
    long i = toInt(key);
    if (i < 0) {
      i += length;
    }
    if (i < 0 || i >= length) {
      throw error("index out of range: " + i + " (array length is " + length + ")");
    }
    return (int) i;
  }

  /**
   * Charges the worst-case cost of searching {@code needle} characters in {@code haystack} ones.
   */
  static void searchCost(Frame frame, long haystack, long needle) {
    frame.step(haystack * Math.max(1, needle) / 64);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Go's byte length of a string. */
  static int byteLength(String s) {
    return isAscii(s) ? s.length() : utf8(s).length;
  }

  /** {@code runtime.Slice}: bounds are clamped; strings are sliced by UTF-8 bytes as in Go. */
  static Object slice(Object value, Object lower, Object upper) {
    int length;
    if (value instanceof List<?> list) {
      length = list.size();
    } else if (value instanceof String s) {
      length = byteLength(s);
    } else if (value instanceof byte[] bytes) {
      length = bytes.length;
    } else {
      throw error("cannot slice " + format(lower));
    }
    long a = toInt(lower);
    long b = toInt(upper);
    if (a < 0) {
      a = length + a;
    }
    if (a < 0) {
      a = 0;
    }
    if (b < 0) {
      b = length + b;
    }
    if (b < 0) {
      b = 0;
    }
    if (b > length) {
      b = length;
    }
    if (a > b) {
      a = b;
    }
    int from = (int) a;
    int to = (int) b;
    if (value instanceof List<?> list) {
      return list.subList(from, to);
    }
    if (value instanceof byte[] bytes) {
      return Arrays.copyOfRange(bytes, from, to);
    }
    String s = (String) value;
    if (isAscii(s)) {
      return s.substring(from, to);
    }
    return new String(Arrays.copyOfRange(utf8(s), from, to), StandardCharsets.UTF_8);
  }

  /** {@code len()}: runes of a string, elements of an array or map. */
  static long length(Object value) {
    if (value instanceof String s) {
      return s.codePointCount(0, s.length());
    }
    if (value instanceof List<?> list) {
      return list.size();
    }
    if (value instanceof Map<?, ?> map) {
      return map.size();
    }
    if (value instanceof byte[] bytes) {
      return bytes.length;
    }
    throw error("invalid argument for len (type " + Values.goTypeName(value) + ")");
  }

  /** Go's {@code len()} of a slice's operand (strings in bytes). */
  static long byteOrElementLength(Object value) {
    if (value instanceof String s) {
      return byteLength(s);
    }
    if (value instanceof List<?> list) {
      return list.size();
    }
    if (value instanceof Map<?, ?> map) {
      return map.size();
    }
    if (value instanceof byte[] bytes) {
      return bytes.length;
    }
    throw error("invalid argument for len (type " + Values.goTypeName(value) + ")");
  }
}
