package io.migrationmanager.lang.starlark;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.migrationmanager.lang.starlark.syntax.Position;
import io.migrationmanager.lang.starlark.syntax.Utf8;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The predeclared names of Starlark test files, modelled on go.starlark.net's {@code assert.star}: an
 * {@code assert} module ({@code eq, ne, true, lt, contains, fail, fails}) and {@code freeze}. A failed
 * assertion is reported with the position of the assertion call and does not stop the file.
 */
public final class StarlarkAssert {

  /** Receives failed assertions. */
  @FunctionalInterface
  public interface Reporter {
    /**
     * @param position the assertion call, or null if unknown
     * @param message what failed, for example {@code 1 != 2}
     */
    void failure(Position position, String message);
  }

  private StarlarkAssert() {}

  /** The predeclared values {@code assert} and {@code freeze}. */
  public static Map<String, Object> predeclared(Reporter reporter) {
    Map<String, Object> fns = new LinkedHashMap<>();
    fns.put("eq", new Builtin("eq", (th, a) -> {
      Object[] x = a.positionalOnly("assert.eq", 2, 2);
      if (!Ops.equal(th, x[0], x[1])) {
        if ((x[0] instanceof Double || x[1] instanceof Double) && Ops.isNumber(x[0]) && Ops.isNumber(x[1])) {
          if (!floatEq(Ops.toDouble(x[0]), Ops.toDouble(x[1]))) {
            report(th, reporter, "floats: " + repr(th, x[0]) + " != " + repr(th, x[1]) + " (delta > 1 ulp)");
          }
        } else {
          report(th, reporter, repr(th, x[0]) + " != " + repr(th, x[1]));
        }
      }
      return NoneType.NONE;
    }));
    fns.put("ne", new Builtin("ne", (th, a) -> {
      Object[] x = a.positionalOnly("assert.ne", 2, 2);
      if (Ops.equal(th, x[0], x[1])) {
        report(th, reporter, repr(th, x[0]) + " == " + repr(th, x[1]));
      }
      return NoneType.NONE;
    }));
    fns.put("true", new Builtin("true", (th, a) -> {
      Object[] x = a.positionalOnly("assert.true", 1, 2);
      if (!Ops.truth(x[0])) {
        report(th, reporter, x.length > 1 ? str(th, x[1]) : "assertion failed");
      }
      return NoneType.NONE;
    }));
    fns.put("lt", new Builtin("lt", (th, a) -> {
      Object[] x = a.positionalOnly("assert.lt", 2, 2);
      if (Ops.compare(th, x[0], x[1]) >= 0) {
        report(th, reporter, str(th, x[0]) + " is not less than " + str(th, x[1]));
      }
      return NoneType.NONE;
    }));
    fns.put("contains", new Builtin("contains", (th, a) -> {
      Object[] x = a.positionalOnly("assert.contains", 2, 2);
      if (!Ops.contains(th, x[0], x[1])) {
        report(th, reporter, str(th, x[0]) + " does not contain " + str(th, x[1]));
      }
      return NoneType.NONE;
    }));
    fns.put("fail", new Builtin("fail", (th, a) -> {
      Object[] x = a.positionalOnly("assert.fail", 1, 1);
      report(th, reporter, str(th, x[0]));
      return NoneType.NONE;
    }));
    fns.put("fails", new Builtin("fails", (th, a) -> {
      Object[] x = a.positionalOnly("assert.fails", 2, 2);
      String pattern = Arguments.string("assert.fails", "pattern", x[1]);
      String msg = failure(th, x[0]);
      if (msg == null) {
        report(
            th, reporter, "evaluation succeeded unexpectedly (want error matching " + repr(th, x[1]) + ")");
      } else if (!matches(pattern, msg)) {
        report(th, reporter, "regular expression (" + pattern + ") did not match error (" + msg + ")");
      }
      return NoneType.NONE;
    }));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("assert", StructValue.of("assert", fns));
    out.put("freeze", new Builtin("freeze", (th, a) -> {
      Freezer.freeze(a.positionalOnly("freeze", 1, 1)[0]);
      return NoneType.NONE;
    }));
    return out;
  }

  /**
   * Calls {@code fn} and returns its error message, or null if it succeeds. The steps the call uses are
   * given back afterwards, so that a file can check several failures (including running out of steps)
   * with one budget; timeouts and host cancellation are not caught.
   */
  private static String failure(StarlarkThread th, Object fn) {
    long before = th.steps();
    try {
      Calls.call(th, fn);
      return null;
    } catch (EvalException e) {
      if (e.cancelled() && th.steps() <= th.limits().maxSteps()) {
        throw e;
      }
      return e.getMessage();
    } finally {
      th.restoreSteps(before);
    }
  }

  private static boolean matches(String pattern, String msg) {
    try {
      return Pattern.compile(pattern).matcher(msg).find();
    } catch (PatternSyntaxException e) {
      throw new EvalException("assert.fails: invalid regular expression: " + e.getMessage());
    }
  }

  private static boolean floatEq(double a, double b) {
    if (a == b || (Double.isNaN(a) && Double.isNaN(b))) {
      return true;
    }
    return Math.abs(a - b) <= Math.ulp(Math.max(Math.abs(a), Math.abs(b)));
  }

  private static String repr(StarlarkThread th, Object v) {
    return Utf8.toJava(Starlark.repr(th, v));
  }

  private static String str(StarlarkThread th, Object v) {
    return Utf8.toJava(new Printer(th).str(v).toString());
  }

  private static void report(StarlarkThread th, Reporter reporter, String message) {
    Frame f = th.currentStarlarkFrame();
    reporter.failure(f == null ? null : f.pos, message);
  }
}
