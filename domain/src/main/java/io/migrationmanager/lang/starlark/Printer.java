package io.migrationmanager.lang.starlark;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the text of {@code str} and {@code repr}. The text is a Starlark string, so it is kept in the byte
 * form of {@link StarlarkString} (one char per UTF-8 byte). Output longer than the thread's string limit,
 * nesting deeper than {@link #MAX_DEPTH} and cycles (printed as {@code ...}) are all handled here.
 */
final class Printer {
  /** Deepest nesting of containers that is printed. */
  static final int MAX_DEPTH = 200;

  private final StringBuilder sb = new StringBuilder();
  private final StarlarkThread th;
  private final int limit;
  private final List<Object> inProgress = new ArrayList<>();

  Printer(StarlarkThread th) {
    this(th, th == null ? StarlarkLimits.DEFAULT.maxStringLength() : th.limits().maxStringLength());
  }

  Printer(StarlarkThread th, int limit) {
    this.th = th;
    this.limit = limit;
  }

  /** Appends text already in byte form (ASCII text is its own byte form). */
  Printer append(String s) {
    sb.append(s);
    if (sb.length() > limit) {
      throw tooLong();
    }
    return this;
  }

  Printer append(char c) {
    sb.append(c);
    if (sb.length() > limit) {
      throw tooLong();
    }
    return this;
  }

  private EvalException tooLong() {
    return new EvalException("string too large: output exceeds the limit of " + limit + " bytes");
  }

  /** Accounts for work proportional to {@code n}. */
  void charge(long n) {
    if (th != null) {
      th.charge(n);
    }
  }

  /** Accounts for scanning or producing {@code n} bytes. */
  void chargeBytes(long n) {
    if (th != null) {
      th.chargeBytes(n);
    }
  }

  /** Marks a container as being printed; false if it already is (a cycle). */
  boolean enter(Object container) {
    for (Object o : inProgress) {
      if (o == container) {
        return false;
      }
    }
    if (inProgress.size() >= MAX_DEPTH) {
      throw new EvalException("repr: value nested too deeply (limit " + MAX_DEPTH + ")");
    }
    inProgress.add(container);
    return true;
  }

  void leave() {
    inProgress.remove(inProgress.size() - 1);
  }

  Printer repr(Object v) {
    if (v instanceof StarlarkValue) {
      ((StarlarkValue) v).repr(this);
    } else if (v instanceof Boolean) {
      append((Boolean) v ? "True" : "False");
    } else if (v instanceof Long || v instanceof BigInteger) {
      append(v.toString());
    } else if (v instanceof Double) {
      append(FloatFormat.str((Double) v));
    } else {
      throw new IllegalStateException("not a Starlark value: " + (v == null ? "null" : v.getClass()));
    }
    return this;
  }

  Printer str(Object v) {
    if (v instanceof StarlarkValue) {
      ((StarlarkValue) v).str(this);
    } else {
      repr(v);
    }
    return this;
  }

  /** The text in byte form. */
  @Override
  public String toString() {
    return sb.toString();
  }

  /** The text as a new Starlark string; producing it is charged to the thread. */
  StarlarkString toStarlarkString() {
    chargeBytes(sb.length());
    return StarlarkString.ofBytes(sb.toString());
  }
}
