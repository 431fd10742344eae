package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Spelling;
import io.migrationmanager.lang.starlark.syntax.TokenKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;

/** The core operations on values: truth, equality, ordering, hashing, arithmetic, indexing, iteration. */
final class Ops {
  /** Deepest nesting that equality, comparison and hashing will follow. */
  static final int MAX_DEPTH = 200;

  /** Largest int, in bits, that arithmetic may produce. */
  static final int MAX_INT_BITS = 1 << 16;

  private Ops() {}

  // ---- basics

  static String type(Object v) {
    if (v instanceof StarlarkValue) {
      return ((StarlarkValue) v).type();
    }
    if (v instanceof Long || v instanceof BigInteger) {
      return "int";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Double) {
      return "float";
    }
    return v == null ? "null" : v.getClass().getSimpleName();
  }

  static boolean truth(Object v) {
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof Long) {
      return (Long) v != 0;
    }
    if (v instanceof StarlarkValue) {
      return ((StarlarkValue) v).truth();
    }
    if (v instanceof Double) {
      return (Double) v != 0.0;
    }
    return true;
  }

  static boolean isInt(Object v) {
    return v instanceof Long || v instanceof BigInteger;
  }

  static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double || v instanceof BigInteger;
  }

  static Object normalize(BigInteger b) {
    if (b.bitLength() < 64) {
      return b.longValue();
    }
    if (b.bitLength() > MAX_INT_BITS) {
      throw new EvalException("int too large: more than " + MAX_INT_BITS + " bits");
    }
    return b;
  }

  static BigInteger big(Object i) {
    return i instanceof Long ? BigInteger.valueOf((Long) i) : (BigInteger) i;
  }

  /** Converts an int or float to a double, failing if an int is too large. */
  static double toDouble(Object x) {
    if (x instanceof Double) {
      return (Double) x;
    }
    if (x instanceof Long) {
      return (double) (Long) x;
    }
    double d = ((BigInteger) x).doubleValue();
    if (Double.isInfinite(d)) {
      throw new EvalException("int too large to convert to float");
    }
    return d;
  }

  /** An int index argument that must fit in an int; {@code what} names it in errors. */
  static int toIndexInt(Object x, String what) {
    if (x instanceof Long) {
      long l = (Long) x;
      if (l > Integer.MAX_VALUE) {
        return Integer.MAX_VALUE;
      }
      if (l < Integer.MIN_VALUE) {
        return Integer.MIN_VALUE;
      }
      return (int) l;
    }
    if (x instanceof BigInteger) {
      return ((BigInteger) x).signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    }
    throw new EvalException(what + ": got " + type(x) + ", want int");
  }

  // ---- equality and ordering

  static boolean equal(StarlarkThread th, Object x, Object y) {
    return equal(th, x, y, 0);
  }

  static boolean equal(StarlarkThread th, Object x, Object y, int depth) {
    if (x == y) {
      return true;
    }
    if (x instanceof Long && y instanceof Long) {
      return ((Long) x).longValue() == ((Long) y).longValue();
    }
    if (isNumber(x) && isNumber(y)) {
      return compareNumbers(x, y) == 0;
    }
    if (x instanceof StarlarkValue && y instanceof StarlarkValue && x.getClass() == y.getClass()) {
      if (depth > MAX_DEPTH) {
        throw new EvalException("comparison exceeded maximum recursion depth");
      }
      return ((StarlarkValue) x).equalsSameType(th, (StarlarkValue) y, depth);
    }
    if (x instanceof Boolean && y instanceof Boolean) {
      return x.equals(y);
    }
    return false;
  }

  static boolean equalArrays(StarlarkThread th, Object[] a, int na, Object[] b, int nb, int depth) {
    if (na != nb) {
      return false;
    }
    if (th != null) {
      th.charge(na);
    }
    for (int i = 0; i < na; i++) {
      if (!equal(th, a[i], b[i], depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /** Three-way comparison for the ordered operators and sorting. */
  static int compare(StarlarkThread th, Object x, Object y) {
    return compare(th, x, y, 0);
  }

  private static int compare(StarlarkThread th, Object x, Object y, int depth) {
    if (x instanceof Long && y instanceof Long) {
      return Long.compare((Long) x, (Long) y);
    }
    if (isNumber(x) && isNumber(y)) {
      return compareNumbers(x, y);
    }
    if (depth > MAX_DEPTH) {
      throw new EvalException("comparison exceeded maximum recursion depth");
    }
    if (x instanceof StarlarkString && y instanceof StarlarkString) {
      return ((StarlarkString) x).compareTo((StarlarkString) y);
    }
    if (x instanceof Boolean && y instanceof Boolean) {
      return Boolean.compare((Boolean) x, (Boolean) y);
    }
    if (x instanceof StarlarkBytes && y instanceof StarlarkBytes) {
      return ((StarlarkBytes) x).compareTo((StarlarkBytes) y);
    }
    if (x instanceof StarlarkTuple && y instanceof StarlarkTuple) {
      StarlarkTuple a = (StarlarkTuple) x;
      StarlarkTuple b = (StarlarkTuple) y;
      return compareArrays(th, a.elems, a.elems.length, b.elems, b.elems.length, depth);
    }
    if (x instanceof StarlarkList && y instanceof StarlarkList) {
      StarlarkList a = (StarlarkList) x;
      StarlarkList b = (StarlarkList) y;
      return compareArrays(th, a.elems, a.size, b.elems, b.size, depth);
    }
    throw new EvalException(type(x) + " < " + type(y) + " not implemented");
  }

  private static int compareArrays(
      StarlarkThread th, Object[] a, int na, Object[] b, int nb, int depth) {
    int n = Math.min(na, nb);
    for (int i = 0; i < n; i++) {
      if (th != null) {
        th.charge(1);
      }
      if (!equal(th, a[i], b[i], depth + 1)) {
        return compare(th, a[i], b[i], depth + 1);
      }
    }
    return Integer.compare(na, nb);
  }

  /** Exact comparison of two numbers; NaN equals NaN and is greater than every other number. */
  static int compareNumbers(Object x, Object y) {
    if (x instanceof Double || y instanceof Double) {
      if (x instanceof Double && y instanceof Double) {
        return compareDoubles((Double) x, (Double) y);
      }
      if (x instanceof Double) {
        return -compareIntDouble(y, (Double) x);
      }
      return compareIntDouble(x, (Double) y);
    }
    if (x instanceof Long && y instanceof Long) {
      return Long.compare((Long) x, (Long) y);
    }
    return big(x).compareTo(big(y));
  }

  private static int compareDoubles(double a, double b) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    if (a == b) {
      return 0;
    }
    boolean na = Double.isNaN(a);
    boolean nb = Double.isNaN(b);
    return na == nb ? 0 : na ? 1 : -1;
  }

  private static int compareIntDouble(Object i, double d) {
    if (Double.isNaN(d)) {
      return -1;
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? -1 : 1;
    }
    if (i instanceof Long) {
      long l = (Long) i;
      if (Math.abs(l) < (1L << 53)) {
        return compareDoubles((double) l, d);
      }
    }
    return new BigDecimal(big(i)).compareTo(new BigDecimal(d));
  }

  // ---- hashing

  static int hash(StarlarkThread th, Object v) {
    if (v instanceof StarlarkString) {
      return ((StarlarkString) v).hash(th);
    }
    if (v instanceof Long) {
      return hashLong((Long) v);
    }
    if (v instanceof StarlarkValue) {
      StarlarkValue sv = (StarlarkValue) v;
      if (!sv.isHashable()) {
        throw new EvalException("unhashable type: " + sv.type());
      }
      return sv.hash(th);
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1231 : 1237;
    }
    if (v instanceof Double) {
      double d = (Double) v;
      if (d == Math.rint(d) && !Double.isInfinite(d)) {
        if (d >= -0x1p63 && d < 0x1p63) {
          return hashLong((long) d);
        }
        return new BigDecimal(d).toBigInteger().hashCode();
      }
      return Double.hashCode(d);
    }
    if (v instanceof BigInteger) {
      return v.hashCode();
    }
    throw new EvalException("unhashable type: " + type(v));
  }

  private static int hashLong(long l) {
    long h = l * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  // ---- unary operators

  static Object unary(TokenKind op, Object x) {
    switch (op) {
      case NOT:
        return !truth(x);
      case MINUS:
        if (x instanceof Long) {
          long l = (Long) x;
          return l == Long.MIN_VALUE ? normalize(BigInteger.valueOf(l).negate()) : (Object) (-l);
        }
        if (x instanceof Double) {
          return -(Double) x;
        }
        if (x instanceof BigInteger) {
          return normalize(((BigInteger) x).negate());
        }
        break;
      case PLUS:
        if (isNumber(x)) {
          return x;
        }
        break;
      case TILDE:
        if (x instanceof Long) {
          return ~(Long) x;
        }
        if (x instanceof BigInteger) {
          return normalize(((BigInteger) x).not());
        }
        break;
      default:
        break;
    }
    throw new EvalException("unknown unary op: " + op + " " + type(x));
  }

  // ---- binary operators

  static Object binary(StarlarkThread th, TokenKind op, Object x, Object y) {
    Object r = binaryOp(th, op, x, y);
    if (r instanceof BigInteger && th != null) {
      th.charge(((BigInteger) r).bitLength() >> 6);
    }
    return r;
  }

  private static Object binaryOp(StarlarkThread th, TokenKind op, Object x, Object y) {
    switch (op) {
      case PLUS:
        return add(th, x, y);
      case MINUS:
        return subtract(th, x, y);
      case STAR:
        return multiply(th, x, y);
      case SLASH:
        return divide(x, y);
      case SLASHSLASH:
        return floorDivide(x, y);
      case PERCENT:
        return modulo(th, x, y);
      case AMP:
      case PIPE:
      case CIRCUMFLEX:
        return bitwise(th, op, x, y);
      case LTLT:
      case GTGT:
        return shift(op, x, y);
      case EQL:
        return equal(th, x, y);
      case NEQ:
        return !equal(th, x, y);
      case LT:
        return compare(th, x, y) < 0;
      case GT:
        return compare(th, x, y) > 0;
      case LE:
        return compare(th, x, y) <= 0;
      case GE:
        return compare(th, x, y) >= 0;
      case IN:
        return contains(th, y, x);
      case NOT_IN:
        return !contains(th, y, x);
      default:
        throw unknownBinary(op, x, y);
    }
  }

  static EvalException unknownBinary(TokenKind op, Object x, Object y) {
    return new EvalException("unknown binary op: " + type(x) + " " + op + " " + type(y));
  }

  static Object add(StarlarkThread th, Object x, Object y) {
    if (x instanceof Long && y instanceof Long) {
      long a = (Long) x;
      long b = (Long) y;
      long r = a + b;
      if (((a ^ r) & (b ^ r)) < 0) {
        return normalize(BigInteger.valueOf(a).add(BigInteger.valueOf(b)));
      }
      return r;
    }
    if (x instanceof StarlarkString && y instanceof StarlarkString) {
      String a = ((StarlarkString) x).s;
      String b = ((StarlarkString) y).s;
      if (b.isEmpty()) {
        return x;
      }
      if (a.isEmpty()) {
        return y;
      }
      long n = (long) a.length() + b.length();
      th.checkLength(n, "string");
      th.chargeBytes(n);
      return StarlarkString.ofBytes(a.concat(b));
    }
    if (isNumber(x) && isNumber(y)) {
      if (x instanceof Double || y instanceof Double) {
        return toDouble(x) + toDouble(y);
      }
      return normalize(big(x).add(big(y)));
    }
    if (x instanceof StarlarkList && y instanceof StarlarkList) {
      StarlarkList a = (StarlarkList) x;
      StarlarkList b = (StarlarkList) y;
      long n = (long) a.size + b.size;
      th.checkSize(n, "list");
      th.charge(n);
      Object[] out = Arrays.copyOf(a.elems, (int) n);
      System.arraycopy(b.elems, 0, out, a.size, b.size);
      return StarlarkList.wrap(out);
    }
    if (x instanceof StarlarkTuple && y instanceof StarlarkTuple) {
      Object[] a = ((StarlarkTuple) x).elems;
      Object[] b = ((StarlarkTuple) y).elems;
      long n = (long) a.length + b.length;
      th.checkSize(n, "tuple");
      th.charge(n);
      Object[] out = Arrays.copyOf(a, (int) n);
      System.arraycopy(b, 0, out, a.length, b.length);
      return StarlarkTuple.wrap(out);
    }
    if (x instanceof StarlarkBytes && y instanceof StarlarkBytes) {
      String a = ((StarlarkBytes) x).b;
      String b = ((StarlarkBytes) y).b;
      long n = (long) a.length() + b.length();
      th.checkLength(n, "bytes");
      th.chargeBytes(n);
      return StarlarkBytes.ofBytes(a.concat(b));
    }
    throw unknownBinary(TokenKind.PLUS, x, y);
  }

  private static Object subtract(StarlarkThread th, Object x, Object y) {
    if (x instanceof Long && y instanceof Long) {
      long a = (Long) x;
      long b = (Long) y;
      long r = a - b;
      if (((a ^ b) & (a ^ r)) < 0) {
        return normalize(BigInteger.valueOf(a).subtract(BigInteger.valueOf(b)));
      }
      return r;
    }
    if (isNumber(x) && isNumber(y)) {
      if (x instanceof Double || y instanceof Double) {
        return toDouble(x) - toDouble(y);
      }
      return normalize(big(x).subtract(big(y)));
    }
    if (x instanceof StarlarkSet && y instanceof StarlarkSet) {
      return SetOps.difference(th, (StarlarkSet) x, (StarlarkSet) y);
    }
    throw unknownBinary(TokenKind.MINUS, x, y);
  }

  private static Object multiply(StarlarkThread th, Object x, Object y) {
    if (x instanceof Long && y instanceof Long) {
      long a = (Long) x;
      long b = (Long) y;
      long hi = Math.multiplyHigh(a, b);
      long lo = a * b;
      if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
        return lo;
      }
      return normalize(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
    }
    if (isNumber(x) && isNumber(y)) {
      if (x instanceof Double || y instanceof Double) {
        return toDouble(x) * toDouble(y);
      }
      BigInteger a = big(x);
      BigInteger b = big(y);
      if ((long) a.bitLength() + b.bitLength() > MAX_INT_BITS + 1) {
        throw new EvalException("int too large: more than " + MAX_INT_BITS + " bits");
      }
      return normalize(a.multiply(b));
    }
    if (isInt(x)) {
      return repeat(th, y, x);
    }
    if (isInt(y)) {
      return repeat(th, x, y);
    }
    throw unknownBinary(TokenKind.STAR, x, y);
  }

  private static Object repeat(StarlarkThread th, Object seq, Object count) {
    if (!(seq instanceof StarlarkString
        || seq instanceof StarlarkBytes
        || seq instanceof StarlarkList
        || seq instanceof StarlarkTuple)) {
      throw unknownBinary(TokenKind.STAR, seq, count);
    }
    long n;
    if (count instanceof Long) {
      n = Math.max(0, (Long) count);
    } else {
      if (((BigInteger) count).signum() > 0) {
        throw new EvalException("repeat count " + count + " too large");
      }
      n = 0;
    }
    if (seq instanceof StarlarkString || seq instanceof StarlarkBytes) {
      String s = seq instanceof StarlarkString ? ((StarlarkString) seq).s : ((StarlarkBytes) seq).b;
      long total = multiplySaturated(s.length(), n);
      if (total > th.limits().maxStringLength()) {
        throw new EvalException(
            "repeat count " + n + " too large: result would exceed the limit of "
                + th.limits().maxStringLength() + " bytes");
      }
      th.chargeBytes(total);
      String r = s.repeat((int) (total == 0 ? 0 : n));
      return seq instanceof StarlarkString ? StarlarkString.ofBytes(r) : StarlarkBytes.ofBytes(r);
    }
    Object[] elems;
    int len;
    if (seq instanceof StarlarkList) {
      elems = ((StarlarkList) seq).elems;
      len = ((StarlarkList) seq).size;
    } else {
      elems = ((StarlarkTuple) seq).elems;
      len = elems.length;
    }
    long total = multiplySaturated(len, n);
    if (total > th.limits().maxCollectionSize()) {
      throw new EvalException(
          "repeat count " + n + " too large: result would exceed the limit of "
              + th.limits().maxCollectionSize() + " elements");
    }
    th.charge(total);
    Object[] out = new Object[(int) total];
    for (int i = 0; i < total; i += len) {
      System.arraycopy(elems, 0, out, i, len);
    }
    return seq instanceof StarlarkList ? StarlarkList.wrap(out) : StarlarkTuple.wrap(out);
  }

  private static long multiplySaturated(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    if (a > Long.MAX_VALUE / b) {
      return Long.MAX_VALUE;
    }
    return a * b;
  }

  private static Object divide(Object x, Object y) {
    if (isNumber(x) && isNumber(y)) {
      double b = toDouble(y);
      if (b == 0.0) {
        throw new EvalException("floating-point division by zero");
      }
      return toDouble(x) / b;
    }
    throw unknownBinary(TokenKind.SLASH, x, y);
  }

  private static Object floorDivide(Object x, Object y) {
    if (x instanceof Long && y instanceof Long) {
      long a = (Long) x;
      long b = (Long) y;
      if (b == 0) {
        throw new EvalException("floored division by zero");
      }
      if (a == Long.MIN_VALUE && b == -1) {
        return normalize(BigInteger.valueOf(a).negate());
      }
      return Math.floorDiv(a, b);
    }
    if (isNumber(x) && isNumber(y)) {
      if (x instanceof Double || y instanceof Double) {
        double b = toDouble(y);
        if (b == 0.0) {
          throw new EvalException("floored division by zero");
        }
        return Math.floor(toDouble(x) / b);
      }
      BigInteger b = big(y);
      if (b.signum() == 0) {
        throw new EvalException("floored division by zero");
      }
      BigInteger[] qr = big(x).divideAndRemainder(b);
      BigInteger q = qr[0];
      if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) {
        q = q.subtract(BigInteger.ONE);
      }
      return normalize(q);
    }
    throw unknownBinary(TokenKind.SLASHSLASH, x, y);
  }

  private static Object modulo(StarlarkThread th, Object x, Object y) {
    if (x instanceof Long && y instanceof Long) {
      long b = (Long) y;
      if (b == 0) {
        throw new EvalException("integer modulo by zero");
      }
      return Math.floorMod((Long) x, b);
    }
    if (x instanceof StarlarkString) {
      return Interpolation.format(th, ((StarlarkString) x).s, y);
    }
    if (isNumber(x) && isNumber(y)) {
      if (x instanceof Double || y instanceof Double) {
        double b = toDouble(y);
        if (b == 0.0) {
          throw new EvalException("floating-point modulo by zero");
        }
        double r = toDouble(x) % b;
        if (r != 0 && (r < 0) != (b < 0)) {
          r += b;
        }
        return r;
      }
      BigInteger b = big(y);
      if (b.signum() == 0) {
        throw new EvalException("integer modulo by zero");
      }
      BigInteger r = big(x).mod(b.abs());
      if (b.signum() < 0 && r.signum() != 0) {
        r = r.add(b);
      }
      return normalize(r);
    }
    throw unknownBinary(TokenKind.PERCENT, x, y);
  }

  private static Object bitwise(StarlarkThread th, TokenKind op, Object x, Object y) {
    if (x instanceof Long && y instanceof Long) {
      long a = (Long) x;
      long b = (Long) y;
      return op == TokenKind.AMP ? a & b : op == TokenKind.PIPE ? a | b : a ^ b;
    }
    if (isInt(x) && isInt(y)) {
      BigInteger a = big(x);
      BigInteger b = big(y);
      return normalize(op == TokenKind.AMP ? a.and(b) : op == TokenKind.PIPE ? a.or(b) : a.xor(b));
    }
    if (x instanceof StarlarkSet && y instanceof StarlarkSet) {
      StarlarkSet a = (StarlarkSet) x;
      StarlarkSet b = (StarlarkSet) y;
      if (op == TokenKind.AMP) {
        return SetOps.intersection(th, a, b);
      }
      return op == TokenKind.PIPE ? SetOps.union(th, a, b) : SetOps.symmetricDifference(th, a, b);
    }
    if (op == TokenKind.PIPE && x instanceof StarlarkDict && y instanceof StarlarkDict) {
      StarlarkDict out = ((StarlarkDict) x).copy();
      SetOps.updateDict(th, out, (StarlarkDict) y);
      return out;
    }
    throw unknownBinary(op, x, y);
  }

  private static Object shift(TokenKind op, Object x, Object y) {
    if (isInt(x) && isInt(y)) {
      if (y instanceof BigInteger || (Long) y >= 512) {
        if (big(y).signum() < 0) {
          throw new EvalException("negative shift count: " + y);
        }
        if (op == TokenKind.GTGT) {
          return signOf(x) < 0 ? -1L : 0L;
        }
        throw new EvalException("shift count too large: " + y);
      }
      long n = (Long) y;
      if (n < 0) {
        throw new EvalException("negative shift count: " + y);
      }
      if (op == TokenKind.LTLT) {
        if (x instanceof Long) {
          long a = (Long) x;
          if (n < 63 && (a >> (63 - n)) == (a >> 63)) {
            return a << n;
          }
        }
        return normalize(big(x).shiftLeft((int) n));
      }
      if (x instanceof Long) {
        return n >= 64 ? ((Long) x < 0 ? -1L : 0L) : (Object) ((Long) x >> n);
      }
      return normalize(((BigInteger) x).shiftRight((int) n));
    }
    throw unknownBinary(op, x, y);
  }

  private static int signOf(Object i) {
    return i instanceof Long ? Long.signum((Long) i) : ((BigInteger) i).signum();
  }

  // ---- membership

  static boolean contains(StarlarkThread th, Object container, Object x) {
    if (container instanceof StarlarkDict) {
      if (x instanceof StarlarkValue && !((StarlarkValue) x).isHashable()) {
        return false;
      }
      return ((StarlarkDict) container).containsKey(th, x);
    }
    if (container instanceof StarlarkList) {
      StarlarkList l = (StarlarkList) container;
      return indexOf(th, l.elems, 0, l.size, x) >= 0;
    }
    if (container instanceof StarlarkTuple) {
      Object[] e = ((StarlarkTuple) container).elems;
      return indexOf(th, e, 0, e.length, x) >= 0;
    }
    if (container instanceof StarlarkString) {
      if (!(x instanceof StarlarkString)) {
        throw new EvalException(
            "'in <string>' requires string as left operand, not " + type(x));
      }
      String s = ((StarlarkString) container).s;
      th.chargeBytes(s.length());
      return s.contains(((StarlarkString) x).s);
    }
    if (container instanceof StarlarkSet) {
      return ((StarlarkSet) container).contains(th, x);
    }
    if (container instanceof StarlarkBytes) {
      String b = ((StarlarkBytes) container).b;
      if (x instanceof StarlarkBytes) {
        th.chargeBytes(b.length());
        return b.contains(((StarlarkBytes) x).b);
      }
      if (isInt(x)) {
        if (!(x instanceof Long) || (Long) x < 0 || (Long) x > 255) {
          throw new EvalException("int in bytes: " + x + " out of range");
        }
        return b.indexOf((char) (long) (Long) x) >= 0;
      }
      throw new EvalException("'in bytes' requires bytes or int as left operand, not " + type(x));
    }
    if (container instanceof StarlarkRange) {
      if (x instanceof Long) {
        return ((StarlarkRange) container).contains((Long) x);
      }
      if (x instanceof Double) {
        double d = (Double) x;
        return d == Math.rint(d) && Math.abs(d) < 0x1p63 && ((StarlarkRange) container).contains((long) d);
      }
      if (x instanceof BigInteger) {
        return false;
      }
      throw new EvalException("'in <range>' requires integer as left operand, not " + type(x));
    }
    throw unknownBinary(TokenKind.IN, x, container);
  }

  /** Index of the first element in {@code [from, to)} equal to {@code x}, or -1. */
  static int indexOf(StarlarkThread th, Object[] elems, int from, int to, Object x) {
    for (int i = from; i < to; i++) {
      th.charge(1);
      if (equal(th, elems[i], x)) {
        return i;
      }
    }
    return -1;
  }

  // ---- indexing and slicing

  static Object index(StarlarkThread th, Object x, Object i) {
    if (x instanceof StarlarkDict) {
      Object v = ((StarlarkDict) x).get(th, i);
      if (v == null) {
        throw new EvalException("key " + Starlark.repr(th, i) + " not in dict");
      }
      return v;
    }
    if (x instanceof Indexable) {
      Indexable s = (Indexable) x;
      return s.index(checkIndex(type(x), i, s.len()));
    }
    if (x instanceof StarlarkString) {
      String s = ((StarlarkString) x).s;
      return StarlarkString.ofByte(s.charAt(checkIndex("string", i, s.length())));
    }
    if (x instanceof ElemsView && ((ElemsView) x).isIndexable()) {
      ElemsView v = (ElemsView) x;
      return v.index(checkIndex(v.type(), i, v.len()));
    }
    throw new EvalException("unhandled index operation " + type(x) + "[" + type(i) + "]");
  }

  /** Validates an element index and resolves a negative one. */
  static int checkIndex(String what, Object i, int n) {
    if (!isInt(i)) {
      throw new EvalException(what + " index: got " + type(i) + ", want int");
    }
    long k = i instanceof Long ? (Long) i : (((BigInteger) i).signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
    long orig = k;
    if (k < 0) {
      k += n;
    }
    if (k < 0 || k >= n) {
      if (n == 0) {
        throw new EvalException("index " + i + " out of range: empty " + what);
      }
      throw new EvalException(
          what + " index " + (i instanceof Long ? Long.toString(orig) : i.toString()) + " out of range ["
              + (-n) + ":" + (n - 1) + "]");
    }
    return (int) k;
  }

  static Object slice(StarlarkThread th, Object x, Object lo, Object hi, Object step) {
    int n;
    if (x instanceof Indexable) {
      n = ((Indexable) x).len();
    } else if (x instanceof StarlarkString) {
      n = ((StarlarkString) x).s.length();
    } else {
      throw new EvalException("invalid slice operand " + type(x));
    }
    int s = 1;
    if (step != null && step != NoneType.NONE) {
      s = toIndexInt(step, "invalid slice step");
      if (s == 0) {
        throw new EvalException("zero is not a valid slice step");
      }
      if (s == Integer.MIN_VALUE) {
        s = -Integer.MAX_VALUE;
      }
    }
    int start;
    int stop;
    if (s > 0) {
      start = sliceBound(lo, n, 0, 0, n, "invalid start index");
      stop = sliceBound(hi, n, n, 0, n, "invalid end index");
    } else {
      start = sliceBound(lo, n, n - 1, -1, n - 1, "invalid start index");
      stop = sliceBound(hi, n, -1, -1, n - 1, "invalid end index");
    }
    if (x instanceof StarlarkString) {
      return StarlarkString.ofBytes(sliceString(th, ((StarlarkString) x).s, start, stop, s));
    }
    return ((Indexable) x).slice(th, start, stop, s);
  }

  private static int sliceBound(Object v, int n, int dflt, int min, int max, String what) {
    if (v == null || v == NoneType.NONE) {
      return dflt;
    }
    long k = toIndexInt(v, what);
    if (k < 0) {
      k += n;
    }
    return (int) Math.max(min, Math.min(max, k));
  }

  /** Number of elements selected by a resolved slice. */
  static int sliceLength(int start, int stop, int step) {
    if (step > 0) {
      return start < stop ? (int) (((long) stop - start + step - 1) / step) : 0;
    }
    return start > stop ? (int) (((long) start - stop - step - 1) / -step) : 0;
  }

  static Object[] sliceArray(StarlarkThread th, Object[] elems, int start, int stop, int step) {
    int n = sliceLength(start, stop, step);
    th.charge(n);
    if (step == 1) {
      return Arrays.copyOfRange(elems, start, start + n);
    }
    Object[] out = new Object[n];
    for (int i = 0, k = start; i < n; i++, k += step) {
      out[i] = elems[k];
    }
    return out;
  }

  static String sliceString(StarlarkThread th, String s, int start, int stop, int step) {
    int n = sliceLength(start, stop, step);
    if (step == 1) {
      return s.substring(start, start + n);
    }
    th.chargeBytes(n);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0, k = start; i < n; i++, k += step) {
      sb.append(s.charAt(k));
    }
    return sb.toString();
  }

  // ---- attributes

  static Object getAttr(Object x, String name) {
    if (x instanceof StarlarkValue) {
      StarlarkValue v = (StarlarkValue) x;
      Object a = v.attr(name);
      if (a != null) {
        return a;
      }
      throw noSuchAttr(v, name);
    }
    throw new EvalException(type(x) + " has no ." + name + " field or method");
  }

  static EvalException noSuchAttr(StarlarkValue v, String name) {
    if (v instanceof AttrObject) {
      return ((AttrObject) v).invalidField(name);
    }
    String hint = Spelling.nearest(name, v.attrNames());
    return new EvalException(
        v.type() + " has no ." + name + " field or method"
            + (hint == null ? "" : " (did you mean ." + hint + "?)"));
  }

  static boolean hasAttr(Object x, String name) {
    return x instanceof StarlarkValue && ((StarlarkValue) x).attr(name) != null;
  }

  // ---- length and iteration

  /** The length of a value, or -1 if it has none. */
  static int len(Object x) {
    if (x instanceof StarlarkString) {
      return ((StarlarkString) x).s.length();
    }
    if (x instanceof Indexable) {
      return ((Indexable) x).len();
    }
    if (x instanceof StarlarkDict) {
      return ((StarlarkDict) x).size();
    }
    if (x instanceof StarlarkSet) {
      return ((StarlarkSet) x).size();
    }
    if (x instanceof ElemsView && ((ElemsView) x).isIndexable()) {
      return ((ElemsView) x).len();
    }
    return -1;
  }

  /** Starts iterating, or returns null if the value is not iterable. */
  static Iter iterateOrNull(Object x) {
    if (x instanceof StarlarkList) {
      return ((StarlarkList) x).iterate();
    }
    if (x instanceof StarlarkTuple) {
      Object[] e = ((StarlarkTuple) x).elems;
      return Iter.ofArray(e, e.length);
    }
    if (x instanceof StarlarkDict) {
      return ((StarlarkDict) x).table.iterateKeys();
    }
    if (x instanceof StarlarkSet) {
      return ((StarlarkSet) x).table.iterateKeys();
    }
    if (x instanceof StarlarkRange) {
      return Iter.ofIndexable((StarlarkRange) x);
    }
    if (x instanceof ElemsView) {
      return ((ElemsView) x).iterate();
    }
    return null;
  }

  /** Starts iterating; fails with {@code T value is not iterable}. */
  static Iter iterate(Object x) {
    Iter it = iterateOrNull(x);
    if (it == null) {
      throw new EvalException(type(x) + " value is not iterable");
    }
    return it;
  }

  /**
   * The elements of an iterable as a fresh array, charging one step each. Returns null if the value is
   * not iterable, so callers can phrase their own error.
   */
  static Object[] toArrayOrNull(StarlarkThread th, Object x) {
    if (x instanceof StarlarkList) {
      StarlarkList l = (StarlarkList) x;
      th.charge(l.size);
      return l.toArray();
    }
    if (x instanceof StarlarkTuple) {
      Object[] e = ((StarlarkTuple) x).elems;
      th.charge(e.length);
      return e.clone();
    }
    if (x instanceof StarlarkDict) {
      th.charge(((StarlarkDict) x).size());
      return ((StarlarkDict) x).table.keysArray();
    }
    if (x instanceof StarlarkSet) {
      th.charge(((StarlarkSet) x).size());
      return ((StarlarkSet) x).table.keysArray();
    }
    Iter it = iterateOrNull(x);
    if (it == null) {
      return null;
    }
    int n = len(x);
    if (n >= 0) {
      th.checkSize(n, type(x));
      th.charge(n);
      Object[] out = new Object[n];
      for (int i = 0; i < n; i++) {
        out[i] = it.next();
      }
      return out;
    }
    ArrayList<Object> out = new ArrayList<>();
    while (it.hasNext()) {
      th.charge(1);
      th.checkSize(out.size() + 1L, type(x));
      out.add(it.next());
    }
    return out.toArray();
  }

  /** Like {@link #toArrayOrNull}, failing with {@code fn: for parameter N: got T, want iterable}. */
  static Object[] toArray(StarlarkThread th, Object x, String fn, int param) {
    Object[] out = toArrayOrNull(th, x);
    if (out == null) {
      throw new EvalException(
          fn + ": for parameter " + param + ": got " + type(x) + ", want iterable");
    }
    return out;
  }

  /** Stores {@code x[i] = v}. */
  static void setIndex(StarlarkThread th, Object x, Object i, Object v) {
    if (x instanceof StarlarkList) {
      StarlarkList l = (StarlarkList) x;
      l.checkMutable("assign to element of");
      l.set(checkIndex("list", i, l.size), v);
      return;
    }
    if (x instanceof StarlarkDict) {
      ((StarlarkDict) x).put(th, i, v);
      return;
    }
    throw new EvalException(type(x) + " value does not support item assignment");
  }
}
