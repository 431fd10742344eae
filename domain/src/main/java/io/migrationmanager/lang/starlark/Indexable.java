package io.migrationmanager.lang.starlark;

/** A value whose elements can be read by position: list, tuple, string, bytes, range, elems views. */
interface Indexable {
  /** The number of elements. */
  int len();

  /** Element {@code i}, {@code 0 <= i < len()}. */
  Object index(int i);

  /** A new value of the same kind holding elements {@code start, start+step, ...} up to {@code stop}. */
  Object slice(StarlarkThread th, int start, int stop, int step);
}
