package io.migrationmanager.cli.remote;

import io.migrationmanager.cli.CliException;

/**
 * The remote answered {@code GET /1.0}, but did not authenticate the client the way the remote
 * expects.
 */
public final class AuthMismatchException extends CliException {

  /**
   * The standard message naming what the server said, what was expected and the client fingerprint.
   */
  public AuthMismatchException(String got, String expected, String clientFingerprint) {
    super(
        "Received authentication mismatch: got \""
            + got
            + "\", expected \""
            + expected
            + "\". Ensure the server trusts the client fingerprint \""
            + clientFingerprint
            + "\"");
  }
}
