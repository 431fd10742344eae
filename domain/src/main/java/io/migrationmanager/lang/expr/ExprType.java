package io.migrationmanager.lang.expr;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The static type of a value, used to check expressions at compile time (expr-lang's "nature").
 *
 * <p>Types are named the way expr-lang names the corresponding Go types in its messages ({@code
 * int}, {@code float64}, {@code []interface {}}, ...); two types are the same when kind and name
 * match. Records become structs named {@code <last package segment>.<SimpleName>} whose fields are
 * the record components under both their Java name and their {@code @JsonProperty} name.
 */
public final class ExprType {
  enum Kind {
    UNKNOWN,
    ANY,
    NIL,
    BOOL,
    INT,
    FLOAT,
    STRING,
    BYTES,
    TIME,
    ARRAY,
    MAP,
    STRUCT,
    FUNC
  }

  /** A value of any type (Go's {@code interface {}}). */
  public static final ExprType ANY = new ExprType(Kind.ANY, "interface {}", null);

  /** A boolean. */
  public static final ExprType BOOL = new ExprType(Kind.BOOL, "bool", null);

  /**
   * An integer (Go's {@code int}, 64 bits; also Java {@code int}, {@code short} and {@code byte}).
   */
  public static final ExprType INT = new ExprType(Kind.INT, "int", null);

  /**
   * An integer declared as Java {@code long} (Go's {@code int64}); the same values as {@link #INT}.
   */
  public static final ExprType INT64 = new ExprType(Kind.INT, "int64", null);

  /** A 64-bit float. */
  public static final ExprType FLOAT = new ExprType(Kind.FLOAT, "float64", null);

  /** A string (also used for UUIDs and enums, which expressions see as strings). */
  public static final ExprType STRING = new ExprType(Kind.STRING, "string", null);

  /** A point in time ({@link Instant}); expressions can only compare it. */
  public static final ExprType TIME = new ExprType(Kind.TIME, "time.Time", null);

  static final ExprType UNKNOWN = new ExprType(Kind.UNKNOWN, "unknown", null);
  static final ExprType NIL = new ExprType(Kind.NIL, "unknown", null);
  static final ExprType BYTES = new ExprType(Kind.BYTES, "[]uint8", null);
  static final ExprType ANY_ARRAY = new ExprType(Kind.ARRAY, "[]interface {}", ANY);
  static final ExprType ANY_MAP = new ExprType(Kind.MAP, "map[string]interface {}", ANY);
  static final ExprType STRING_ARRAY = new ExprType(Kind.ARRAY, "[]string", STRING);
  static final ExprType INT_ARRAY = new ExprType(Kind.ARRAY, "[]int", INT);
  static final ExprType FLOAT_ARRAY = new ExprType(Kind.ARRAY, "[]float64", FLOAT);
  static final ExprType ANY_KEY_MAP = new ExprType(Kind.MAP, "map[interface {}]interface {}", ANY);
  static final ExprType GROUPS =
      new ExprType(Kind.MAP, "map[interface {}][]interface {}", ANY_ARRAY);

  private static final ClassValue<ExprType> RECORDS =
      new ClassValue<>() {
        @Override
        protected ExprType computeValue(Class<?> type) {
          return new ExprType(Kind.STRUCT, Values.structName(type), null, type, null);
        }
      };

  final Kind kind;
  final String name;

  /** Element of an array, value of a map, result of a predicate ({@code null}: no result). */
  final ExprType elem;

  private final Class<?> recordClass;
  private volatile Map<String, ExprType> fields;

  private ExprType(Kind kind, String name, ExprType elem) {
    this(kind, name, elem, null, null);
  }

  private ExprType(
      Kind kind, String name, ExprType elem, Class<?> recordClass, Map<String, ExprType> fields) {
    this.kind = kind;
    this.name = name;
    this.elem = elem;
    this.recordClass = recordClass;
    this.fields = fields;
  }

  /** A list whose elements have the given type. */
  public static ExprType arrayOf(ExprType elem) {
    return new ExprType(Kind.ARRAY, "[]" + elem.name, elem);
  }

  /** A map from strings to values of the given type. */
  public static ExprType mapOf(ExprType value) {
    return new ExprType(Kind.MAP, "map[string]" + value.name, value);
  }

  /** A struct with the given fields (in order). */
  public static ExprType struct(String name, Map<String, ExprType> fields) {
    return new ExprType(
        Kind.STRUCT, name, null, null, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
  }

  /**
   * The type of Java values of a class or generic type: records become structs, lists and arrays
   * arrays, maps maps, numbers, strings, booleans, UUIDs, enums and {@link Instant} their scalar
   * types; anything else is {@link #ANY}.
   */
  public static ExprType of(Type javaType) {
    if (javaType instanceof Class<?> c) {
      return ofClass(c);
    }
    if (javaType instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
        return arrayOf(of(args[0]));
      }
      if (Map.class.isAssignableFrom(raw) && args.length == 2) {
        return mapOf(of(args[1]));
      }
      return ofClass(raw);
    }
    if (javaType instanceof GenericArrayType g) {
      return arrayOf(of(g.getGenericComponentType()));
    }
    return ANY;
  }

  private static ExprType ofClass(Class<?> c) {
    if (c == boolean.class || c == Boolean.class) {
      return BOOL;
    }
    if (c == long.class || c == Long.class) {
      return INT64;
    }
    if (c == int.class
        || c == short.class
        || c == byte.class
        || c == Integer.class
        || c == Short.class
        || c == Byte.class) {
      return INT;
    }
    if (c == double.class || c == float.class || c == Double.class || c == Float.class) {
      return FLOAT;
    }
    if (c == String.class
        || c == UUID.class
        || c == char.class
        || c == Character.class
        || c.isEnum()) {
      return STRING;
    }
    if (c == Instant.class) {
      return TIME;
    }
    if (c == byte[].class) {
      return BYTES;
    }
    if (c.isArray()) {
      return arrayOf(ofClass(c.getComponentType()));
    }
    if (Collection.class.isAssignableFrom(c)) {
      return ANY_ARRAY;
    }
    if (Map.class.isAssignableFrom(c)) {
      return ANY_MAP;
    }
    if (c.isRecord()) {
      return RECORDS.get(c);
    }
    return ANY;
  }

  /** The fields of a struct, in declaration order; empty for other types. */
  Map<String, ExprType> fields() {
    Map<String, ExprType> result = fields;
    if (result == null) {
      if (recordClass == null) {
        return Map.of();
      }
      Map<String, ExprType> computed = new LinkedHashMap<>();
      for (RecordComponent component : recordClass.getRecordComponents()) {
        ExprType type = of(component.getGenericType());
        computed.put(component.getName(), type);
        String wireName = jsonName(component);
        if (wireName != null) {
          computed.putIfAbsent(wireName, type);
        }
      }
      result = Collections.unmodifiableMap(computed);
      fields = result;
    }
    return result;
  }

  /** The {@code @JsonProperty} name of a record component, if it has a non-empty one. */
  static String jsonName(RecordComponent component) {
    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
    if (property == null) {
      try {
        property =
            component
                .getDeclaringRecord()
                .getDeclaredField(component.getName())
                .getAnnotation(JsonProperty.class);
      } catch (NoSuchFieldException e) {
        property = null;
      }
    }
    if (property == null || property.value().isEmpty()) {
      return null;
    }
    return property.value();
  }

  static ExprType array(ExprType elem) {
    return new ExprType(Kind.ARRAY, "[]interface {}", elem);
  }

  static ExprType predicate(ExprType result) {
    return new ExprType(
        Kind.FUNC, "func(interface {}) " + (result == null ? "" : result.name), result);
  }

  static ExprType function(String name) {
    return new ExprType(Kind.FUNC, name, UNKNOWN);
  }

  boolean isUnknown() {
    return kind == Kind.UNKNOWN || kind == Kind.ANY;
  }

  boolean isNil() {
    return kind == Kind.NIL;
  }

  boolean isNumber() {
    return kind == Kind.INT || kind == Kind.FLOAT;
  }

  boolean isInteger() {
    return kind == Kind.INT;
  }

  boolean isString() {
    return kind == Kind.STRING;
  }

  boolean isBool() {
    return kind == Kind.BOOL;
  }

  boolean isArray() {
    return kind == Kind.ARRAY || kind == Kind.BYTES;
  }

  boolean isMap() {
    return kind == Kind.MAP;
  }

  boolean isStruct() {
    return kind == Kind.STRUCT;
  }

  boolean isTime() {
    return kind == Kind.TIME;
  }

  /** Element type of an array or value type of a map; unknown otherwise. */
  ExprType elem() {
    if (kind == Kind.BYTES) {
      return INT;
    }
    return (kind == Kind.ARRAY || kind == Kind.MAP) && elem != null ? elem : UNKNOWN;
  }

  /** Go assignability: same type, or any type into an interface, or nil into reference kinds. */
  boolean assignableTo(ExprType target) {
    if (kind == Kind.NIL) {
      switch (target.kind) {
        case ARRAY, BYTES, MAP, FUNC, ANY:
          return true;
        default:
          break;
      }
    }
    if (kind == Kind.UNKNOWN
        || kind == Kind.NIL
        || target.kind == Kind.UNKNOWN
        || target.kind == Kind.NIL) {
      return false;
    }
    if (target.kind == Kind.ANY) {
      return true;
    }
    return kind == target.kind && name.equals(target.name);
  }

  /** Whether {@code ==} may compare the two types. */
  boolean comparableTo(ExprType other) {
    return isUnknown()
        || other.isUnknown()
        || isNil()
        || other.isNil()
        || (isNumber() && other.isNumber())
        || (isTime() && other.isTime())
        || (isArray() && other.isArray())
        || assignableTo(other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExprType t && t.kind == kind && t.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name);
  }

  @Override
  public String toString() {
    return name;
  }
}
