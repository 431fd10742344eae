package io.migrationmanager.activities.mysql;

import com.fasterxml.jackson.core.type.TypeReference;
import io.migrationmanager.api.Warning;
import io.migrationmanager.api.WarningScope;
import io.migrationmanager.domain.warning.WarningRepository;
import io.migrationmanager.domain.warning.WarningType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Warnings in the {@code warnings} table. */
public class MysqlWarningRepository implements WarningRepository {
  private static final String SELECT =
      "SELECT uuid, type, scope, entity_type, entity, status, messages, count, first_seen_date, last_seen_date, "
          + "updated_date FROM warnings ";

  private final Jdbi jdbi;

  public MysqlWarningRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private static Warning map(ResultSet rs) throws SQLException {
    return new Warning(
        rs.getString("status"),
        UUID.fromString(rs.getString("uuid")),
        new WarningScope(rs.getString("scope"), rs.getString("entity_type"), rs.getString("entity")),
        WarningType.parse(rs.getString("type")),
        Sql.instant(rs.getTimestamp("first_seen_date")),
        Sql.instant(rs.getTimestamp("last_seen_date")),
        Sql.instant(rs.getTimestamp("updated_date")),
        Json.read(rs.getString("messages"), new TypeReference<List<String>>() {}),
        rs.getInt("count"));
  }

  @Override
  public List<Warning> list() {
    return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY uuid").map((rs, c) -> map(rs)).list());
  }

  @Override
  public List<Warning> listByScope(WarningScope scope) {
    return jdbi.withHandle(h -> listByScope(h, scope));
  }

  static List<Warning> listByScope(Handle h, WarningScope scope) {
    return h.createQuery(SELECT + "WHERE scope = :s AND entity_type = :t AND entity = :e ORDER BY uuid")
        .bind("s", scope.scope())
        .bind("t", scope.entityType())
        .bind("e", scope.entity())
        .map((rs, c) -> map(rs))
        .list();
  }

  @Override
  public Optional<Warning> find(UUID uuid) {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + "WHERE uuid = :u").bind("u", uuid.toString()).map((rs, c) -> map(rs)).findOne());
  }

  @Override
  public void save(Warning w) {
    jdbi.useHandle(h -> save(h, w));
  }

  static void save(Handle h, Warning w) {
    h.createUpdate(
            "INSERT INTO warnings (uuid, type, scope, entity_type, entity, status, messages, count, first_seen_date, "
                + "last_seen_date, updated_date) VALUES (:u, :type, :scope, :et, :e, :status, :m, :c, :f, :l, :up) "
                + "ON DUPLICATE KEY UPDATE status = VALUES(status), messages = VALUES(messages), "
                + "count = VALUES(count), last_seen_date = VALUES(last_seen_date), updated_date = VALUES(updated_date)")
        .bind("u", w.uuid().toString())
        .bind("type", w.type().text())
        .bind("scope", w.scope().scope())
        .bind("et", w.scope().entityType())
        .bind("e", w.scope().entity())
        .bind("status", w.status())
        .bind("m", Json.write(w.messages()))
        .bind("c", w.count())
        .bind("f", Sql.ts(w.firstSeenDate()))
        .bind("l", Sql.ts(w.lastSeenDate()))
        .bind("up", Sql.ts(w.updatedDate()))
        .execute();
  }

  @Override
  public void delete(UUID uuid) {
    jdbi.useHandle(h -> delete(h, uuid));
  }

  static void delete(Handle h, UUID uuid) {
    h.createUpdate("DELETE FROM warnings WHERE uuid = :u").bind("u", uuid.toString()).execute();
  }
}
