package io.migrationmanager.lang.starlark;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats floats the way go.starlark.net does. {@code str} and {@code %g} use the shortest decimal that
 * reads back as the same float, in exponent form when the decimal exponent is below -4 or at least 6
 * ({@code 1e+06}, {@code 123456.7}, {@code 1e-05}), with {@code .0} added when there is neither a point
 * nor an exponent. {@code %e} and {@code %f} use 6 digits of precision, rounded half to even from the
 * exact binary value. Non-finite values print as {@code +inf}, {@code -inf} and {@code nan}.
 */
final class FloatFormat {
  private FloatFormat() {}

  /** {@code str(f)}. */
  static String str(double d) {
    return format(d, 'g');
  }

  /** Formats for conversion {@code conv}: one of e E f F g G. */
  static String format(double d, char conv) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+inf" : "-inf";
    }
    boolean neg = d < 0 || (d == 0 && 1 / d < 0);
    String body;
    switch (conv) {
      case 'g':
      case 'G':
        body = shortest(Math.abs(d), conv == 'G');
        break;
      case 'e':
      case 'E':
        body = exponent(Math.abs(d), conv == 'E');
        break;
      default:
        body = new BigDecimal(Math.abs(d)).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        break;
    }
    return neg ? "-" + body : body;
  }

  /** Shortest round-tripping digits and decimal exponent of a positive finite value. */
  private static String[] shortestDigits(double d) {
    if (d == 0) {
      return new String[] {"0", "0"};
    }
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        return digitsOf(r);
      }
    }
    return digitsOf(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  /** Digits without trailing zeros, and the exponent of the first digit. */
  private static String[] digitsOf(BigDecimal r) {
    BigDecimal s = r.stripTrailingZeros();
    String digits = s.unscaledValue().toString();
    int exp = digits.length() - 1 - s.scale();
    return new String[] {digits, Integer.toString(exp)};
  }

  private static String shortest(double d, boolean upper) {
    String[] de = shortestDigits(d);
    String digits = de[0];
    int exp = Integer.parseInt(de[1]);
    if (exp < -4 || exp >= 6) {
      return withExponent(digits, exp, upper);
    }
    String s;
    if (exp >= 0) {
      if (digits.length() <= exp + 1) {
        s = digits + "0".repeat(exp + 1 - digits.length()) + ".0";
      } else {
        s = digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
      }
    } else {
      s = "0." + "0".repeat(-exp - 1) + digits;
    }
    return s;
  }

  private static String withExponent(String digits, int exp, boolean upper) {
    StringBuilder sb = new StringBuilder();
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    appendExponent(sb, exp, upper);
    return sb.toString();
  }

  private static void appendExponent(StringBuilder sb, int exp, boolean upper) {
    sb.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a < 10) {
      sb.append('0');
    }
    sb.append(a);
  }

  private static String exponent(double d, boolean upper) {
    StringBuilder sb = new StringBuilder();
    if (d == 0) {
      sb.append("0.000000");
      appendExponent(sb, 0, upper);
      return sb.toString();
    }
    BigDecimal r = new BigDecimal(d).round(new MathContext(7, RoundingMode.HALF_EVEN));
    String digits = r.unscaledValue().toString();
    int exp = digits.length() - 1 - r.scale();
    digits = (digits + "000000").substring(0, 7);
    sb.append(digits.charAt(0)).append('.').append(digits, 1, 7);
    appendExponent(sb, exp, upper);
    return sb.toString();
  }
}
