package io.migrationmanager.lang.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's text conventions that expr-lang exposes: character classes, quoting and number formatting.
 */
final class GoText {
  private GoText() {}

  /** Go's {@code unicode.IsSpace}. */
  static boolean isSpace(int r) {
    if (r <= 0xFF) {
      return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
    }
    int type = Character.getType(r);
    return type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** Letters, digits, {@code _} and {@code $}: the characters of an identifier. */
  static boolean isAlphaNumeric(int r) {
    return r == '_' || r == '$' || Character.isLetter(r) || Character.isDigit(r);
  }

  /** Whether a name can be used as a property after {@code .}. */
  static boolean isValidIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int first = s.codePointAt(0);
    if (!(first == '_' || first == '$' || Character.isLetter(first))) {
      return false;
    }
    return s.codePoints().allMatch(GoText::isAlphaNumeric);
  }

  /** Go's {@code strconv.IsPrint}. */
  static boolean isPrint(int r) {
    if (r == ' ') {
      return true;
    }
    return switch (Character.getType(r)) {
      case Character.CONTROL,
              Character.FORMAT,
              Character.SURROGATE,
              Character.PRIVATE_USE,
              Character.UNASSIGNED,
              Character.LINE_SEPARATOR,
              Character.PARAGRAPH_SEPARATOR,
              Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }

  /** Go's {@code %#U}: {@code U+0040 '@'}. */
  static String formatRune(int r) {
    String hex = String.format("U+%04X", r);
    return isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
  }

  /** Go's {@code strconv.Quote}. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    out.append('"');
    int i = 0;
    while (i < s.length()) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (r == '"' || r == '\\') {
        out.append('\\').appendCodePoint(r);
      } else if (Character.isSurrogate((char) r) && r <= 0xFFFF) {
        out.append("\\ufffd");
      } else if (isPrint(r)) {
        out.appendCodePoint(r);
      } else {
        switch (r) {
          case 7 -> out.append("\\a");
          case 8 -> out.append("\\b");
          case 12 -> out.append("\\f");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case 11 -> out.append("\\v");
          default -> {
            if (r < ' ' || r == 0x7F) {
              out.append(String.format("\\x%02x", r));
            } else if (r < 0x10000) {
              out.append(String.format("\\u%04x", r));
            } else {
              out.append(String.format("\\U%08x", r));
            }
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** The shortest decimal digits that read back as {@code value} (positive, finite, non-zero). */
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (nearest.doubleValue() == value) {
        return nearest.stripTrailingZeros();
      }
      // Next to a power of two the interval that reads back is asymmetric: try both neighbours.
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      boolean upOk = up.doubleValue() == value;
      boolean downOk = down.doubleValue() == value;
      if (upOk && downOk) {
        boolean upCloser = up.subtract(exact).compareTo(exact.subtract(down)) < 0;
        return (upCloser ? up : down).stripTrailingZeros();
      }
      if (upOk || downOk) {
        return (upOk ? up : down).stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /**
   * Go's {@code fmt.Sprint(float64)}, which is {@code strconv.FormatFloat(v, 'g', -1, 64)}: the
   * shortest digits, in exponent form when the decimal exponent is below -4 or at least 6.
   */
  static String formatFloat(double value) {
    return format(value, -4, 6, false);
  }

  /** How {@code encoding/json} writes a float64; the caller rejects NaN and infinities. */
  static String formatJsonFloat(double value) {
    return format(value, -6, 21, true);
  }

  private static String format(double value, int minExponent, int maxExponent, boolean json) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0" : "0";
    }
    String sign = value < 0 ? "-" : "";
    BigDecimal digits = shortest(Math.abs(value));
    String unscaled = digits.unscaledValue().toString();
    int exponent = unscaled.length() - 1 - digits.scale();
    if (exponent < minExponent || exponent >= maxExponent) {
      StringBuilder out = new StringBuilder(sign).append(unscaled.charAt(0));
      if (unscaled.length() > 1) {
        out.append('.').append(unscaled, 1, unscaled.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int magnitude = Math.abs(exponent);
      if (magnitude < 10 && !json) {
        out.append('0');
      }
      return out.append(magnitude).toString();
    }
    return sign + digits.toPlainString();
  }
}
