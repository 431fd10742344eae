package io.migrationmanager.lang.expr;

import java.util.LinkedHashMap;

/**
 * A map whose keys may be of any type, as {@code groupBy} and {@code fromPairs} build them; Go's
 * JSON encoder rejects such maps, so {@code toJSON} does too.
 */
final class AnyKeyMap extends LinkedHashMap<Object, Object> {
  private static final long serialVersionUID = 1L;

  private final String goType;

  AnyKeyMap(String goType) {
    this.goType = goType;
  }

  /** The Go type expr-lang gives this map, for messages. */
  String goType() {
    return goType;
  }
}
