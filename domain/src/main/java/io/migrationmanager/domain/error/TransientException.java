package io.migrationmanager.domain.error;

/** A peer (database, Temporal, a source or target) could not be reached; retrying may help. */
public class TransientException extends DomainException {
  private static final long serialVersionUID = 1L;

  public TransientException(String message) {
    super(message);
  }

  public TransientException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int httpStatus() {
    return 503;
  }
}
