package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Utf8;

/**
 * The iterable views of a string or bytes value: {@code s.elems()} (one-byte strings), {@code
 * s.elem_ords()} (byte values), {@code s.codepoints()} (one-character strings), {@code s.codepoint_ords()}
 * (code points) and {@code b.elems()} (byte values).
 */
final class ElemsView extends StarlarkValue {
  enum Kind {
    ELEMS("string.elems", "elems"),
    ELEM_ORDS("string.elems", "elem_ords"),
    CODEPOINTS("string.codepoints", "codepoints"),
    CODEPOINT_ORDS("string.codepoints", "codepoint_ords"),
    BYTES("bytes.elems", "elems");

    final String type;
    final String method;

    Kind(String type, String method) {
      this.type = type;
      this.method = method;
    }
  }

  private final Kind kind;

  /** The bytes of the underlying string or bytes value. */
  private final String b;

  ElemsView(Kind kind, String bytes) {
    this.kind = kind;
    this.b = bytes;
  }

  @Override
  public String type() {
    return kind.type;
  }

  @Override
  void repr(Printer p) {
    if (kind == Kind.BYTES) {
      p.append('b');
    }
    StarlarkString.quote(p, b);
    p.append('.').append(kind.method).append("()");
  }

  /** Indexing and {@code len} are supported by the byte-wise views only. */
  boolean isIndexable() {
    return kind == Kind.ELEMS || kind == Kind.ELEM_ORDS || kind == Kind.BYTES;
  }

  int len() {
    return b.length();
  }

  Object index(int i) {
    char c = b.charAt(i);
    return kind == Kind.ELEMS ? StarlarkString.ofByte(c) : (Object) (long) c;
  }

  Iter iterate() {
    if (isIndexable()) {
      return new Iter() {
        private int i;

        @Override
        boolean hasNext() {
          return i < b.length();
        }

        @Override
        Object next() {
          return index(i++);
        }
      };
    }
    return new Iter() {
      private int i;

      @Override
      boolean hasNext() {
        return i < b.length();
      }

      @Override
      Object next() {
        int r = Utf8.decode(b, i);
        int size = r & 7;
        Object v =
            kind == Kind.CODEPOINTS
                ? StarlarkString.ofBytes(b.substring(i, i + size))
                : (Object) (long) (r >>> 3);
        i += size;
        return v;
      }
    };
  }
}
