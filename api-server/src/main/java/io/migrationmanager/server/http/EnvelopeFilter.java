package io.migrationmanager.server.http;

import io.migrationmanager.api.Response;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;

/**
 * Wraps every JSON result in the Incus-style envelope (spec §3.2), so resources return plain objects. An
 * empty result becomes {@code metadata: {}}. Error envelopes come from {@link ErrorMapper}.
 */
@Priority(Priorities.ENTITY_CODER)
public class EnvelopeFilter implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object entity = response.getEntity();
    if (entity instanceof Response<?>) {
      return;
    }
    MediaType type = response.getMediaType();
    if (type != null && !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
      return;
    }
    if (entity == null && response.getStatus() == 204) {
      response.setStatus(200);
    }
    if (response.getStatus() >= 400) {
      // A bare error status without our envelope (e.g. a 405 built by Jersey) still gets one.
      response.setEntity(
          Response.error(response.getStatus(), response.getStatusInfo().getReasonPhrase()),
          null,
          MediaType.APPLICATION_JSON_TYPE);
      return;
    }
    response.setEntity(Response.sync(entity), null, MediaType.APPLICATION_JSON_TYPE);
  }
}
