package io.migrationmanager.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that groups subcommands: run without one, it prints its usage on standard output. */
public abstract class CommandGroup implements Runnable {

  @Spec private CommandSpec spec;

  private final CliContext context;

  /** A command group of the invocation {@code context}. */
  protected CommandGroup(CliContext context) {
    this.context = context;
  }

  /** The invocation this command belongs to. */
  protected final CliContext context() {
    return context;
  }

  @Override
  public final void run() {
    spec.commandLine().usage(context.terminal().out());
  }
}
