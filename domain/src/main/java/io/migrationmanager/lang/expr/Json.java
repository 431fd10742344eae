package io.migrationmanager.lang.expr;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code toJSON} and {@code fromJSON} with Go's {@code encoding/json} behaviour: indented output
 * with sorted map keys and HTML-safe escapes, and decoding where every number is a float.
 */
final class Json {
  private Json() {}

  // ---- encoding
  // ------------------------------------------------------------------------------------

  static String encode(Object value, ObjectAccessor accessor) {
    StringBuilder out = new StringBuilder();
    write(out, value, accessor, 0);
    return out.toString();
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  private static void write(StringBuilder out, Object value, ObjectAccessor accessor, int depth) {
    if (out.length() > Frame.MAX_STRING_LENGTH) {
      throw new EvalError("memory budget exceeded");
    }
    if (depth > Frame.MAX_VALUE_DEPTH) {
      throw new EvalError("json: unsupported value: encountered a cycle or too deep nesting");
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new EvalError("json: unsupported value: " + GoText.formatFloat(d));
      }
      out.append(GoText.formatJsonFloat(d));
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof byte[] bytes) {
      string(out, Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof Instant instant) {
      string(out, DateTimeFormatter.ISO_INSTANT.format(instant));
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        newline(out, depth + 1);
        write(out, Values.norm(list.get(i)), accessor, depth + 1);
      }
      newline(out, depth);
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      if (map instanceof AnyKeyMap any) {
        throw new EvalError("json: unsupported type: " + any.goType());
      }
      for (Object key : map.keySet()) {
        if (!(key instanceof String)) {
          throw new EvalError("json: unsupported type: map[interface {}]interface {}");
        }
      }
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Object key : GoFormat.sortedKeys(map)) {
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(out, depth + 1);
        string(out, (String) key);
        out.append(": ");
        write(out, Values.norm(map.get(key)), accessor, depth + 1);
      }
      newline(out, depth);
      out.append('}');
    } else if (accessor != null && accessor.supports(value.getClass())) {
      List<String> fields = accessor.fieldNames(value.getClass());
      if (fields.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (String field : fields) {
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(out, depth + 1);
        string(out, field);
        out.append(": ");
        ObjectAccessor.FieldReader reader = accessor.reader(value.getClass(), field);
        write(out, reader == null ? null : Values.norm(reader.read(value)), accessor, depth + 1);
      }
      newline(out, depth);
      out.append('}');
    } else {
      string(out, String.valueOf(value));
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append("\\ufffd");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  // ---- decoding
  // ------------------------------------------------------------------------------------

  static Object decode(String text, Frame frame) {
    return new Decoder(text, frame).document();
  }

  private static final class Decoder {
    private final String text;
    private final Frame frame;
    private int at;
    private int depth;

    Decoder(String text, Frame frame) {
      this.text = text;
      this.frame = frame;
    }

    private EvalError endOfInput() {
      return new EvalError("unexpected end of JSON input");
    }

    private EvalError invalid(String context) {
      if (at >= text.length()) {
        return endOfInput();
      }
      return new EvalError("invalid character " + quoteChar(text.codePointAt(at)) + " " + context);
    }

    private static String quoteChar(int c) {
      if (c == '\'') {
        return "'\\''";
      }
      if (c == '"') {
        return "'\"'";
      }
      String quoted = GoText.quote(new String(Character.toChars(c)));
      return "'" + quoted.substring(1, quoted.length() - 1) + "'";
    }

    private void skipSpace() {
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        at++;
      }
    }

    Object document() {
      skipSpace();
      Object value = value();
      skipSpace();
      if (at < text.length()) {
        throw invalid("after top-level value");
      }
      return value;
    }

    private Object value() {
      if (at >= text.length()) {
        throw endOfInput();
      }
      char c = text.charAt(at);
      switch (c) {
        case '{' -> {
          return object();
        }
        case '[' -> {
          return array();
        }
        case '"' -> {
          return string();
        }
        case 't' -> {
          literal("true");
          return Boolean.TRUE;
        }
        case 'f' -> {
          literal("false");
          return Boolean.FALSE;
        }
        case 'n' -> {
          literal("null");
          return null;
        }
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw invalid("looking for beginning of value");
        }
      }
    }

    private void enter() {
      depth++;
      if (depth > Frame.MAX_VALUE_DEPTH) {
        throw new EvalError("exceeded max depth");
      }
    }

    private Map<String, Object> object() {
      enter();
      at++;
      Map<String, Object> map = new LinkedHashMap<>();
      skipSpace();
      if (at < text.length() && text.charAt(at) == '}') {
        at++;
        depth--;
        return map;
      }
      while (true) {
        skipSpace();
        if (at >= text.length()) {
          throw endOfInput();
        }
        if (text.charAt(at) != '"') {
          throw invalid("looking for beginning of object key string");
        }
        String key = string();
        skipSpace();
        if (at >= text.length()) {
          throw endOfInput();
        }
        if (text.charAt(at) != ':') {
          throw invalid("after object key");
        }
        at++;
        skipSpace();
        map.put(key, value());
        frame.memGrow(1);
        skipSpace();
        if (at >= text.length()) {
          throw endOfInput();
        }
        char c = text.charAt(at);
        if (c == ',') {
          at++;
          continue;
        }
        if (c == '}') {
          at++;
          depth--;
          return map;
        }
        throw invalid("after object key:value pair");
      }
    }

    private List<Object> array() {
      enter();
      at++;
      List<Object> list = new ArrayList<>();
      skipSpace();
      if (at < text.length() && text.charAt(at) == ']') {
        at++;
        depth--;
        return list;
      }
      while (true) {
        skipSpace();
        list.add(value());
        frame.memGrow(1);
        skipSpace();
        if (at >= text.length()) {
          throw endOfInput();
        }
        char c = text.charAt(at);
        if (c == ',') {
          at++;
          continue;
        }
        if (c == ']') {
          at++;
          depth--;
          return list;
        }
        throw invalid("after array element");
      }
    }

    private void literal(String word) {
      for (int i = 0; i < word.length(); i++) {
        if (at >= text.length()) {
          if (i == 0) {
            throw endOfInput();
          }
          throw new EvalError(
              "invalid character ' ' in literal " + word + " (expecting '" + word.charAt(i) + "')");
        }
        if (text.charAt(at) != word.charAt(i)) {
          throw invalid("in literal " + word + " (expecting '" + word.charAt(i) + "')");
        }
        at++;
      }
    }

    private Double number() {
      int start = at;
      if (text.charAt(at) == '-') {
        at++;
        if (at >= text.length()) {
          throw new EvalError("invalid character ' ' in numeric literal");
        }
      }
      char c = text.charAt(at);
      if (c == '0') {
        at++;
      } else if (c >= '1' && c <= '9') {
        digits();
      } else {
        throw invalid("in numeric literal");
      }
      if (at < text.length() && text.charAt(at) == '.') {
        at++;
        if (at >= text.length()) {
          throw new EvalError("invalid character ' ' after decimal point in numeric literal");
        }
        if (!isDigit(text.charAt(at))) {
          throw invalid("after decimal point in numeric literal");
        }
        digits();
      }
      if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
        at++;
        if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
          at++;
        }
        if (at >= text.length()) {
          throw new EvalError("invalid character ' ' in exponent of numeric literal");
        }
        if (!isDigit(text.charAt(at))) {
          throw invalid("in exponent of numeric literal");
        }
        digits();
      }
      String literal = text.substring(start, at);
      double value = Double.parseDouble(literal);
      if (Double.isInfinite(value)) {
        throw new EvalError(
            "json: cannot unmarshal number " + literal + " into Go value of type float64");
      }
      return value;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private void digits() {
      while (at < text.length() && isDigit(text.charAt(at))) {
        at++;
      }
    }

