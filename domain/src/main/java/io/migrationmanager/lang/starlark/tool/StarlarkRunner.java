package io.migrationmanager.lang.starlark.tool;

import io.migrationmanager.lang.starlark.Starlark;
import io.migrationmanager.lang.starlark.StarlarkAssert;
import io.migrationmanager.lang.starlark.StarlarkException;
import io.migrationmanager.lang.starlark.StarlarkLimits;
import io.migrationmanager.lang.starlark.StarlarkOptions;
import io.migrationmanager.lang.starlark.StarlarkProgram;
import io.migrationmanager.lang.starlark.StarlarkThread;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs Starlark test files for scriptlet authors: {@code migration-manager-starlark FILE.star [FILE...]}.
 *
 * <p>Each file runs with {@code assert} ({@code eq, ne, true, lt, contains, fail, fails}) and {@code freeze}
 * predeclared. Failed assertions are printed as {@code file:line:col: message} and do not stop the file; an
 * error that stops a file is printed with its traceback. The exit status is 0 if every file ran without
 * failure, 1 otherwise, 2 for usage errors.
 *
 * <p>Lines of the form {@code # option:NAME} select dialect options for a file: {@code set}, {@code while},
 * {@code toplevelcontrol}, {@code globalreassign}, {@code recursion}, and {@code maxsteps=N} for a smaller
 * step budget.
 */
public final class StarlarkRunner {

  /** The outcome of one file. */
  public record FileResult(String file, List<String> failures) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  private StarlarkRunner() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the files, printing to {@code out}; returns the exit status. */
  public static int run(String[] files, PrintStream out, PrintStream err) {
    if (files.length == 0) {
      err.println("usage: migration-manager-starlark FILE.star [FILE...]");
      return 2;
    }
    int failed = 0;
    for (String file : files) {
      FileResult r = runFile(Path.of(file), out);
      for (String f : r.failures()) {
        out.println(f);
      }
      int n = r.failures().size();
      String summary = " (" + n + " failure" + (n == 1 ? "" : "s") + ")";
      out.println(r.passed() ? "PASS " + file : "FAIL " + file + summary);
      if (!r.passed()) {
        failed++;
      }
    }
    out.println(files.length + " file" + (files.length == 1 ? "" : "s") + ", " + failed + " failed");
    return failed == 0 ? 0 : 1;
  }

  /** Runs one file; {@code print} output goes to {@code out}. */
  public static FileResult runFile(Path path, PrintStream out) {
    String name = path.toString();
    List<String> failures = new ArrayList<>();
    String source;
    try {
      source = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      failures.add(name + ": cannot read file: " + e.getMessage());
      return new FileResult(name, failures);
    }
    StarlarkOptions options = StarlarkOptions.DEFAULT;
    StarlarkLimits limits = StarlarkLimits.DEFAULT;
    for (String line : source.split("\n", -1)) {
      String t = line.trim();
      if (!t.startsWith("# option:")) {
        continue;
      }
      String opt = t.substring("# option:".length()).trim();
      switch (opt) {
        case "set":
          options = options.withSet(true);
          break;
        case "while":
          options = options.withWhileLoops(true);
          break;
        case "toplevelcontrol":
          options = options.withTopLevelControl(true);
          break;
        case "globalreassign":
          options = options.withGlobalReassign(true);
          break;
        case "recursion":
          options = options.withRecursion(true);
          break;
        default:
          if (opt.startsWith("maxsteps=")) {
            limits = limits.withMaxSteps(Long.parseLong(opt.substring("maxsteps=".length())));
          } else {
            failures.add(name + ": unknown option " + opt);
          }
          break;
      }
    }
    Map<String, Object> predeclared =
        StarlarkAssert.predeclared(
            (pos, msg) -> failures.add((pos == null ? name : pos.toString()) + ": " + msg));
    try {
      StarlarkProgram program = Starlark.compile(name, source, predeclared.keySet(), options);
      StarlarkThread thread = new StarlarkThread(name, limits);
      thread.setPrintHandler(out::println);
      program.execute(thread, predeclared);
    } catch (StarlarkException e) {
      failures.add(e.backtrace());
    }
    return new FileResult(name, failures);
  }
}
