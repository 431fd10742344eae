package io.migrationmanager.activities.mysql;

import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.network.NetworkProperties;
import io.migrationmanager.domain.network.NetworkRecord;
import io.migrationmanager.domain.network.NetworkRepository;
import io.migrationmanager.domain.network.NetworkType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Networks in the {@code networks} table, joined with their source's name. */
public class MysqlNetworkRepository implements NetworkRepository {
  static final String SELECT =
      "SELECT n.uuid, s.name AS source, n.type, n.source_specific_id, n.location, n.properties, n.overrides "
          + "FROM networks n JOIN sources s ON s.id = n.source_id ";

  private final Jdbi jdbi;

  public MysqlNetworkRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  static NetworkRecord map(ResultSet rs) throws SQLException {
    return new NetworkRecord(
        UUID.fromString(rs.getString("uuid")),
        rs.getString("source"),
        NetworkType.parse(rs.getString("type")),
        rs.getString("source_specific_id"),
        rs.getString("location"),
        Json.read(rs.getString("properties"), NetworkProperties.class),
        Json.read(rs.getString("overrides"), NetworkPlacement.class));
  }

  @Override
  public List<NetworkRecord> list() {
    return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY s.name, n.location").map((rs, c) -> map(rs)).list());
  }

  @Override
  public List<NetworkRecord> listBySource(String source) {
    return jdbi.withHandle(h -> listBySource(h, source));
  }

  static List<NetworkRecord> listBySource(Handle h, String source) {
    return h.createQuery(SELECT + "WHERE s.name = :s ORDER BY n.location").bind("s", source).map((rs, c) -> map(rs)).list();
  }

  @Override
  public Optional<NetworkRecord> find(UUID uuid) {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + "WHERE n.uuid = :u").bind("u", uuid.toString()).map((rs, c) -> map(rs)).findOne());
  }

  @Override
  public void updateOverride(UUID uuid, NetworkPlacement override) {
    int n =
        jdbi.withHandle(
            h -> h.createUpdate("UPDATE networks SET overrides = :o WHERE uuid = :u")
                .bind("o", Json.write(override))
                .bind("u", uuid.toString())
                .execute());
    if (n == 0) {
      throw notFound(uuid);
    }
  }

  @Override
  public void delete(UUID uuid) {
    int n = jdbi.withHandle(h -> h.createUpdate("DELETE FROM networks WHERE uuid = :u").bind("u", uuid.toString()).execute());
    if (n == 0) {
      throw notFound(uuid);
    }
  }

  static void insert(Handle h, NetworkRecord n) {
    h.createUpdate(
            "INSERT INTO networks (uuid, type, source_specific_id, location, properties, source_id, overrides) "
                + "SELECT :u, :t, :ssid, :l, :p, id, :o FROM sources WHERE name = :s")
        .bind("u", n.uuid().toString())
        .bind("t", n.type().wire())
        .bind("ssid", n.sourceSpecificId())
        .bind("l", n.location())
        .bind("p", Json.write(n.properties()))
        .bind("o", Json.write(n.overrides()))
        .bind("s", n.source())
        .execute();
  }

  static void update(Handle h, NetworkRecord n) {
    h.createUpdate("UPDATE networks SET type = :t, location = :l, properties = :p WHERE uuid = :u")
        .bind("t", n.type().wire())
        .bind("l", n.location())
        .bind("p", Json.write(n.properties()))
        .bind("u", n.uuid().toString())
        .execute();
  }

  static NotFoundException notFound(UUID uuid) {
    return new NotFoundException("Network \"" + uuid + "\" not found");
  }
}
