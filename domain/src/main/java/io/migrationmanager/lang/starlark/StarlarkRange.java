package io.migrationmanager.lang.starlark;

/** The lazy sequence returned by {@code range(start, stop, step)}. */
public final class StarlarkRange extends StarlarkValue implements Indexable {
  final long start;
  final long stop;
  final long step;
  private final int len;

  StarlarkRange(long start, long stop, long step) {
    this.start = start;
    this.stop = stop;
    this.step = step;
    long n;
    if (step > 0) {
      n = start < stop ? divCeil(stop - start, step) : 0;
    } else {
      n = start > stop ? divCeil(start - stop, -step) : 0;
    }
    if (n > Integer.MAX_VALUE || n < 0) {
      throw new EvalException("range: length of range exceeds " + Integer.MAX_VALUE);
    }
    this.len = (int) n;
  }

  private static long divCeil(long a, long b) {
    if (a < 0) {
      throw new EvalException("range: length of range exceeds " + Integer.MAX_VALUE);
    }
    return (a + b - 1) / b;
  }

  @Override
  public String type() {
    return "range";
  }

  @Override
  public boolean truth() {
    return len > 0;
  }

  @Override
  void repr(Printer p) {
    p.append("range(");
    if (start != 0 || step != 1) {
      p.append(Long.toString(start)).append(", ");
    }
    p.append(Long.toString(stop));
    if (step != 1) {
      p.append(", ").append(Long.toString(step));
    }
    p.append(')');
  }

  @Override
  boolean equalsSameType(StarlarkThread th, StarlarkValue other, int depth) {
    StarlarkRange o = (StarlarkRange) other;
    if (len != o.len) {
      return false;
    }
    if (len == 0) {
      return true;
    }
    return start == o.start && (len == 1 || step == o.step);
  }

  @Override
  public int len() {
    return len;
  }

  @Override
  public Object index(int i) {
    return start + i * step;
  }

  @Override
  public Object slice(StarlarkThread th, int lo, int hi, int s) {
    long newStep = step * s;
    long newStart = start + lo * step;
    long newStop = start + hi * step;
    return new StarlarkRange(newStart, newStop, newStep);
  }

  boolean contains(long x) {
    if (len == 0) {
      return false;
    }
    if (step > 0 ? (x < start || x >= stop) : (x > start || x <= stop)) {
      return false;
    }
    return (x - start) % step == 0;
  }
}
