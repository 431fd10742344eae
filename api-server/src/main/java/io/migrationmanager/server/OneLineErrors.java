package io.migrationmanager.server;

import io.dropwizard.core.cli.Cli;

/** Prints start-up failures the user can fix as one line; anything else keeps its stack trace. */
public final class OneLineErrors {
  private OneLineErrors() {}

  public static void print(Cli cli, Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof StartupException) {
        cli.getStdErr().println("Error: " + c.getMessage());
        return;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    e.printStackTrace(cli.getStdErr());
  }
}
