package io.migrationmanager.activities.vsphere;

/** Go's {@code %q} formatting, which the original's warning messages use. */
final class GoStrings {
  private GoStrings() {}

  /**
   * Go's {@code strconv.Quote} for text: double quotes, with backslash escapes for quotes and
   * controls.
   */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                  } else if (Character.getType(c) == Character.CONTROL
                      || Character.getType(c) == Character.FORMAT) {
                    out.append(String.format(c <= 0xffff ? "\\u%04x" : "\\U%08x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }
}
