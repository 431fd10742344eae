package io.migrationmanager.lang.expr;

import java.util.AbstractList;
import java.util.List;

/**
 * A list whose Go type is not {@code []interface {}} (the pairs of {@code toPairs}, which are
 * {@code [][2]interface {}}): Go compares such values with {@code reflect.DeepEqual}, so they never
 * equal a plain array.
 */
final class TypedList extends AbstractList<Object> {
  private final List<Object> elements;
  private final String goType;

  TypedList(List<Object> elements, String goType) {
    this.elements = elements;
    this.goType = goType;
  }

  String goType() {
    return goType;
  }

  @Override
  public Object get(int index) {
    return elements.get(index);
  }

  @Override
  public int size() {
    return elements.size();
  }
}
