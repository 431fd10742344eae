package io.migrationmanager.server.resources;

import io.migrationmanager.api.Batch;
import io.migrationmanager.api.BatchPlan;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.Instance;
import io.migrationmanager.server.http.Etags;
import io.migrationmanager.server.service.BatchService;
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
import java.util.List;

/** {@code /1.0/batches}. */
@Path("/1.0/batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BatchesResource {
  private final BatchService service;

  public BatchesResource(BatchService service) {
    this.service = service;
  }

  @GET
  public Object list(@QueryParam("recursion") @DefaultValue("0") int recursion) {
    return Lists.of(recursion, "/1.0/batches", service.list(), Batch::name);
  }

  @POST
  public Response create(BatchPut batch) {
    Batch created = service.create(batch);
    return Response.created(URI.create("/1.0/batches/" + Lists.encode(created.name()))).build();
  }

  @GET
  @Path("{name}")
  public Response get(@PathParam("name") String name) {
    Batch b = service.get(name);
    return Response.ok(b).tag(new EntityTag(Etags.of(b))).build();
  }

  @PUT
  @Path("{name}")
  public Response update(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, BatchPut batch) {
    Etags.checkIfMatch(ifMatch, service.get(name));
    Batch b = service.update(name, batch);
    return Response.ok(b).location(URI.create("/1.0/batches/" + Lists.encode(b.name()))).tag(new EntityTag(Etags.of(b))).build();
  }

  @DELETE
  @Path("{name}")
  public void delete(@PathParam("name") String name) {
    service.delete(name);
  }

  @GET
  @Path("{name}/instances")
  public Object instances(@PathParam("name") String name, @QueryParam("recursion") @DefaultValue("0") int recursion) {
    List<Instance> all = service.instances(name);
    return Lists.of(recursion, "/1.0/instances", all, i -> i.uuid().toString());
  }

  @POST
  @Path("{name}/:start")
  public void start(@PathParam("name") String name) {
    service.start(name);
  }

  @POST
  @Path("{name}/:stop")
  public void stop(@PathParam("name") String name) {
    service.stop(name);
  }

  @POST
  @Path("{name}/:reset")
  public void reset(@PathParam("name") String name, @QueryParam("force") @DefaultValue("0") int force) {
    service.reset(name, force == 1);
  }

  @GET
  @Path("{name}/:plan")
  public BatchPlan plan(@PathParam("name") String name) {
    return service.plan(name);
  }
}
