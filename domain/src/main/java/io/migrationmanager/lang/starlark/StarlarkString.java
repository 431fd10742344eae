package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Utf8;
import java.util.List;

/**
 * A Starlark string. Like go.starlark.net, strings are sequences of bytes holding UTF-8 text: {@code
 * len("é")} is 2, {@code "é"[0]} is the one-byte string {@code "\xc3"}, and slicing may cut a character.
 * Internally the bytes are kept as a Java string with one char (0..255) per byte, so that comparison,
 * hashing and searching work on bytes directly. Convert with {@link #of(String)} and {@link
 * #toJavaString()}.
 */
public final class StarlarkString extends StarlarkValue implements Comparable<StarlarkString> {
  static final StarlarkString EMPTY = new StarlarkString("");
  private static final StarlarkString[] SINGLE_BYTES = new StarlarkString[256];

  static {
    for (int i = 0; i < 256; i++) {
      SINGLE_BYTES[i] = new StarlarkString(String.valueOf((char) i));
    }
  }

  /** The bytes, one char per byte. */
  final String s;

  private StarlarkString(String bytes) {
    this.s = bytes;
  }

  /** The Starlark string holding the UTF-8 encoding of {@code text}. */
  public static StarlarkString of(String text) {
    return ofBytes(Utf8.fromJava(text));
  }

  /** Wraps a byte-form string. */
  static StarlarkString ofBytes(String bytes) {
    if (bytes.length() <= 1) {
      return bytes.isEmpty() ? EMPTY : SINGLE_BYTES[bytes.charAt(0) & 0xFF];
    }
    return new StarlarkString(bytes);
  }

  static StarlarkString ofByte(int b) {
    return SINGLE_BYTES[b & 0xFF];
  }

  /** The text, decoded from UTF-8 (invalid bytes become U+FFFD). */
  public String toJavaString() {
    return Utf8.toJava(s);
  }

  /** The length in bytes. */
  public int length() {
    return s.length();
  }

  @Override
  public String type() {
    return "string";
  }

  @Override
  public boolean truth() {
    return !s.isEmpty();
  }

  @Override
  void repr(Printer p) {
    p.chargeBytes(s.length());
    quote(p, s);
  }

  @Override
  void str(Printer p) {
    p.append(s);
  }

  @Override
  boolean isHashable() {
    return true;
  }

  @Override
  int hash(StarlarkThread th) {
    return s.hashCode();
  }

  @Override
  boolean equalsSameType(StarlarkThread th, StarlarkValue other, int depth) {
    return s.equals(((StarlarkString) other).s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StarlarkString && ((StarlarkString) o).s.equals(s);
  }

  @Override
  public int hashCode() {
    return s.hashCode();
  }

  @Override
  public int compareTo(StarlarkString o) {
    return s.compareTo(o.s);
  }

  @Override
  Object attr(String name) {
    BuiltinMethod m = StringMethods.STRING.get(name);
    return m == null ? null : new Builtin(name, m, this);
  }

  @Override
  List<String> attrNames() {
    return StringMethods.STRING_NAMES;
  }

  /**
   * Writes a double-quoted literal for byte-form text {@code b}: printable characters as themselves, the
   * usual escapes, {@code \xNN} for invalid bytes and control characters, {@code \\uNNNN} for other
   * non-printable characters.
   */
  static void quote(Printer p, String b) {
    StringBuilder sb = new StringBuilder(b.length() + 2);
    sb.append('"');
    for (int i = 0; i < b.length(); ) {
      char c = b.charAt(i);
      if (c < 0x80) {
        switch (c) {
          case '"':
            sb.append("\\\"");
            break;
          case '\\':
            sb.append("\\\\");
            break;
          case '\u0007':
            sb.append("\\a");
            break;
          case '\b':
            sb.append("\\b");
            break;
          case '\f':
            sb.append("\\f");
            break;
          case '\n':
            sb.append("\\n");
            break;
          case '\r':
            sb.append("\\r");
            break;
          case '\t':
            sb.append("\\t");
            break;
          case '\u000b':
            sb.append("\\v");
            break;
          default:
            if (c < 0x20 || c == 0x7f) {
              hex(sb, "\\x", c, 2);
            } else {
              sb.append(c);
            }
            break;
        }
        i++;
        continue;
      }
      int r = Utf8.decode(b, i);
      int size = r & 7;
      int cp = r >>> 3;
      if (size == 1) {
        hex(sb, "\\x", c, 2);
        i++;
        continue;
      }
      if (isPrintable(cp)) {
        sb.append(b, i, i + size);
      } else if (cp < 0x10000) {
        hex(sb, "\\u", cp, 4);
      } else {
        hex(sb, "\\U", cp, 8);
      }
      i += size;
    }
    sb.append('"');
    p.append(sb.toString());
  }

  private static void hex(StringBuilder sb, String prefix, int v, int width) {
    sb.append(prefix);
    String h = Integer.toHexString(v);
    for (int k = h.length(); k < width; k++) {
      sb.append('0');
    }
    sb.append(h);
  }

  static boolean isPrintable(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
      case Character.PRIVATE_USE:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }
}
