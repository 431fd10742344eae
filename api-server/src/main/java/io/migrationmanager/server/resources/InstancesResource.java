package io.migrationmanager.server.resources;

import io.migrationmanager.api.Instance;
import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.server.http.Etags;
import io.migrationmanager.server.service.InstanceService;
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
import java.util.List;
import java.util.UUID;

/** {@code /1.0/instances}: imported VMs, their overrides, and actions on their source VMs. */
@Path("/1.0/instances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InstancesResource {
  private final InstanceService service;
  private final InstanceFilter filter;

  public InstancesResource(InstanceService service, InstanceFilter filter) {
    this.service = service;
    this.filter = filter;
  }

  /** Lists instances in import order; {@code include_expression} filters (and implies recursion). */
  @GET
  public Object list(
      @QueryParam("recursion") @DefaultValue("0") int recursion,
      @QueryParam("include_expression") String expression) {
    if (expression != null && !expression.isBlank()) {
      return filter.apply(expression, service.records());
    }
    List<Instance> all = service.list();
    return Lists.of(recursion, "/1.0/instances", all, i -> i.uuid().toString());
  }

  @GET
  @Path("{uuid}")
  public Response get(@PathParam("uuid") String uuid) {
    Instance i = service.get(Uuids.parse("instance", uuid));
    return Response.ok(i).tag(new EntityTag(Etags.of(i))).build();
  }

  @GET
  @Path("{uuid}/override")
  public Response getOverride(@PathParam("uuid") String uuid) {
    InstanceOverride o = service.getOverride(Uuids.parse("instance", uuid));
    return Response.ok(o).tag(new EntityTag(Etags.of(o))).build();
  }

  @PUT
  @Path("{uuid}/override")
  public Response putOverride(
      @PathParam("uuid") String uuid, @HeaderParam("If-Match") String ifMatch, InstanceOverride override) {
    UUID id = Uuids.parse("instance", uuid);
    Etags.checkIfMatch(ifMatch, service.getOverride(id));
    InstanceOverride stored = service.putOverride(id, override);
    return Response.ok(stored).tag(new EntityTag(Etags.of(stored))).build();
  }

  @DELETE
  @Path("{uuid}/override")
  public void deleteOverride(@PathParam("uuid") String uuid) {
    service.deleteOverride(Uuids.parse("instance", uuid));
  }

  /** Powers the source VM on or off ({@code ?state=on|off}). */
  @POST
  @Path("{uuid}/:power")
  public void power(@PathParam("uuid") String uuid, @QueryParam("state") String state) {
    service.power(Uuids.parse("instance", uuid), state);
  }

  /** Turns change block tracking on for the source VM and resets background import. */
  @POST
  @Path("{uuid}/:enable-background-import")
  public void enableBackgroundImport(@PathParam("uuid") String uuid) {
    service.enableBackgroundImport(Uuids.parse("instance", uuid));
  }

  /** Turns background import back on when the source VM has change block tracking on. */
  @POST
  @Path("{uuid}/:reset-background-import")
  public void resetBackgroundImport(@PathParam("uuid") String uuid) {
    service.resetBackgroundImport(Uuids.parse("instance", uuid));
  }
}
