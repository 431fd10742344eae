package io.migrationmanager.server.http;

import io.migrationmanager.api.Response;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses request bodies over the limit, whether announced by Content-Length or streamed. */
@PreMatching
@Priority(100)
public class RequestSizeFilter implements ContainerRequestFilter {
  private final long limit;

  public RequestSizeFilter(long limit) {
    this.limit = limit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > limit) {
      request.abortWith(
          jakarta.ws.rs.core.Response.status(400)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Response.error(400, new RequestTooLargeException(limit).getMessage()))
              .build());
      return;
    }
    request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
  }

  private static final class LimitedStream extends FilterInputStream {
    private final long limit;
    private long read;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit) {
        throw new RequestTooLargeException(limit);
      }
    }
  }
}
