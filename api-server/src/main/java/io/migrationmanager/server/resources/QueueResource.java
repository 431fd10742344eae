package io.migrationmanager.server.resources;

import io.migrationmanager.api.QueueEntry;
import io.migrationmanager.server.http.Etags;
import io.migrationmanager.server.service.BatchService;
import io.migrationmanager.server.service.QueueService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /1.0/queue}: the migration queue, one entry per claimed instance. */
@Path("/1.0/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
  private final QueueService service;
  private final BatchService batches;

  public QueueResource(QueueService service, BatchService batches) {
    this.service = service;
    this.batches = batches;
  }

  @GET
  public Object list(@QueryParam("recursion") @DefaultValue("0") int recursion) {
    return Lists.of(recursion, "/1.0/queue", service.list(), e -> e.instanceUuid().toString());
  }

  @GET
  @Path("{uuid}")
  public Response get(@PathParam("uuid") String uuid) {
    QueueEntry e = service.get(Uuids.parse("queue entry", uuid));
    return Response.ok(e).tag(new EntityTag(Etags.of(e))).build();
  }

  @DELETE
  @Path("{uuid}")
  public void delete(@PathParam("uuid") String uuid) {
    service.delete(Uuids.parse("queue entry", uuid));
  }

  @POST
  @Path("{uuid}/:cancel")
  public void cancel(@PathParam("uuid") String uuid) {
    batches.cancel(Uuids.parse("queue entry", uuid));
  }

  @POST
  @Path("{uuid}/:retry")
  public void retry(@PathParam("uuid") String uuid) {
    batches.retry(Uuids.parse("queue entry", uuid));
  }

  @POST
  @Path("{uuid}/:resolve")
  public void resolve(@PathParam("uuid") String uuid) {
    batches.resolve(Uuids.parse("queue entry", uuid));
  }
}
