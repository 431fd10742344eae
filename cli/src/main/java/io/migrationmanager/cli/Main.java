package io.migrationmanager.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.migrationmanager.cli.command.CompletionCommand;
import io.migrationmanager.cli.command.QueryCommand;
import io.migrationmanager.cli.inventory.InstanceCommand;
import io.migrationmanager.cli.inventory.NetworkCommand;
import io.migrationmanager.cli.inventory.SourceCommand;
import io.migrationmanager.cli.inventory.TargetCommand;
import io.migrationmanager.cli.inventory.WarningCommand;
import io.migrationmanager.cli.migration.BatchCommand;
import io.migrationmanager.cli.migration.QueueCommand;
import io.migrationmanager.cli.remote.RemoteCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code migration-manager}, the command line client of Migration Manager.
 *
 * <p>Errors are printed as their bare message on standard error with exit code 1; so are usage
 * errors (unknown command or option, missing argument).
 */
@Command(
    name = "migration-manager",
    description = "Command line client for Migration Manager",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    subcommands = {
      CommandLine.HelpCommand.class,
      CompletionCommand.class,
      QueryCommand.class,
      RemoteCommand.class,
      SourceCommand.class,
      TargetCommand.class,
      InstanceCommand.class,
      NetworkCommand.class,
      WarningCommand.class,
      BatchCommand.class,
      QueueCommand.class
    })
public final class Main extends CommandGroup {

  /** The root command of one invocation. */
  public Main(CliContext context) {
    super(context);
  }

  @Option(
      names = "--force-local",
      description = "Force using the local unix socket",
      scope = ScopeType.INHERIT)
  void setForceLocal(boolean forceLocal) {
    context().setForceLocal(forceLocal);
  }

  /** Runs the client in the real process and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(CliEnvironment.system(), args));
  }

  /** Runs one invocation with {@code args} in {@code environment} and returns the exit code. */
  public static int run(CliEnvironment environment, String... args) {
    CliContext context = new CliContext(environment);
    CommandLine cli = new CommandLine(new Main(context), new CommandFactory(context));
    cli.setOut(new PrintWriter(new OutputStreamWriter(environment.stdout(), UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(environment.stderr(), UTF_8), true));
    cli.setExecutionExceptionHandler(
        (error, command, parseResult) -> {
          command.getErr().println(messageOf(error));
          return 1;
        });
    cli.setParameterExceptionHandler(
        (error, arguments) -> {
          PrintWriter err = error.getCommandLine().getErr();
          err.println(error.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
          return 1;
        });
    return cli.execute(args);
  }

  private static String messageOf(Throwable error) {
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.toString() : message;
  }
}
