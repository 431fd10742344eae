package io.migrationmanager.domain.error;

/** Input is malformed or breaks a rule; nothing was changed. */
public class ValidationException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ValidationException(String message) {
    super(message);
  }

  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int httpStatus() {
    return 400;
  }
}
