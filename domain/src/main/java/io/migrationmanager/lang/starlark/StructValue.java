package io.migrationmanager.lang.starlark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable attribute object built by the host from named values: {@code instance.name},
 * {@code instance.properties.disks}. Values are converted with {@link Starlark#fromJava} (so they may be
 * records, maps, lists, strings...) and frozen. Its type name is chosen by the host.
 *
 * <pre>
 * Map&lt;String, Object&gt; fields = new LinkedHashMap&lt;&gt;(Starlark.attributesOf(instance.properties()));
 * fields.put("properties", instance.properties());
 * Object value = StructValue.of("instance", fields);
 * </pre>
 */
public final class StructValue extends AttrObject {
  private final String typeName;
  private final Map<String, Object> fields;
  private final List<String> names;

  private StructValue(String typeName, Map<String, Object> fields) {
    this.typeName = typeName;
    this.fields = fields;
    this.names = Collections.unmodifiableList(new ArrayList<>(fields.keySet()));
  }

  /** A struct of the given type whose fields are the map's entries, in the map's iteration order. */
  public static StructValue of(String typeName, Map<String, ?> fields) {
    Objects.requireNonNull(typeName);
    Map<String, Object> converted = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      Object v = Starlark.fromJava(e.getValue());
      Freezer.freeze(v);
      converted.put(Objects.requireNonNull(e.getKey()), v);
    }
    return new StructValue(typeName, converted);
  }

  /** The fields as Starlark values. */
  public Map<String, Object> fields() {
    return Collections.unmodifiableMap(fields);
  }

  @Override
  public String type() {
    return typeName;
  }

  @Override
  List<String> fieldNames() {
    return names;
  }

  @Override
  Object attr(String name) {
    return fields.get(name);
  }
}
