package io.migrationmanager.cli;

import io.migrationmanager.cli.edit.EditorLauncher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The user's side of a command: output streams, questions answered on standard input, warnings.
 * Prompts are read line by line from one shared reader, so answers piped in by a script are
 * consumed in order.
 */
public final class Terminal {

  /**
   * Turns an answer into a value, or rejects it with a {@link CliException} whose message says why.
   *
   * @param <T> the type of the value
   */
  @FunctionalInterface
  public interface AnswerParser<T> {
    /** The value of {@code answer}; throws {@link CliException} when the answer is not valid. */
    T parse(String answer);
  }

  private final CliEnvironment environment;
  private final BufferedReader input;

  /** A terminal on the streams of {@code environment}. */
  public Terminal(CliEnvironment environment) {
    this.environment = environment;
    this.input =
        new BufferedReader(new InputStreamReader(environment.stdin(), StandardCharsets.UTF_8));
  }

  public PrintStream out() {
    return environment.stdout();
  }

  public PrintStream err() {
    return environment.stderr();
  }

  /**
   * Whether standard input is a terminal (edit commands read YAML from standard input otherwise).
   */
  public boolean isInteractive() {
    return environment.interactive().getAsBoolean();
  }

  public EditorLauncher editor() {
    return environment.editor();
  }

  /** Prints {@code Warning: <message>} on standard error. */
  public void warn(String message) {
    err().println("Warning: " + message);
  }

  /** Reads one line of standard input; empty when standard input is exhausted. */
  public Optional<String> readLine() {
    try {
      return Optional.ofNullable(input.readLine());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the rest of standard input. */
  public String readAll() {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
        text.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /**
   * Asks a question answered with one line, as the original's asker does: the answer is trimmed, an
   * empty answer takes {@code defaultAnswer}, and an answer {@code parser} rejects is asked again
   * after {@code Invalid input: <reason>} and a blank line on standard error. At the end of input
   * the default is taken; if the parser rejects it, that is an error ({@code No answer to
   * "<question>": <reason>}), as nobody can answer again.
   */
  public <T> T ask(String question, String defaultAnswer, AnswerParser<T> parser) {
    while (true) {
      out().print(question);
      out().flush();
      Optional<String> line = readLine();
      String answer = line.map(String::strip).orElse("");
      if (answer.isEmpty()) {
        answer = defaultAnswer;
      }
      try {
        return parser.parse(answer);
      } catch (CliException e) {
        if (line.isEmpty()) {
          out().println();
          String asked = question.strip().replaceFirst(":$", "");
          throw new CliException("No answer to \"" + asked + "\": " + e.getMessage(), e);
        }
        err().println("Invalid input: " + e.getMessage());
        err().println();
      }
    }
  }

  /**
   * {@code given}, the answer a flag gave, or when no flag gave one ({@code null}) the answer to
   * {@code question} as {@link #ask(String, String, AnswerParser)} asks it.
   */
  public <T> T askUnless(T given, String question, String defaultAnswer, AnswerParser<T> parser) {
    return given != null ? given : ask(question, defaultAnswer, parser);
  }

  /**
   * Asks for a secret. On a terminal it is read without echo; otherwise (a script piping the
   * answers) the next line of standard input is the secret. The end of input gives {@code ""}.
   */
  public String askPassword(String question) {
    out().print(question);
    out().flush();
    Console console = isInteractive() ? System.console() : null;
    if (console != null) {
      char[] secret = console.readPassword();
      return secret == null ? "" : new String(secret);
    }
    return readLine().orElse("");
  }

  /**
   * Asks a yes/no question. {@code yes}/{@code y} and {@code no}/{@code n} (any case) answer it, an
   * empty line or the end of input takes {@code defaultAnswer}; anything else asks again.
   */
  public boolean askBool(String question, boolean defaultAnswer) {
    while (true) {
      out().print(question);
      out().flush();
      Optional<String> line = readLine();
      if (line.isEmpty()) {
        return defaultAnswer;
      }
      switch (line.get().trim().toLowerCase(Locale.ROOT)) {
        case "":
          return defaultAnswer;
        case "yes":
        case "y":
          return true;
        case "no":
        case "n":
          return false;
        default:
          err().println("Invalid input, try again.");
          err().println();
      }
    }
  }
}
