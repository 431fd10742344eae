package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Utf8;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** String formatting: the {@code format % args} operator and the {@code format} method of strings. */
final class Interpolation {
  private Interpolation() {}

  /** {@code format % args}; {@code fmt} is in byte form. */
  static StarlarkString format(StarlarkThread th, String fmt, Object args) {
    Object[] list = args instanceof StarlarkTuple ? ((StarlarkTuple) args).elems : new Object[] {args};
    int next = 0;
    boolean usedMapping = false;
    Printer out = new Printer(th);
    th.chargeBytes(fmt.length());
    int n = fmt.length();
    int i = 0;
    while (i < n) {
      int pct = fmt.indexOf('%', i);
      if (pct < 0) {
        out.append(fmt.substring(i));
        break;
      }
      out.append(fmt.substring(i, pct));
      i = pct + 1;
      if (i >= n) {
        throw new EvalException("incomplete format");
      }
      char c = fmt.charAt(i);
      if (c == '%') {
        out.append('%');
        i++;
        continue;
      }
      Object arg;
      if (c == '(') {
        int close = fmt.indexOf(')', i);
        if (close < 0) {
          throw new EvalException("incomplete format key");
        }
        if (!(args instanceof StarlarkDict)) {
          throw new EvalException("format requires a mapping");
        }
        StarlarkString key = StarlarkString.ofBytes(fmt.substring(i + 1, close));
        arg = ((StarlarkDict) args).get(th, key);
        if (arg == null) {
          throw new EvalException("key not found: " + key.toJavaString());
        }
        usedMapping = true;
        i = close + 1;
        if (i >= n) {
          throw new EvalException("incomplete format");
        }
        c = fmt.charAt(i);
      } else {
        if (next >= list.length) {
          throw new EvalException("not enough arguments for format string");
        }
        arg = list[next++];
      }
      i++;
      convert(th, out, c, arg);
    }
    if (!usedMapping && next < list.length) {
      throw new EvalException("too many arguments for format string");
    }
    return out.toStarlarkString();
  }

  private static void convert(StarlarkThread th, Printer out, char c, Object arg) {
    switch (c) {
      case 's':
        out.str(arg);
        return;
      case 'r':
        out.repr(arg);
        return;
      case 'd':
      case 'i':
        out.append(toIntForFormat(c, arg).toString());
        return;
      case 'o':
      case 'x':
      case 'X':
        {
          BigInteger v = toIntForFormat(c, arg);
          String s = v.abs().toString(c == 'o' ? 8 : 16);
          if (c == 'X') {
            s = s.toUpperCase(Locale.ROOT);
          }
          out.append(v.signum() < 0 ? "-" + s : s);
          return;
        }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        {
          if (!Ops.isNumber(arg)) {
            throw new EvalException(
                "%" + c + " format requires float: cannot convert " + Ops.type(arg) + " to float");
          }
          out.append(FloatFormat.format(Ops.toDouble(arg), c));
          return;
        }
      case 'c':
        if (arg instanceof Long) {
          long cp = (Long) arg;
          if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw new EvalException("%c format requires a valid Unicode code point, got " + cp);
          }
          StringBuilder sb = new StringBuilder();
          Utf8.encode(sb, (int) cp);
          out.append(sb.toString());
          return;
        }
        if (arg instanceof StarlarkString) {
          String s = ((StarlarkString) arg).s;
          if (s.isEmpty() || (Utf8.decode(s, 0) & 7) != s.length()) {
            throw new EvalException("%c format requires a single-character string");
          }
          out.append(s);
          return;
        }
        throw new EvalException("%c format requires int or single-character string, not " + Ops.type(arg));
      default:
        throw new EvalException("unknown conversion %" + c);
    }
  }

  private static BigInteger toIntForFormat(char c, Object arg) {
    if (arg instanceof Long) {
      return BigInteger.valueOf((Long) arg);
    }
    if (arg instanceof BigInteger) {
      return (BigInteger) arg;
    }
    if (arg instanceof Double) {
      double d = (Double) arg;
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new EvalException("%" + c + " format requires integer: cannot convert float " + d + " to int");
      }
      return new BigDecimal(d).toBigInteger();
    }
    throw new EvalException(
        "%" + c + " format requires integer: cannot convert " + Ops.type(arg) + " to int");
  }

  /** {@code fmt.format(*args, **kwargs)}. */
  static StarlarkString formatMethod(StarlarkThread th, String fmt, Arguments args) {
    Printer out = new Printer(th);
    th.chargeBytes(fmt.length());
    int auto = 0;
    boolean usedAuto = false;
    boolean usedManual = false;
    int n = fmt.length();
    int i = 0;
    while (i < n) {
      char c = fmt.charAt(i);
      if (c == '}') {
        if (i + 1 < n && fmt.charAt(i + 1) == '}') {
          out.append('}');
          i += 2;
          continue;
        }
        throw new EvalException("format: single '}' in format");
      }
      if (c != '{') {
        int j = i;
        while (j < n && fmt.charAt(j) != '{' && fmt.charAt(j) != '}') {
          j++;
        }
        out.append(fmt.substring(i, j));
        i = j;
        continue;
      }
      if (i + 1 < n && fmt.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
        continue;
      }
      int close = fmt.indexOf('}', i + 1);
      if (close < 0) {
        throw new EvalException("format: unmatched '{' in format");
      }
      String field = fmt.substring(i + 1, close);
      i = close + 1;
      String conv = "s";
      int bang = field.indexOf('!');
      if (field.indexOf(':') >= 0) {
        throw new EvalException(
            "format: format spec features not supported in replacement fields: "
                + field.substring(field.indexOf(':') + 1));
      }
      if (bang >= 0) {
        conv = field.substring(bang + 1);
        field = field.substring(0, bang);
        if (!conv.equals("s") && !conv.equals("r")) {
          throw new EvalException("format: unknown conversion \"" + conv + "\"");
        }
      }
      Object arg;
      if (field.isEmpty()) {
        if (usedManual) {
          throw new EvalException(
              "format: cannot switch from manual field specification to automatic field numbering");
        }
        usedAuto = true;
        if (auto >= args.size()) {
          throw new EvalException("format: tuple index out of range");
        }
        arg = args.get(auto++);
      } else if (isDigits(field)) {
        if (usedAuto) {
          throw new EvalException(
              "format: cannot switch from automatic field numbering to manual field specification");
        }
        usedManual = true;
        int k;
        try {
          k = Integer.parseInt(field);
        } catch (NumberFormatException e) {
          k = Integer.MAX_VALUE;
        }
        if (k >= args.size()) {
          throw new EvalException("format: tuple index out of range");
        }
        arg = args.get(k);
      } else {
        if (field.indexOf('.') >= 0) {
          throw new EvalException(
              "format: attribute syntax x.y is not supported in replacement fields: " + field);
        }
        if (field.indexOf('[') >= 0) {
          throw new EvalException(
              "format: element syntax a[i] is not supported in replacement fields: " + field);
        }
        arg = null;
        for (int k = 0; k < args.namedCount(); k++) {
          if (Utf8.fromJava(args.name(k)).equals(field)) {
            arg = args.namedValue(k);
          }
        }
        if (arg == null) {
          throw new EvalException("format: keyword " + Utf8.toJava(field) + " not found");
        }
      }
      if (conv.equals("r")) {
        out.repr(arg);
      } else {
        out.str(arg);
      }
    }
    return out.toStarlarkString();
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
