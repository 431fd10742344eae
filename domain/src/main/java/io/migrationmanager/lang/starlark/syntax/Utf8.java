package io.migrationmanager.lang.starlark.syntax;

/**
 * UTF-8 helpers for the byte form of Starlark strings: a Java {@code String} whose chars are all in
 * 0..255, one char per byte of the UTF-8 encoding. ASCII text is its own byte form.
 */
public final class Utf8 {
  /** The Unicode replacement character, used for invalid encodings. */
  public static final int REPLACEMENT = 0xFFFD;

  private Utf8() {}

  /** Appends the UTF-8 bytes of a code point; surrogates become U+FFFD. */
  public static void encode(StringBuilder out, int cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = REPLACEMENT;
    }
    if (cp < 0x80) {
      out.append((char) cp);
    } else if (cp < 0x800) {
      out.append((char) (0xC0 | (cp >> 6))).append((char) (0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.append((char) (0xE0 | (cp >> 12)))
          .append((char) (0x80 | ((cp >> 6) & 0x3F)))
          .append((char) (0x80 | (cp & 0x3F)));
    } else {
      out.append((char) (0xF0 | (cp >> 18)))
          .append((char) (0x80 | ((cp >> 12) & 0x3F)))
          .append((char) (0x80 | ((cp >> 6) & 0x3F)))
          .append((char) (0x80 | (cp & 0x3F)));
    }
  }

  /** True if every char is below 0x80. */
  public static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** The byte form of a Java string. */
  public static String fromJava(String s) {
    if (isAscii(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      encode(out, cp);
    }
    return out.toString();
  }

  /**
   * Decodes the code point starting at byte {@code i} of a byte-form string. Returns {@code cp << 3 | size};
   * an invalid or truncated sequence decodes as U+FFFD of size 1.
   */
  public static int decode(String b, int i) {
    int c0 = b.charAt(i);
    if (c0 < 0x80) {
      return c0 << 3 | 1;
    }
    int n = b.length();
    int size;
    int min;
    int cp;
    if (c0 >= 0xC2 && c0 <= 0xDF) {
      size = 2;
      min = 0x80;
      cp = c0 & 0x1F;
    } else if (c0 >= 0xE0 && c0 <= 0xEF) {
      size = 3;
      min = 0x800;
      cp = c0 & 0x0F;
    } else if (c0 >= 0xF0 && c0 <= 0xF4) {
      size = 4;
      min = 0x10000;
      cp = c0 & 0x07;
    } else {
      return REPLACEMENT << 3 | 1;
    }
    if (i + size > n) {
      return REPLACEMENT << 3 | 1;
    }
    for (int k = 1; k < size; k++) {
      int c = b.charAt(i + k);
      if ((c & 0xC0) != 0x80) {
        return REPLACEMENT << 3 | 1;
      }
      cp = cp << 6 | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return REPLACEMENT << 3 | 1;
    }
    return cp << 3 | size;
  }

  /** Decodes a byte-form string to Java text; invalid bytes become U+FFFD. */
  public static String toJava(String b) {
    if (isAscii(b)) {
      return b;
    }
    StringBuilder out = new StringBuilder(b.length());
    for (int i = 0; i < b.length(); ) {
      int r = decode(b, i);
      out.appendCodePoint(r >>> 3);
      i += r & 7;
    }
    return out.toString();
  }
}
