package io.migrationmanager.cli;

import io.migrationmanager.cli.edit.EditorLauncher;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the process sees of the outside world: environment variables, the standard streams, whether
 * standard input is a terminal, how to run the text editor, and the clock ({@code 4s ago}). Tests
 * build their own instance instead of touching the real process environment.
 *
 * @param variables the environment variables ({@code MIGRATION_MANAGER_CONF}, {@code HOME}, {@code
 *     MIGRATION_MANAGER_SOCKET}, {@code VISUAL}, ...)
 * @param stdin standard input (prompt answers, YAML for edit commands)
 * @param stdout standard output
 * @param stderr standard error (errors and warnings)
 * @param interactive whether standard input is a terminal
 * @param editor runs the text editor on a file and waits for it
 * @param clock the current time, for times shown relative to now
 */
public record CliEnvironment(
    Map<String, String> variables,
    InputStream stdin,
    PrintStream stdout,
    PrintStream stderr,
    BooleanSupplier interactive,
    EditorLauncher editor,
    Clock clock) {

  public CliEnvironment {
    variables = Map.copyOf(variables);
  }

  /**
   * The real process: {@code System.getenv()}, UTF-8 standard streams, {@code System.console()},
   * the system clock.
   */
  public static CliEnvironment system() {
    Map<String, String> variables = System.getenv();
    return new CliEnvironment(
        variables,
        System.in,
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
        () -> System.console() != null,
        EditorLauncher.fromEnvironment(variables),
        Clock.systemUTC());
  }

  /** The value of an environment variable, or {@code ""} when it is unset. */
  public String variable(String name) {
    return variables.getOrDefault(name, "");
  }
}
