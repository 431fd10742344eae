package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Position;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state of one Starlark computation: its call stack, its step and time budget, where {@code print} goes,
 * and host data for builtins ({@link #setLocal}). A thread is used by one Java thread at a time; compiled
 * programs and frozen modules may be shared by many threads.
 *
 * <p>Each outermost call into the interpreter ({@link StarlarkProgram#execute} or {@link #call} from the
 * host) starts with a fresh step budget and deadline from {@link #limits()}. Calls made by builtins while
 * Starlark code is running (for example a {@code key} function of {@code sorted}) share the budget.
 */
public final class StarlarkThread {
  private static final int CHECK_INTERVAL = 1024;

  static {
    // Initialize the classes that have static state now rather than at their first use, which may happen
    // deep in a recursion: a class whose initializer runs out of stack stays unusable for the JVM's life.
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (Class<?> c :
        List.of(
            Universe.class,
            StringMethods.class,
            CollectionMethods.class,
            StarlarkString.class,
            StarlarkTuple.class,
            StarlarkBytes.class,
            StarlarkFunction.class,
            NoneType.class,
            HashTable.class,
            Interop.class,
            RecordValue.class,
            Ops.class,
            Arguments.class,
            ElemsView.Kind.class)) {
      try {
        lookup.ensureInitialized(c);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final String name;
  private final StarlarkLimits limits;
  private final Map<String, Object> locals = new HashMap<>();
  private Consumer<String> printHandler = s -> {};

  private long steps;
  private long nextCheck;
  private long deadline;
  private volatile String cancelReason;

  private Frame[] frames = new Frame[8];
  private int depth;

  /** A thread with the default limits. */
  public StarlarkThread(String name) {
    this(name, StarlarkLimits.DEFAULT);
  }

  public StarlarkThread(String name, StarlarkLimits limits) {
    this.name = Objects.requireNonNull(name);
    this.limits = Objects.requireNonNull(limits);
  }

  public String name() {
    return name;
  }

  public StarlarkLimits limits() {
    return limits;
  }

  /** Where {@code print} output goes (one call per printed line, without newline); discarded by default. */
  public void setPrintHandler(Consumer<String> handler) {
    this.printHandler = Objects.requireNonNull(handler);
  }

  Consumer<String> printHandler() {
    return printHandler;
  }

  /** Stores host data that builtins called on this thread can read back. */
  public void setLocal(String key, Object value) {
    locals.put(key, value);
  }

  /** Host data stored with {@link #setLocal}, or null. */
  public Object getLocal(String key) {
    return locals.get(key);
  }

  /**
   * Asks the computation running on this thread to stop; it fails with a cancellation error at its next
   * check. Cancellation is permanent: later calls on this thread fail too.
   */
  public void cancel(String reason) {
    cancelReason = reason == null ? "cancelled" : reason;
  }

  /** Steps consumed by the current (or last) outermost call. */
  public long steps() {
    return steps;
  }

  /** Sets the step counter, for test harnesses that give back the steps of a deliberately failed call. */
  void restoreSteps(long value) {
    steps = value;
    nextCheck = Math.min(steps + CHECK_INTERVAL, limits.maxSteps() + 1);
  }

  /**
   * Calls a Starlark callable (a function of a module, a builtin, a bound method) from the host. Arguments
   * are converted with {@link Starlark#fromJava}; the result is a Starlark value (see {@link
   * Starlark#toJava}).
   *
   * @throws StarlarkException if the call fails, including when it runs out of steps or time
   */
  public Object call(Object fn, List<?> args, Map<String, ?> kwargs) {
    Object[] pos = new Object[args == null ? 0 : args.size()];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = Starlark.fromJava(args.get(i));
    }
    int nk = kwargs == null ? 0 : kwargs.size();
    String[] names = new String[nk];
    Object[] values = new Object[nk];
    if (nk > 0) {
      int i = 0;
      for (Map.Entry<String, ?> e : kwargs.entrySet()) {
        names[i] = e.getKey();
        values[i] = Starlark.fromJava(e.getValue());
        i++;
      }
    }
    Object callee = Starlark.fromJava(fn);
    return run(() -> Calls.call(this, callee, pos, names, values));
  }

  /** Runs a computation with the budget rules of an outermost (or nested host) entry. */
  <T> T run(Supplier<T> body) {
    boolean outermost = depth == 0;
    if (outermost) {
      steps = 0;
      nextCheck = Math.min(CHECK_INTERVAL, limits.maxSteps() + 1);
      deadline = System.nanoTime() + limits.timeout().toNanos();
    }
    int savedDepth = depth;
    try {
      if (outermost) {
        checkLimits();
      }
      return body.get();
    } catch (EvalException e) {
      throw e.locate(null, this, null).toStarlarkException();
    } catch (StackOverflowError e) {
      throw new EvalException("Java stack exhausted (nesting too deep)").locate(null, this, null)
          .toStarlarkException();
    } finally {
      while (depth > savedDepth) {
        pop();
      }
    }
  }

  // ---- budget

  /** Counts one step. */
  void step() {
    if (++steps >= nextCheck) {
      checkLimits();
    }
  }

  /** Counts {@code n} steps of work. */
  void charge(long n) {
    steps += n;
    if (steps >= nextCheck) {
      checkLimits();
    }
  }

  /** Counts the work of producing or scanning {@code n} bytes of string data: one step per 8 bytes. */
  void chargeBytes(long n) {
    charge(n >> 3);
  }

  private void checkLimits() {
    String reason = cancelReason;
    if (reason != null) {
      throw new EvalException("Starlark computation cancelled: " + reason, true, null);
    }
    if (steps > limits.maxSteps()) {
      throw new EvalException(
          "Starlark computation cancelled: too many steps (limit " + limits.maxSteps() + ")", true, null);
    }
    if (System.nanoTime() - deadline > 0) {
      throw new EvalException(
          "Starlark computation cancelled: timeout (limit " + limits.timeout().toMillis() + " ms)",
          true,
          null);
    }
    nextCheck = Math.min(steps + CHECK_INTERVAL, limits.maxSteps() + 1);
  }

  /** Fails if the collection limit would be exceeded by a collection of {@code size} elements. */
  void checkSize(long size, String what) {
    if (size > limits.maxCollectionSize()) {
      throw new EvalException(
          what + " too large: " + size + " elements exceeds the limit of " + limits.maxCollectionSize());
    }
  }

  /** Fails if a string or bytes value of {@code length} bytes would exceed the limit. */
  void checkLength(long length, String what) {
    if (length > limits.maxStringLength()) {
      throw new EvalException(
          what + " too large: " + length + " bytes exceeds the limit of " + limits.maxStringLength());
    }
  }

  // ---- call stack

  int depth() {
    return depth;
  }

  Frame frame(int i) {
    return frames[i];
  }

  /** The innermost frame running Starlark code, or null. */
  Frame currentStarlarkFrame() {
    for (int i = depth - 1; i >= 0; i--) {
      if (frames[i].code != null) {
        return frames[i];
      }
    }
    return null;
  }

  void push(Frame f) {
    if (depth >= limits.maxCallDepth()) {
      throw new EvalException("call stack too deep: more than " + limits.maxCallDepth() + " nested calls");
    }
    if (depth == frames.length) {
      frames = Arrays.copyOf(frames, depth * 2);
    }
    frames[depth++] = f;
  }

  void pop() {
    frames[--depth] = null;
  }

  /** The call stack as reported in errors; the innermost Starlark frame is shown at {@code at}. */
  List<StarlarkException.CallFrame> snapshot(Position at) {
    List<StarlarkException.CallFrame> out = new ArrayList<>(depth);
    for (int i = 0; i < depth; i++) {
      Frame f = frames[i];
      if (f.code == null) {
        out.add(new StarlarkException.CallFrame(f.builtin.name(), null));
      } else {
        Position pos = i == depth - 1 && at != null ? at : f.pos;
        out.add(new StarlarkException.CallFrame(f.code.name, pos == null ? f.code.pos : pos));
      }
    }
    return out;
  }
}
