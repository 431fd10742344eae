package io.migrationmanager.domain.error;

/** The request clashes with the current state (a duplicate name, an object in use, a wrong state). */
public class ConflictException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int httpStatus() {
    return 409;
  }
}
