package io.migrationmanager.server;

/** A start-up failure the user can fix; its message is one line saying what and how. */
public class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartupException(String message) {
    super(message);
  }
}
