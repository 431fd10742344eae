package io.migrationmanager.domain.error;

/** A named object does not exist. */
public class NotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int httpStatus() {
    return 404;
  }
}
