package io.migrationmanager.server.resources;

import io.migrationmanager.api.Instance;
import io.migrationmanager.api.Network;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.server.http.Etags;
import io.migrationmanager.server.service.NetworkService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.UUID;

/** {@code /1.0/networks}: source networks and their placement overrides. */
@Path("/1.0/networks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NetworksResource {
  private final NetworkService service;

  public NetworksResource(NetworkService service) {
    this.service = service;
  }

  /**
   * Lists networks; {@code include_expression} filters on {@code uuid}, {@code source_specific_id}, {@code
   * source}, {@code type} and {@code location} (a bare word matches locations) and implies recursion.
   */
  @GET
  public Object list(
      @QueryParam("recursion") @DefaultValue("0") int recursion,
      @QueryParam("include_expression") String expression) {
    if (expression != null && !expression.isBlank()) {
      return service.list(expression);
    }
    List<Network> all = service.list();
    return Lists.of(recursion, "/1.0/networks", all, n -> n.uuid().toString());
  }

  @GET
  @Path("{uuid}")
  public Response get(@PathParam("uuid") String uuid) {
    Network n = service.get(Uuids.parse("network", uuid));
    return Response.ok(n).tag(new EntityTag(Etags.of(n))).build();
  }

  @PUT
  @Path("{uuid}/override")
  public Network putOverride(
      @PathParam("uuid") String uuid, @HeaderParam("If-Match") String ifMatch, NetworkPlacement override) {
    UUID id = Uuids.parse("network", uuid);
    Etags.checkIfMatch(ifMatch, service.get(id).overrides());
    return service.putOverride(id, override);
  }

  @DELETE
  @Path("{uuid}")
  public void delete(@PathParam("uuid") String uuid) {
    service.delete(Uuids.parse("network", uuid));
  }

  @GET
  @Path("{uuid}/instances")
  public List<Instance> instances(@PathParam("uuid") String uuid) {
    return service.instances(Uuids.parse("network", uuid));
  }
}
