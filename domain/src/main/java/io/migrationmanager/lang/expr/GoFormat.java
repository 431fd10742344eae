package io.migrationmanager.lang.expr;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Go's {@code fmt.Sprintf("%v", value)} for the run-time value model. */
final class GoFormat {
  private GoFormat() {}

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /**
   * Formats a value; structs are read through {@code accessor} (printed as their type when null).
   */
  static String value(Object value, ObjectAccessor accessor) {
    StringBuilder out = new StringBuilder();
    append(out, value, accessor, 0);
    return out.toString();
  }

  private static void check(StringBuilder out, int depth) {
    if (out.length() > Frame.MAX_STRING_LENGTH) {
      throw new EvalError("memory budget exceeded");
    }
    if (depth > Frame.MAX_VALUE_DEPTH) {
      throw new EvalError("recursion depth exceeded");
    }
  }

  private static void append(StringBuilder out, Object value, ObjectAccessor accessor, int depth) {
    check(out, depth);
    if (value == null) {
      out.append("<nil>");
    } else if (value instanceof Double d) {
      out.append(GoText.formatFloat(d));
    } else if (value instanceof String || value instanceof Long || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        append(out, Values.norm(list.get(i)), accessor, depth + 1);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append("map[");
      boolean first = true;
      for (Object key : sortedKeys(map)) {
        if (!first) {
          out.append(' ');
        }
        first = false;
        append(out, Values.norm(key), accessor, depth + 1);
        out.append(':');
        append(out, Values.norm(map.get(key)), accessor, depth + 1);
      }
      out.append(']');
    } else if (value instanceof byte[] bytes) {
      out.append('[');
      for (int i = 0; i < bytes.length; i++) {
        if (i > 0) {
          out.append(' ');
        }
        out.append(bytes[i] & 0xFF);
      }
      out.append(']');
    } else if (value instanceof Instant instant) {
      out.append(time(instant));
    } else if (accessor != null && accessor.supports(value.getClass())) {
      out.append('{');
      boolean first = true;
      for (String field : accessor.fieldNames(value.getClass())) {
        if (!first) {
          out.append(' ');
        }
        first = false;
        ObjectAccessor.FieldReader reader = accessor.reader(value.getClass(), field);
        append(out, reader == null ? null : Values.norm(reader.read(value)), accessor, depth + 1);
      }
      out.append('}');
    } else {
      out.append(Values.norm(value));
    }
  }

  /** Go's {@code time.Time.String()} in UTC: {@code 2006-01-02 15:04:05.999999999 +0000 UTC}. */
  static String time(Instant instant) {
    StringBuilder out = new StringBuilder(SECONDS.format(instant));
    int nanos = instant.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(fraction, 0, end);
    }
    return out.append(" +0000 UTC").toString();
  }

  /** Map keys in the order Go's {@code fmt} prints them: by kind, then by value. */
  static List<Object> sortedKeys(Map<?, ?> map) {
    List<Object> keys = new ArrayList<>(map.keySet());
    keys.sort(KEY_ORDER);
    return keys;
  }

  private static int rank(Object key) {
    if (key == null) {
      return 0;
    }
    if (key instanceof Boolean) {
      return 1;
    }
    if (key instanceof Long || key instanceof Integer) {
      return 2;
    }
    if (key instanceof Double || key instanceof Float) {
      return 3;
    }
    if (key instanceof String) {
      return 4;
    }
    return 5;
  }

  static final Comparator<Object> KEY_ORDER =
      (a, b) -> {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
          return Integer.compare(ra, rb);
        }
        return switch (ra) {
          case 1 -> Boolean.compare((Boolean) a, (Boolean) b);
          case 2 -> Long.compare(((Number) a).longValue(), ((Number) b).longValue());
          case 3 -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
          case 4 -> Ops.compareStrings((String) a, (String) b);
          default -> 0;
        };
      };
}
