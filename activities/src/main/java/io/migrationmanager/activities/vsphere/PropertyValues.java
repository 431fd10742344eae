package io.migrationmanager.activities.vsphere;

import com.vmware.vim25.DynamicProperty;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.MissingProperty;
import com.vmware.vim25.ObjectContent;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties of one managed object as a property collector returned them, by property path.
 * Array properties may arrive as plain arrays or as yavijava's {@code ArrayOfXxx} wrappers; {@link
 * #list} reads both.
 */
final class PropertyValues {
  private final ManagedObjectReference ref;
  private final Map<String, Object> values;
  private final List<String> missing;

  PropertyValues(ManagedObjectReference ref, Map<String, Object> values, List<String> missing) {
    this.ref = ref;
    this.values = values;
    this.missing = List.copyOf(missing);
  }

  static PropertyValues of(ObjectContent content) {
    Map<String, Object> values = new HashMap<>();
    if (content.getPropSet() != null) {
      for (DynamicProperty p : content.getPropSet()) {
        if (p.getVal() != null) {
          values.put(p.getName(), p.getVal());
        }
      }
    }
    List<String> missing = new ArrayList<>();
    if (content.getMissingSet() != null) {
      for (MissingProperty m : content.getMissingSet()) {
        missing.add(m.getPath() + ": " + VsphereErrors.faultMessage(m.getFault()));
      }
    }
    return new PropertyValues(content.getObj(), values, missing);
  }

  /** The properties the server could not return, each as {@code path: reason}. */
  List<String> missing() {
    return missing;
  }

  ManagedObjectReference ref() {
    return ref;
  }

  /** {@code Type:value}, as govmomi prints a managed object reference. */
  String id() {
    return key(ref);
  }

  static String key(ManagedObjectReference ref) {
    return ref.getType() + ":" + ref.getVal();
  }

  boolean has(String path) {
    return values.containsKey(path);
  }

  Object get(String path) {
    return values.get(path);
  }

  String string(String path) {
    Object v = values.get(path);
    return v == null ? "" : v.toString();
  }

  boolean bool(String path) {
    return values.get(path) instanceof Boolean b && b;
  }

  long number(String path) {
    return values.get(path) instanceof Number n ? n.longValue() : 0;
  }

  ManagedObjectReference reference(String path) {
    return values.get(path) instanceof ManagedObjectReference r ? r : null;
  }

  <T> List<T> list(String path, Class<T> type) {
    return elements(values.get(path), type);
  }

  /**
   * The elements of type {@code type} of an array or an {@code ArrayOfXxx} wrapper; empty for null.
   */
  static <T> List<T> elements(Object value, Class<T> type) {
    Object array = unwrap(value);
    List<T> out = new ArrayList<>();
    if (array != null && array.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(array); i++) {
        Object e = Array.get(array, i);
        if (type.isInstance(e)) {
          out.add(type.cast(e));
        }
      }
    }
    return out;
  }

  private static Object unwrap(Object value) {
    if (value == null || value.getClass().isArray()) {
      return value;
    }
    if (value.getClass().getSimpleName().startsWith("ArrayOf")) {
      for (Method m : value.getClass().getMethods()) {
        if (m.getParameterCount() == 0
            && m.getReturnType().isArray()
            && m.getName().startsWith("get")) {
          try {
            return m.invoke(value);
          } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + value.getClass().getName(), e);
          }
        }
      }
    }
    return null;
  }
}
