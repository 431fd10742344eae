package io.migrationmanager.server.resources;

import io.migrationmanager.api.Warning;
import io.migrationmanager.api.WarningPut;
import io.migrationmanager.server.http.Etags;
import io.migrationmanager.server.service.WarningService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** {@code /1.0/warnings}. */
@Path("/1.0/warnings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WarningsResource {
  private final WarningService service;

  public WarningsResource(WarningService service) {
    this.service = service;
  }

  @GET
  public Object list(@QueryParam("recursion") @DefaultValue("0") int recursion) {
    return Lists.of(recursion, "/1.0/warnings", service.list(), w -> w.uuid().toString());
  }

  @GET
  @Path("{uuid}")
  public Response get(@PathParam("uuid") String uuid) {
    Warning w = service.get(Uuids.parse("warning", uuid));
    return Response.ok(w).tag(new EntityTag(Etags.of(w))).build();
  }

  @PUT
  @Path("{uuid}")
  public Warning put(@PathParam("uuid") String uuid, @HeaderParam("If-Match") String ifMatch, WarningPut put) {
    UUID id = Uuids.parse("warning", uuid);
    Etags.checkIfMatch(ifMatch, service.get(id));
    return service.put(id, put);
  }
}
