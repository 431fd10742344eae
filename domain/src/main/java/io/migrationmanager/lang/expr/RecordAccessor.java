package io.migrationmanager.lang.expr;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads record components. A {@code null} component reads as Go's zero value of its type (empty
 * string, nil UUID, 0, false, empty list or map), because the Go structs expressions were written
 * against never hold null there; nested records and instants stay nil.
 */
final class RecordAccessor implements ObjectAccessor {
  static final RecordAccessor INSTANCE = new RecordAccessor();
  private static final String NIL_UUID = "00000000-0000-0000-0000-000000000000";

  private record Shape(Map<String, FieldReader> readers, List<String> wireNames) {}

  private final ClassValue<Shape> shapes =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return shapeOf(type);
        }
      };

  private RecordAccessor() {}

  @Override
  public boolean supports(Class<?> type) {
    return type.isRecord();
  }

  @Override
  public FieldReader reader(Class<?> type, String field) {
    return type.isRecord() ? shapes.get(type).readers.get(field) : null;
  }

  @Override
  public List<String> fieldNames(Class<?> type) {
    return type.isRecord() ? shapes.get(type).wireNames : List.of();
  }

  private static Shape shapeOf(Class<?> type) {
    Map<String, FieldReader> readers = new HashMap<>();
    List<String> wireNames = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      FieldReader reader = readerOf(component);
      readers.put(component.getName(), reader);
      String wireName = ExprType.jsonName(component);
      if (wireName != null) {
        readers.putIfAbsent(wireName, reader);
      }
      wireNames.add(wireName != null ? wireName : component.getName());
    }
    return new Shape(Map.copyOf(readers), List.copyOf(wireNames));
  }

  private static FieldReader readerOf(RecordComponent component) {
    Method accessor = component.getAccessor();
    MethodHandle handle;
    try {
      accessor.setAccessible(true);
      handle =
          MethodHandles.lookup()
              .unreflect(accessor)
              .asType(MethodType.methodType(Object.class, Object.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read record component " + component, e);
    }
    Object zero = zeroValue(component.getType());
    return target -> {
      Object value;
      try {
        value = handle.invokeExact(target);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
      return value == null ? zero : value;
    };
  }

  private static Object zeroValue(Class<?> type) {
    if (type == String.class || type == CharSequence.class || type.isEnum()) {
      return "";
    }
    if (type == UUID.class) {
      return NIL_UUID;
    }
    if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class) {
      return 0L;
    }
    if (type == Double.class || type == Float.class) {
      return 0.0;
    }
    if (type == Boolean.class) {
      return false;
    }
    if (Collection.class.isAssignableFrom(type)) {
      return List.of();
    }
    if (Map.class.isAssignableFrom(type)) {
      return Collections.emptyMap();
    }
    return null;
  }
}
