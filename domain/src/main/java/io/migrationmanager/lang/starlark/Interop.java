package io.migrationmanager.lang.starlark;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Conversions between Java objects and Starlark values (see {@link Starlark#fromJava}). */
final class Interop {
  private static final int MAX_DEPTH = 200;

  private static final ClassValue<Method> JSON_VALUE =
      new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
          for (Method m : type.getMethods()) {
            JsonValue jv = m.getAnnotation(JsonValue.class);
            if (jv != null && jv.value() && m.getParameterCount() == 0) {
              m.trySetAccessible();
              return m;
            }
          }
          return null;
        }
      };

  private Interop() {}

  static Object fromJava(Object o) {
    return fromJava(o, 0);
  }

  private static Object fromJava(Object o, int depth) {
    if (o == null) {
      return NoneType.NONE;
    }
    if (o instanceof StarlarkValue || o instanceof Boolean || o instanceof Long || o instanceof Double) {
      return o;
    }
    if (depth > MAX_DEPTH) {
      throw new EvalException("value nested too deeply to convert to Starlark");
    }
    if (o instanceof CharSequence) {
      return StarlarkString.of(o.toString());
    }
    if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
      return ((Number) o).longValue();
    }
    if (o instanceof BigInteger) {
      BigInteger b = (BigInteger) o;
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
    if (o instanceof Float) {
      return ((Float) o).doubleValue();
    }
    if (o instanceof BigDecimal) {
      return ((BigDecimal) o).doubleValue();
    }
    if (o instanceof Character) {
      return StarlarkString.of(o.toString());
    }
    if (o instanceof BuiltinFunction) {
      return new Builtin("builtin", (BuiltinFunction) o);
    }
    if (o instanceof UUID || o instanceof TemporalAccessor) {
      return StarlarkString.of(o.toString());
    }
    if (o instanceof Duration) {
      return ((Duration) o).toNanos();
    }
    if (o instanceof Enum) {
      return StarlarkString.of(enumName((Enum<?>) o));
    }
    if (o instanceof byte[]) {
      return StarlarkBytes.of((byte[]) o);
    }
    if (o instanceof Optional) {
      return fromJava(((Optional<?>) o).orElse(null), depth + 1);
    }
    Method jsonValue = JSON_VALUE.get(o.getClass());
    if (jsonValue != null) {
      try {
        return fromJava(jsonValue.invoke(o), depth + 1);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new EvalException("cannot convert " + o.getClass().getName() + ": " + e, false, e);
      }
    }
    if (o instanceof Map) {
      StarlarkDict d = new StarlarkDict();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
        d.put(null, fromJava(e.getKey(), depth + 1), fromJava(e.getValue(), depth + 1));
      }
      d.table.freeze();
      return d;
    }
    if (o instanceof Collection) {
      Collection<?> c = (Collection<?>) o;
      Object[] elems = new Object[c.size()];
      int i = 0;
      for (Object x : c) {
        elems[i++] = fromJava(x, depth + 1);
      }
      return frozenList(elems);
    }
    if (o.getClass().isArray()) {
      int n = Array.getLength(o);
      Object[] elems = new Object[n];
      for (int i = 0; i < n; i++) {
        elems[i] = fromJava(Array.get(o, i), depth + 1);
      }
      return frozenList(elems);
    }
    if (o instanceof Record) {
      return new RecordValue((Record) o);
    }
    throw new EvalException("cannot convert Java value of type " + o.getClass().getName() + " to Starlark");
  }

  private static StarlarkList frozenList(Object[] elems) {
    StarlarkList l = StarlarkList.wrap(elems);
    Freezer.freeze(l);
    return l;
  }

  /** The JSON name of an enum constant: its {@code @JsonProperty} value, else its name. */
  static String enumName(Enum<?> e) {
    try {
      JsonProperty jp = e.getDeclaringClass().getField(e.name()).getAnnotation(JsonProperty.class);
      if (jp != null && !jp.value().isEmpty()) {
        return jp.value();
      }
    } catch (NoSuchFieldException ex) {
      return e.name();
    }
    Method jsonValue = JSON_VALUE.get(e.getDeclaringClass());
    if (jsonValue != null) {
      try {
        return String.valueOf(jsonValue.invoke(e));
      } catch (IllegalAccessException | InvocationTargetException ex) {
        return e.name();
      }
    }
    return e.name();
  }

  static Object toJava(Object v) {
    return toJava(v, 0);
  }

  private static Object toJava(Object v, int depth) {
    if (v == NoneType.NONE || v == null) {
      return null;
    }
    if (depth > MAX_DEPTH) {
      throw new EvalException("value nested too deeply to convert to Java");
    }
    if (v instanceof StarlarkString) {
      return ((StarlarkString) v).toJavaString();
    }
    if (v instanceof StarlarkBytes) {
      return ((StarlarkBytes) v).toByteArray();
    }
    if (v instanceof StarlarkList || v instanceof StarlarkTuple) {
      Object[] elems =
          v instanceof StarlarkList ? ((StarlarkList) v).toArray() : ((StarlarkTuple) v).elems;
      List<Object> out = new ArrayList<>(elems.length);
      for (Object e : elems) {
        out.add(toJava(e, depth + 1));
      }
      return out;
    }
    if (v instanceof StarlarkDict) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<Object, Object> e : ((StarlarkDict) v).entries().entrySet()) {
        out.put(toJava(e.getKey(), depth + 1), toJava(e.getValue(), depth + 1));
      }
      return out;
    }
    if (v instanceof StarlarkSet) {
      LinkedHashSet<Object> out = new LinkedHashSet<>();
      for (Object e : ((StarlarkSet) v).table.keysArray()) {
        out.add(toJava(e, depth + 1));
      }
      return out;
    }
    if (v instanceof RecordValue) {
      return ((RecordValue) v).record();
    }
    if (v instanceof StructValue) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((StructValue) v).fields().entrySet()) {
        out.put(e.getKey(), toJava(e.getValue(), depth + 1));
      }
      return out;
    }
    return v;
  }
}
