package io.migrationmanager.server.resources;

import io.migrationmanager.api.ConnectivityResult;
import io.migrationmanager.api.Target;
import io.migrationmanager.server.http.Etags;
import io.migrationmanager.server.service.TargetService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /1.0/targets}: Incus targets. Client keys are accepted and never returned. */
@Path("/1.0/targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetsResource {
  private final TargetService service;

  public TargetsResource(TargetService service) {
    this.service = service;
  }

  @GET
  public Object list(@QueryParam("recursion") @DefaultValue("0") int recursion) {
    return Lists.of(recursion, "/1.0/targets", service.list(), Target::name);
  }

  @POST
  public Response create(Target target) {
    ConnectivityResult result = service.create(target);
    return Response.created(URI.create("/1.0/targets/" + Lists.encode(target.name()))).entity(result).build();
  }

  @GET
  @Path("{name}")
  public Response get(@PathParam("name") String name) {
    Target t = service.get(name);
    return Response.ok(t).tag(new EntityTag(Etags.of(t))).build();
  }

  @PUT
  @Path("{name}")
  public Response update(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, Target target) {
    Etags.checkIfMatch(ifMatch, service.get(name));
    ConnectivityResult result = service.update(name, target);
    String newName = target != null && target.name() != null && !target.name().isEmpty() ? target.name() : name;
    return Response.ok(result).location(URI.create("/1.0/targets/" + Lists.encode(newName))).build();
  }

  @DELETE
  @Path("{name}")
  public void delete(@PathParam("name") String name) {
    service.delete(name);
  }
}
