package io.migrationmanager.cli;

/**
 * A failure shown to the user as exactly {@link #getMessage()} on standard error, with exit code 1.
 *
 * <p>Errors reported by the server carry the server's {@code error} text unchanged and the
 * envelope's {@code error_code} (the HTTP status); errors raised by the client itself have status
 * code 0.
 */
public class CliException extends RuntimeException {

  private final int statusCode;

  /** A client-side failure. */
  public CliException(String message) {
    this(message, 0);
  }

  /** A failure reported by the server with the given HTTP status code. */
  public CliException(String message, int statusCode) {
    super(message);
    this.statusCode = statusCode;
  }

  /** A client-side failure caused by {@code cause}. */
  public CliException(String message, Throwable cause) {
    super(message, cause);
    this.statusCode = 0;
  }

  /** The HTTP status code the server answered with, or 0 when the client itself failed. */
  public int statusCode() {
    return statusCode;
  }
}
