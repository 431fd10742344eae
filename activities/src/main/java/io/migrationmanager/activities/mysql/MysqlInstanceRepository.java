package io.migrationmanager.activities.mysql;

import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.InstanceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Instances in the {@code instances} table, joined with their source's name and type. */
public class MysqlInstanceRepository implements InstanceRepository {
  static final String SELECT =
      "SELECT i.uuid, s.name AS source, s.source_type, i.last_update_from_source, i.overrides, i.properties "
          + "FROM instances i JOIN sources s ON s.id = i.source_id ";

  private final Jdbi jdbi;

  public MysqlInstanceRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  static InstanceRecord map(ResultSet rs) throws SQLException {
    return new InstanceRecord(
        UUID.fromString(rs.getString("uuid")),
        rs.getString("source"),
        rs.getString("source_type"),
        Sql.instant(rs.getTimestamp("last_update_from_source")),
        Json.read(rs.getString("overrides"), InstanceOverride.class),
        Json.read(rs.getString("properties"), InstanceProperties.class));
  }

  @Override
  public List<InstanceRecord> list() {
    return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY i.id").map((rs, c) -> map(rs)).list());
  }

  @Override
  public List<InstanceRecord> listBySource(String source) {
    return jdbi.withHandle(h -> listBySource(h, source));
  }

  static List<InstanceRecord> listBySource(Handle h, String source) {
    return h.createQuery(SELECT + "WHERE s.name = :s ORDER BY i.id").bind("s", source).map((rs, c) -> map(rs)).list();
  }

  @Override
  public Optional<InstanceRecord> find(UUID uuid) {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + "WHERE i.uuid = :u").bind("u", uuid.toString()).map((rs, c) -> map(rs)).findOne());
  }

  @Override
  public void updateOverride(UUID uuid, InstanceOverride override) {
    int n =
        jdbi.withHandle(
            h -> h.createUpdate("UPDATE instances SET overrides = :o WHERE uuid = :u")
                .bind("o", Json.write(override))
                .bind("u", uuid.toString())
                .execute());
    if (n == 0) {
      throw notFound(uuid);
    }
  }

  @Override
  public void updateProperties(InstanceRecord instance) {
    int n = jdbi.withHandle(h -> updateProperties(h, instance));
    if (n == 0) {
      throw notFound(instance.uuid());
    }
  }

  static int updateProperties(Handle h, InstanceRecord instance) {
    return h.createUpdate(
            "UPDATE instances SET properties = :p, last_update_from_source = :t WHERE uuid = :u")
        .bind("p", Json.write(instance.properties()))
        .bind("t", Sql.ts(instance.lastUpdateFromSource()))
        .bind("u", instance.uuid().toString())
        .execute();
  }

  static void insert(Handle h, InstanceRecord instance) {
    h.createUpdate(
            "INSERT INTO instances (uuid, source_id, last_update_from_source, overrides, properties) "
                + "SELECT :u, id, :t, :o, :p FROM sources WHERE name = :s")
        .bind("u", instance.uuid().toString())
        .bind("t", Sql.ts(instance.lastUpdateFromSource()))
        .bind("o", Json.write(instance.overrides()))
        .bind("p", Json.write(instance.properties()))
        .bind("s", instance.source())
        .execute();
  }

  @Override
  public void delete(UUID uuid) {
    int n = jdbi.withHandle(h -> h.createUpdate("DELETE FROM instances WHERE uuid = :u").bind("u", uuid.toString()).execute());
    if (n == 0) {
      throw notFound(uuid);
    }
  }

  static NotFoundException notFound(UUID uuid) {
    return new NotFoundException("Instance \"" + uuid + "\" not found");
  }
}
