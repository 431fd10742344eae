package io.migrationmanager.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Request bodies are JSON whatever the client declared (as with Incus): {@code curl -d} sends a form type,
 * scripts often send none. Binary uploads ({@code application/octet-stream}) keep their type.
 */
@PreMatching
@Priority(50)
public class JsonBodiesFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (type == null || !MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type)) {
      request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    }
  }
}
