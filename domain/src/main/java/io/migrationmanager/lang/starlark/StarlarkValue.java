package io.migrationmanager.lang.starlark;

import java.util.List;

/**
 * Base class of every Starlark value that is not represented by a plain Java object. Booleans are {@link
 * Boolean}, ints are {@link Long} or, outside the 64-bit range, {@link java.math.BigInteger}, and floats are
 * {@link Double}; everything else extends this class. Only this package defines subclasses, so scripts can
 * reach nothing but the values the interpreter and the host hand them.
 */
public abstract class StarlarkValue {

  StarlarkValue() {}

  /** The name {@code type(x)} returns. */
  public abstract String type();

  /** The truth value ({@code bool(x)}); true unless a type says otherwise. */
  public boolean truth() {
    return true;
  }

  /** {@code repr(x)} as Java text; see {@link Starlark#repr}. */
  @Override
  public final String toString() {
    return Starlark.repr(this);
  }

  /** Writes {@code repr(x)}. */
  abstract void repr(Printer p);

  /** Writes {@code str(x)}; the same as repr except for strings and bytes. */
  void str(Printer p) {
    repr(p);
  }

  /** Whether the value may be a dict key or set element. */
  boolean isHashable() {
    return false;
  }

  /** The hash of a hashable value. */
  int hash(StarlarkThread th) {
    throw new EvalException("unhashable type: " + type());
  }

  /** Makes this value and everything reachable from it immutable (see {@link Freezer}). */
  void freeze(Freezer f) {}

  /** Equality with another value of the same class; identity unless overridden. */
  boolean equalsSameType(StarlarkThread th, StarlarkValue other, int depth) {
    return this == other;
  }

  /** The attribute (field or bound method) named {@code name}, or null if there is none. */
  Object attr(String name) {
    return null;
  }

  /** The names of all attributes, for {@code dir(x)}. */
  List<String> attrNames() {
    return List.of();
  }
}
