package io.migrationmanager.server.resources;

import io.migrationmanager.api.ConnectivityResult;
import io.migrationmanager.api.Source;
import io.migrationmanager.server.http.Etags;
import io.migrationmanager.server.service.SourceService;
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

/** {@code /1.0/sources}: VMware sources. Passwords are accepted and never returned. */
@Path("/1.0/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourcesResource {
  private final SourceService service;

  public SourcesResource(SourceService service) {
    this.service = service;
  }

  @GET
  public Object list(@QueryParam("recursion") @DefaultValue("0") int recursion) {
    return Lists.of(recursion, "/1.0/sources", service.list(), Source::name);
  }

  @POST
  public Response create(Source source) {
    ConnectivityResult result = service.create(source);
    return Response.created(URI.create("/1.0/sources/" + Lists.encode(source.name()))).entity(result).build();
  }

  @GET
  @Path("{name}")
  public Response get(@PathParam("name") String name) {
    Source s = service.get(name);
    return Response.ok(s).tag(new EntityTag(Etags.of(s))).build();
  }

  @PUT
  @Path("{name}")
  public Response update(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, Source source) {
    Etags.checkIfMatch(ifMatch, service.get(name));
    ConnectivityResult result = service.update(name, source);
    String newName = source != null && source.name() != null && !source.name().isEmpty() ? source.name() : name;
    return Response.ok(result).location(URI.create("/1.0/sources/" + Lists.encode(newName))).build();
  }

  @DELETE
  @Path("{name}")
  public void delete(@PathParam("name") String name) {
    service.delete(name);
  }

  @POST
  @Path("{name}/:sync")
  public Object sync(@PathParam("name") String name) {
    return service.sync(name);
  }
}
