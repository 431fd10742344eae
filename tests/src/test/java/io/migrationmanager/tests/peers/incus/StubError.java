package io.migrationmanager.tests.peers.incus;

/** An Incus error the stub answers with: the HTTP status / {@code error_code} and the {@code error} text. */
final class StubError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  StubError(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static StubError notFound(String message) {
    return new StubError(404, message);
  }

  static StubError badRequest(String message) {
    return new StubError(400, message);
  }

  static StubError internal(String message) {
    return new StubError(500, message);
  }
}
