package io.migrationmanager.domain.error;

/** An If-Match ETag did not match the current object. */
public class PreconditionFailedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public PreconditionFailedException(String message) {
    super(message);
  }

  public PreconditionFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int httpStatus() {
    return 412;
  }
}
