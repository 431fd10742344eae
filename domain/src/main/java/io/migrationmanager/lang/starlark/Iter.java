package io.migrationmanager.lang.starlark;

/**
 * An iteration in progress over a Starlark iterable. Iterating a mutable container makes it refuse
 * mutation until {@link #close()} is called.
 */
abstract class Iter implements AutoCloseable {
  abstract boolean hasNext();

  abstract Object next();

  @Override
  public void close() {}

  /** Iterates over the first {@code n} elements of an array. */
  static Iter ofArray(Object[] elems, int n) {
    return new Iter() {
      private int i;

      @Override
      boolean hasNext() {
        return i < n;
      }

      @Override
      Object next() {
        return elems[i++];
      }
    };
  }

  /** Iterates over an indexable value. */
  static Iter ofIndexable(Indexable x) {
    return new Iter() {
      private int i;

      @Override
      boolean hasNext() {
        return i < x.len();
      }

      @Override
      Object next() {
        return x.index(i++);
      }
    };
  }
}