    private String string() {
      at++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (at >= text.length()) {
          throw endOfInput();
        }
        char c = text.charAt(at);
        if (c == '"') {
          at++;
          return out.toString();
        }
        if (c < 0x20) {
          throw invalid("in string literal");
        }
        if (c != '\\') {
          out.append(c);
          at++;
          continue;
        }
        at++;
        if (at >= text.length()) {
          throw endOfInput();
        }
        char e = text.charAt(at);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            int unit = hex4(at + 1);
            at += 4;
            if (Character.isHighSurrogate((char) unit)
                && at + 6 < text.length()
                && text.charAt(at + 1) == '\\'
                && text.charAt(at + 2) == 'u') {
              int low = hex4(at + 3);
              if (Character.isLowSurrogate((char) low)) {
                out.append((char) unit).append((char) low);
                at += 6;
                break;
              }
            }
            out.append(Character.isSurrogate((char) unit) ? '\uFFFD' : (char) unit);
          }
          default -> throw invalid("in string escape code");
        }
        at++;
      }
    }

    private int hex4(int from) {
      int value = 0;
      for (int i = from; i < from + 4; i++) {
        if (i >= text.length()) {
          at = i;
          throw endOfInput();
        }
        int digit = Character.digit(text.charAt(i), 16);
        if (digit < 0 || text.charAt(i) > 'f') {
          at = i;
          throw invalid("in \\u hexadecimal character escape");
        }
        value = value * 16 + digit;
      }
      return value;
    }
  }
}
