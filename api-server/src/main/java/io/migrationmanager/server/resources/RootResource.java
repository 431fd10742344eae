package io.migrationmanager.server.resources;

import io.migrationmanager.api.ServerInfo;
import io.migrationmanager.server.Version;
import io.migrationmanager.server.http.Caller;
import io.migrationmanager.server.http.Untrusted;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /} (the API versions) and {@code GET /1.0} (the server information). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RootResource {
  @GET
  @Untrusted
  public List<String> versions() {
    return List.of("/1.0");
  }

  @GET
  @Path("1.0")
  @Untrusted
  public ServerInfo serverInfo(@Context ContainerRequestContext request) {
    Caller caller = (Caller) request.getProperty(Caller.PROPERTY);
    return new ServerInfo(
        null, "devel", "1.0", caller.auth(), List.of(ServerInfo.AUTH_TLS), Version.current());
  }
}
