package io.migrationmanager.activities.incus;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Null-safe immutable copies for the records of this package: absent JSON collections become empty. */
final class Immutables {
  private Immutables() {}

  static Map<String, String> map(Map<String, String> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
  }

  static Map<String, Map<String, String>> devices(Map<String, Map<String, String>> devices) {
    if (devices == null) {
      return Map.of();
    }
    TreeMap<String, Map<String, String>> copy = new TreeMap<>();
    devices.forEach((name, device) -> copy.put(name, map(device)));
    return Collections.unmodifiableMap(copy);
  }

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static String string(String s) {
    return s == null ? "" : s;
  }
}
