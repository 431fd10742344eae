package io.migrationmanager.cli;

import io.migrationmanager.cli.edit.EditorLauncher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the client in-process with a private configuration directory, canned input and captured
 * output.
 */
public final class CliRunner {

  /** What one invocation printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  private final Map<String, String> variables = new HashMap<>();
  private Clock clock = Clock.systemUTC();

  /** A runner whose configuration lives in {@code configDir}. */
  public CliRunner(Path configDir) {
    variables.put("MIGRATION_MANAGER_CONF", configDir.toString());
    variables.put("MIGRATION_MANAGER_SOCKET", configDir.resolve("no-such.socket").toString());
    variables.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
  }

  /** Sets an environment variable for later invocations. */
  public CliRunner with(String name, String value) {
    variables.put(name, value);
    return this;
  }

  /** Uses {@code fixed} as the current time for later invocations. */
  public CliRunner withClock(Clock fixed) {
    this.clock = fixed;
    return this;
  }

  /** The environment of one invocation, with {@code stdin} as standard input. */
  public CliEnvironment environment(
      String stdin, PrintStream out, PrintStream err, boolean interactive, EditorLauncher editor) {
    return new CliEnvironment(
        variables,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        out,
        err,
        () -> interactive,
        editor,
        clock);
  }

  /** Runs {@code args} with {@code stdin} as (non-terminal) standard input. */
  public Result runWithInput(String stdin, String... args) {
    EditorLauncher noEditor =
        file -> {
          throw new AssertionError("no editor expected");
        };
    return execute(stdin, false, noEditor, args);
  }

  /**
   * Runs {@code args} as if standard input were a terminal typing {@code stdin}, with {@code
   * editor} as the text editor.
   */
  public Result runInteractive(String stdin, EditorLauncher editor, String... args) {
    return execute(stdin, true, editor, args);
  }

  private Result execute(String stdin, boolean interactive, EditorLauncher editor, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = Main.run(environment(stdin, outStream, errStream, interactive, editor), args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs {@code args} with empty standard input. */
  public Result run(String... args) {
    return runWithInput("", args);
  }
}
