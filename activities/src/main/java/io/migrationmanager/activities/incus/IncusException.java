package io.migrationmanager.activities.incus;

import java.net.URI;

/**
 * A failed Incus call. {@link #statusCode()} is the HTTP status of the Incus error envelope (or of the failed
 * operation's error), or {@code 0} when the server could not be reached or did not answer in time (then
 * {@link #getCause()} holds the transport failure). {@link #incusMessage()} is Incus' own text; the exception
 * message says what was attempted, on which target, and why: {@code Failed to <what> on target "<endpoint>":
 * <incus message>}.
 */
public class IncusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Status code used for failures below HTTP (connection refused, TLS, timeouts, interruption). */
  public static final int TRANSPORT_FAILURE = 0;

  private final int statusCode;
  private final String incusMessage;

  /** A failure Incus reported with an HTTP status and its own message. */
  public IncusException(int statusCode, String message, String incusMessage) {
    super(message);
    this.statusCode = statusCode;
    this.incusMessage = incusMessage;
  }

  /** A failure below HTTP; {@code cause} is the transport exception. */
  public IncusException(String message, String incusMessage, Throwable cause) {
    super(message, cause);
    this.statusCode = TRANSPORT_FAILURE;
    this.incusMessage = incusMessage;
  }

  /** Builds the exception for {@code what} (e.g. {@code get instance "vm1"}) failing on {@code endpoint}. */
  static IncusException of(int statusCode, String what, URI endpoint, String incusMessage) {
    return new IncusException(statusCode, describe(what, endpoint, incusMessage), incusMessage);
  }

  static IncusException transport(String what, URI endpoint, Throwable cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new IncusException(describe(what, endpoint, reason), reason, cause);
  }

  private static String describe(String what, URI endpoint, String reason) {
    return "Failed to " + what + " on target \"" + endpoint + "\": " + reason;
  }

  /** The HTTP status Incus answered with, or {@link #TRANSPORT_FAILURE}. */
  public int statusCode() {
    return statusCode;
  }

  /** Incus' own error text (or the transport failure's message). */
  public String incusMessage() {
    return incusMessage;
  }

  /** True when the object (instance, volume, pool, project, operation, ...) does not exist (404). */
  public boolean isNotFound() {
    return statusCode == 404;
  }

  /** True when the object already exists (409). */
  public boolean isConflict() {
    return statusCode == 409;
  }

  /** True when an {@code If-Match} ETag did not match (412). */
  public boolean isPreconditionFailed() {
    return statusCode == 412;
  }

  /** True when Incus refused the client certificate (403 {@code not authorized}). */
  public boolean isNotAuthorized() {
    return statusCode == 403;
  }

  /** True when the server could not be reached or did not answer (no HTTP status). */
  public boolean isTransportFailure() {
    return statusCode == TRANSPORT_FAILURE;
  }
}
