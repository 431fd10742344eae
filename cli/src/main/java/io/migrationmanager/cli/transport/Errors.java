package io.migrationmanager.cli.transport;

import java.net.UnknownHostException;

/** Human-readable descriptions of transport failures. */
public final class Errors {

  private Errors() {}

  /** The most specific message in a chain of causes ({@code unknown host x} for name lookups). */
  public static String describe(Throwable error) {
    String message = error.toString();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException) {
        return "unknown host " + cause.getMessage();
      }
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
    }
    return message;
  }
}
