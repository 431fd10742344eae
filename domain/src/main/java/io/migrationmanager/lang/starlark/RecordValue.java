package io.migrationmanager.lang.starlark;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A Java record seen from Starlark as a read-only attribute object. Attribute names are the JSON names of
 * the components ({@code @JsonProperty}, else the component name); {@code @JsonIgnore} components are
 * hidden and {@code @JsonUnwrapped} record components are flattened into their parent. Component values are
 * converted on first access and then kept.
 */
final class RecordValue extends AttrObject {
  private static final ClassValue<Layout> LAYOUTS =
      new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
          return new Layout(type);
        }
      };

  /** The attributes of a record class: names and the accessor chains that read them. */
  private static final class Layout {
    final String typeName;
    final List<String> names = new ArrayList<>();
    final List<Method[]> paths = new ArrayList<>();
    final Map<String, Integer> index = new HashMap<>();

    Layout(Class<?> type) {
      typeName = type.getSimpleName();
      add(type, new Method[0], 0);
    }

    private void add(Class<?> type, Method[] prefix, int depth) {
      for (RecordComponent rc : type.getRecordComponents()) {
        Method accessor = rc.getAccessor();
        if (annotation(type, rc, JsonIgnore.class) != null) {
          continue;
        }
        accessor.trySetAccessible();
        Method[] path = Arrays.copyOf(prefix, prefix.length + 1);
        path[prefix.length] = accessor;
        if (annotation(type, rc, JsonUnwrapped.class) != null && rc.getType().isRecord() && depth < 8) {
          add(rc.getType(), path, depth + 1);
          continue;
        }
        JsonProperty jp = annotation(type, rc, JsonProperty.class);
        String name = jp != null && !jp.value().isEmpty() ? jp.value() : rc.getName();
        if (index.putIfAbsent(name, names.size()) == null) {
          names.add(name);
          paths.add(path);
        }
      }
    }

    private static <A extends Annotation> A annotation(
        Class<?> type, RecordComponent rc, Class<A> kind) {
      A a = rc.getAccessor().getAnnotation(kind);
      if (a == null) {
        try {
          a = type.getDeclaredField(rc.getName()).getAnnotation(kind);
        } catch (NoSuchFieldException e) {
          a = null;
        }
      }
      return a;
    }
  }

  private final Record record;
  private final Layout layout;
  private final AtomicReferenceArray<Object> cache;

  RecordValue(Record record) {
    this.record = record;
    this.layout = LAYOUTS.get(record.getClass());
    this.cache = new AtomicReferenceArray<>(layout.names.size());
  }

  /** The raw (unconverted) attribute values of a record, by attribute name. */
  static Map<String, Object> rawAttributes(Record r) {
    Layout l = LAYOUTS.get(r.getClass());
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < l.names.size(); i++) {
      out.put(l.names.get(i), read(r, l.paths.get(i), l.names.get(i)));
    }
    return out;
  }

  Record record() {
    return record;
  }

  @Override
  public String type() {
    return layout.typeName;
  }

  @Override
  List<String> fieldNames() {
    return Collections.unmodifiableList(layout.names);
  }

  @Override
  Object attr(String name) {
    Integer i = layout.index.get(name);
    if (i == null) {
      return null;
    }
    Object v = cache.get(i);
    if (v == null) {
      v = Interop.fromJava(read(record, layout.paths.get(i), name));
      Freezer.freeze(v);
      cache.set(i, v);
    }
    return v;
  }

  private static Object read(Object target, Method[] path, String name) {
    Object v = target;
    try {
      for (Method m : path) {
        if (v == null) {
          return null;
        }
        v = m.invoke(v);
      }
      return v;
    } catch (IllegalAccessException | InvocationTargetException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      throw new EvalException("cannot read field " + name + ": " + cause, false, cause);
    }
  }
}
