package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Utf8;
import java.util.List;

/** An immutable sequence of bytes. Indexing yields ints; slicing yields bytes. */
public final class StarlarkBytes extends StarlarkValue implements Indexable, Comparable<StarlarkBytes> {
  static final StarlarkBytes EMPTY = new StarlarkBytes("");

  /** The bytes, one char (0..255) per byte, as in {@link StarlarkString}. */
  final String b;

  private StarlarkBytes(String bytes) {
    this.b = bytes;
  }

  static StarlarkBytes ofBytes(String bytes) {
    return bytes.isEmpty() ? EMPTY : new StarlarkBytes(bytes);
  }

  /** A bytes value with a copy of {@code data}. */
  public static StarlarkBytes of(byte[] data) {
    StringBuilder sb = new StringBuilder(data.length);
    for (byte x : data) {
      sb.append((char) (x & 0xFF));
    }
    return ofBytes(sb.toString());
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    byte[] out = new byte[b.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) b.charAt(i);
    }
    return out;
  }

  @Override
  public String type() {
    return "bytes";
  }

  @Override
  public boolean truth() {
    return !b.isEmpty();
  }

  @Override
  void repr(Printer p) {
    p.chargeBytes(b.length());
    p.append('b');
    StarlarkString.quote(p, b);
  }

  @Override
  void str(Printer p) {
    p.append(Utf8.fromJava(Utf8.toJava(b)));
  }

  @Override
  boolean isHashable() {
    return true;
  }

  /** 32-bit FNV-1a, as the specification requires for {@code hash(bytes)}. */
  @Override
  int hash(StarlarkThread th) {
    int h = 0x811c9dc5;
    for (int i = 0; i < b.length(); i++) {
      h ^= b.charAt(i);
      h *= 0x01000193;
    }
    return h;
  }

  @Override
  boolean equalsSameType(StarlarkThread th, StarlarkValue other, int depth) {
    return b.equals(((StarlarkBytes) other).b);
  }

  @Override
  public int compareTo(StarlarkBytes o) {
    return b.compareTo(o.b);
  }

  @Override
  Object attr(String name) {
    BuiltinMethod m = CollectionMethods.BYTES.get(name);
    return m == null ? null : new Builtin(name, m, this);
  }

  @Override
  List<String> attrNames() {
    return CollectionMethods.BYTES_NAMES;
  }

  @Override
  public int len() {
    return b.length();
  }

  @Override
  public Object index(int i) {
    return (long) b.charAt(i);
  }

  @Override
  public Object slice(StarlarkThread th, int start, int stop, int step) {
    return ofBytes(Ops.sliceString(th, b, start, stop, step));
  }
}
