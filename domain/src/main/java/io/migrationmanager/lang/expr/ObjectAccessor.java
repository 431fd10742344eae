package io.migrationmanager.lang.expr;

import java.util.List;

/**
 * Exposes Java objects to expressions as structs with named fields. The default, {@link
 * #records()}, reads Java records by component name and by {@code @JsonProperty} name; combine it
 * with your own accessor through {@link #orElse(ObjectAccessor)} to expose other classes.
 *
 * <p>Values a reader returns are converted like all environment values: {@code Integer}, {@code
 * Long}, {@code Short} and {@code Byte} become ints, {@code Float} and {@code Double} floats,
 * {@code UUID}s, enums and characters strings, arrays and collections lists.
 *
 * <p>Implementations must be thread-safe; they should cache their readers, which are looked up once
 * per class and field.
 */
public interface ObjectAccessor {
  /** Reads one field of an object. */
  @FunctionalInterface
  interface FieldReader {
    /** The field's value in {@code target}. */
    Object read(Object target);
  }

  /** Whether objects of this class are structs this accessor can read. */
  boolean supports(Class<?> type);

  /**
   * The reader of a field of objects of {@code type}, or {@code null} when there is no such field.
   */
  FieldReader reader(Class<?> type, String field);

  /**
   * The names of the fields of objects of {@code type}, in order, as {@code toJSON} writes them.
   */
  List<String> fieldNames(Class<?> type);

  /** This accessor for the classes it supports, {@code next} for the others. */
  default ObjectAccessor orElse(ObjectAccessor next) {
    ObjectAccessor first = this;
    return new ObjectAccessor() {
      @Override
      public boolean supports(Class<?> type) {
        return first.supports(type) || next.supports(type);
      }

      @Override
      public FieldReader reader(Class<?> type, String field) {
        return first.supports(type) ? first.reader(type, field) : next.reader(type, field);
      }

      @Override
      public List<String> fieldNames(Class<?> type) {
        return first.supports(type) ? first.fieldNames(type) : next.fieldNames(type);
      }
    };
  }

  /** Reads Java records: components by name and by {@code @JsonProperty} name (wire names). */
  static ObjectAccessor records() {
    return RecordAccessor.INSTANCE;
  }
}
