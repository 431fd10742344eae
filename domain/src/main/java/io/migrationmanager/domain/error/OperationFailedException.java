package io.migrationmanager.domain.error;

/** An operation was attempted and failed on a peer (a source or target refused or broke it). */
public class OperationFailedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public OperationFailedException(String message) {
    super(message);
  }

  public OperationFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int httpStatus() {
    return 500;
  }
}
