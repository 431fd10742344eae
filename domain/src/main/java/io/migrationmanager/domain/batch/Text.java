package io.migrationmanager.domain.batch;

/** Go's {@code %q} for the messages of this package, which quote user text such as expressions. */
final class Text {
  private Text() {}

  /** {@code s} in double quotes with backslashes, quotes and control characters escaped, as Go's {@code %q}. */
  static String q(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
