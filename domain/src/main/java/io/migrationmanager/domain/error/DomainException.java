package io.migrationmanager.domain.error;

/**
 * The few kinds of failure the domain reports. The REST layer maps each kind to an HTTP status once, and the
 * Temporal layer maps each to a failure type once; the message is what the user sees.
 */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DomainException(String message) {
    super(message);
  }

  protected DomainException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The HTTP status this kind of failure maps to. */
  public abstract int httpStatus();

  /** A stable name for the kind, used as the Temporal {@code ApplicationFailure} type. */
  public String failureType() {
    return getClass().getSimpleName();
  }
}
