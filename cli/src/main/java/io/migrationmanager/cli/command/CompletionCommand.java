package io.migrationmanager.cli.command;

import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.CliException;
import java.util.Iterator;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code completion bash|zsh}: prints the shell completion script (one script serves both shells;
 * zsh loads it through {@code bashcompinit}). Use {@code source <(migration-manager completion
 * bash)}.
 */
@Command(name = "completion", description = "Generate the shell completion script (bash or zsh)")
public final class CompletionCommand implements Runnable {

  /** The shells a script can be generated for. */
  public static final class Shells implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("bash", "zsh").iterator();
    }
  }

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<shell>",
      completionCandidates = Shells.class,
      description = "bash or zsh")
  private String shell;

  private final CliContext context;

  /** The {@code completion} command. */
  public CompletionCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new CliException("Unsupported shell \"" + shell + "\", use bash or zsh");
    }
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    context.terminal().out().print(script);
  }
}
