package io.migrationmanager.server.http;

import java.io.IOException;

/** A request body over the configured limit. */
public class RequestTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  public RequestTooLargeException(long limit) {
    super("Request body too large: the limit is " + limit + " bytes");
  }
}
