package io.migrationmanager.lang.starlark;

import java.time.Duration;

/**
 * Resource limits of a {@link StarlarkThread}. Each outermost call into the interpreter (module execution or
 * a host call of a function) gets the whole step budget and deadline.
 *
 * @param maxSteps computation steps allowed: one per statement, loop iteration and call, plus work
 *     proportional to the size of what bulk operations (repetition, concatenation, sorting, formatting...)
 *     produce or scan
 * @param timeout wall-clock time allowed
 * @param maxStringLength longest string or bytes value (in bytes) that may be created
 * @param maxCollectionSize most elements a list, tuple, dict or set may hold
 * @param maxCallDepth deepest nesting of calls
 */
public record StarlarkLimits(
    long maxSteps, Duration timeout, int maxStringLength, int maxCollectionSize, int maxCallDepth) {

  /** 10 million steps, 10 seconds, 10 MB strings, 1 million elements, 200 nested calls. */
  public static final StarlarkLimits DEFAULT =
      new StarlarkLimits(10_000_000L, Duration.ofSeconds(10), 10_000_000, 1_000_000, 200);

  public StarlarkLimits {
    if (maxSteps <= 0 || maxStringLength <= 0 || maxCollectionSize <= 0 || maxCallDepth <= 0) {
      throw new IllegalArgumentException("Starlark limits must be positive");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Starlark timeout must be positive");
    }
  }

  public StarlarkLimits withMaxSteps(long steps) {
    return new StarlarkLimits(steps, timeout, maxStringLength, maxCollectionSize, maxCallDepth);
  }

  public StarlarkLimits withTimeout(Duration t) {
    return new StarlarkLimits(maxSteps, t, maxStringLength, maxCollectionSize, maxCallDepth);
  }

  public StarlarkLimits withMaxStringLength(int n) {
    return new StarlarkLimits(maxSteps, timeout, n, maxCollectionSize, maxCallDepth);
  }

  public StarlarkLimits withMaxCollectionSize(int n) {
    return new StarlarkLimits(maxSteps, timeout, maxStringLength, n, maxCallDepth);
  }

  public StarlarkLimits withMaxCallDepth(int n) {
    return new StarlarkLimits(maxSteps, timeout, maxStringLength, maxCollectionSize, n);
  }
}
