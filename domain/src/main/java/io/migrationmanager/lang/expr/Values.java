package io.migrationmanager.lang.expr;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The run-time value model. Expressions see {@code null} (nil), {@link Boolean}, {@link Long}
 * (int), {@link Double} (float), {@link String}, {@link List} (array), {@link Map}, {@code byte[]}
 * (bytes), {@link Instant} (time) and structs (objects read through an {@link ObjectAccessor}).
 * Other Java values are converted when they are read from the environment ({@link #norm}).
 */
final class Values {
  private Values() {}

  private static final ClassValue<Method> ENUM_VALUE =
      new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
          for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
              try {
                method.setAccessible(true);
                return method;
              } catch (RuntimeException e) {
                return null;
              }
            }
          }
          return null;
        }
      };

  /** Converts a Java value read from the environment to the run-time value model. */
  static Object norm(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Long
        || value instanceof Boolean
        || value instanceof Double
        || value instanceof List
        || value instanceof Map) {
      return value;
    }
    return normSlow(value);
  }

  private static Object normSlow(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigInteger b) {
      return b.longValue();
    }
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof UUID || value instanceof Character || value instanceof CharSequence) {
      return value.toString();
    }
    if (value instanceof Enum<?> e) {
      return enumValue(e);
    }
    if (value instanceof Optional<?> o) {
      return norm(o.orElse(null));
    }
    if (value instanceof Object[] array) {
      return Arrays.asList(array);
    }
    if (value.getClass().isArray() && !(value instanceof byte[])) {
      return new PrimitiveArrayList(value);
    }
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    return value;
  }

  private static Object enumValue(Enum<?> e) {
    Method method = ENUM_VALUE.get(e.getDeclaringClass());
    if (method == null) {
      return e.name();
    }
    try {
      return String.valueOf(method.invoke(e));
    } catch (ReflectiveOperationException ex) {
      return e.name();
    }
  }

  /** A read-only list view of a primitive array. */
  private static final class PrimitiveArrayList extends AbstractList<Object> {
    private final Object array;

    PrimitiveArrayList(Object array) {
      this.array = array;
    }

    @Override
    public Object get(int index) {
      return norm(Array.get(array, index));
    }

    @Override
    public int size() {
      return Array.getLength(array);
    }
  }

  /** Whether the value is a struct: an object that is none of the built-in kinds. */
  static boolean isStruct(Object value) {
    return !(value == null
        || value instanceof String
        || value instanceof Long
        || value instanceof Boolean
        || value instanceof Double
        || value instanceof List
        || value instanceof Map
        || value instanceof byte[]
        || value instanceof Instant);
  }

  /** Go's {@code %T} of a value, as expr-lang's run-time messages show it. */
  static String goTypeName(Object value) {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof Boolean) {
      return "bool";
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
    if (value instanceof TypedList typed) {
      return typed.goType();
    }
    if (value instanceof List) {
      return "[]interface {}";
    }
    if (value instanceof AnyKeyMap any) {
      return any.goType();
    }
    if (value instanceof Map) {
      return "map[string]interface {}";
    }
    if (value instanceof byte[]) {
      return "[]uint8";
    }
    if (value instanceof Instant) {
      return "time.Time";
    }
    return structName(value.getClass());
  }

  /** The name of a struct type: {@code <last package segment>.<SimpleName>}. */
  static String structName(Class<?> type) {
    String pkg = type.getPackageName();
    String prefix = pkg.isEmpty() ? "" : pkg.substring(pkg.lastIndexOf('.') + 1) + ".";
    return prefix + type.getSimpleName();
  }

  /** The result of the {@code type()} builtin. */
  static String typeName(Object value) {
    if (value == null) {
      return "nil";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "float";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof List || value instanceof byte[]) {
      return "array";
    }
    if (value instanceof Map) {
      return "map";
    }
    if (value instanceof Instant) {
      return "time.Time";
    }
    Class<?> type = value.getClass();
    String pkg = type.getPackageName();
    return (pkg.isEmpty() ? "" : pkg + ".") + type.getSimpleName();
  }

  /** The static type of a sample value, as expr-lang derives it for map environments. */
  static ExprType typeOf(Object value) {
    Object v = norm(value);
    if (v == null) {
      return ExprType.NIL;
    }
    if (v instanceof Boolean) {
      return ExprType.BOOL;
    }
    if (v instanceof Long) {
      return ExprType.INT;
    }
    if (v instanceof Double) {
      return ExprType.FLOAT;
    }
    if (v instanceof String) {
      return ExprType.STRING;
    }
    if (v instanceof List) {
      return ExprType.ANY_ARRAY;
    }
    if (v instanceof Map) {
      return ExprType.ANY_MAP;
    }
    if (v instanceof byte[]) {
      return ExprType.BYTES;
    }
    if (v instanceof Instant) {
      return ExprType.TIME;
    }
    return ExprType.of(v.getClass());
  }
}
