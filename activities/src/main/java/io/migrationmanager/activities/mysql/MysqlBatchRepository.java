package io.migrationmanager.activities.mysql;

import com.fasterxml.jackson.core.type.TypeReference;
import io.migrationmanager.api.Batch;
import io.migrationmanager.api.BatchConfig;
import io.migrationmanager.api.BatchConstraint;
import io.migrationmanager.api.BatchDefaults;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.api.MigrationWindowConfig;
import io.migrationmanager.domain.batch.BatchStatus;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.instance.InstanceRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Batches in the {@code batches} table, their windows in {@code migration_windows}, and the instances
 * assigned to them in {@code instances_batches}.
 */
public class MysqlBatchRepository {
  private final Jdbi jdbi;

  public MysqlBatchRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private record Row(long id, Batch batch) {}

  private static Row map(ResultSet rs) throws SQLException {
    Batch b =
        new Batch(
            rs.getString("name"),
            rs.getString("include_expression"),
            List.of(),
            Json.read(rs.getString("constraints"), new TypeReference<List<BatchConstraint>>() {}),
            Json.read(rs.getString("defaults"), BatchDefaults.class),
            Json.read(rs.getString("config"), BatchConfig.class),
            BatchStatus.parse(rs.getString("status")),
            rs.getString("status_message"),
            Sql.instant(rs.getTimestamp("start_date")));
    return new Row(rs.getLong("id"), b);
  }

  private static Batch withWindows(Handle h, Row row) {
    List<MigrationWindow> windows =
        h.createQuery(
                "SELECT name, start_time, end_time, lockout_time, config FROM migration_windows WHERE batch_id = :b "
                    + "ORDER BY id")
            .bind("b", row.id())
            .map(
                (rs, c) -> new MigrationWindow(
                    rs.getString("name"),
                    Sql.instant(rs.getTimestamp("start_time")),
                    Sql.instant(rs.getTimestamp("end_time")),
                    Sql.instant(rs.getTimestamp("lockout_time")),
                    Json.read(rs.getString("config"), MigrationWindowConfig.class)))
            .list();
    Batch b = row.batch();
    return new Batch(b.name(), b.includeExpression(), windows, b.constraints(), b.defaults(), b.config(), b.status(),
        b.statusMessage(), b.startDate());
  }

  public List<Batch> list() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT * FROM batches ORDER BY name").map((rs, c) -> map(rs)).list().stream()
            .map(r -> withWindows(h, r))
            .toList());
  }

  public Optional<Batch> find(String name) {
    return jdbi.withHandle(h -> findRow(h, name).map(r -> withWindows(h, r)));
  }

  private static Optional<Row> findRow(Handle h, String name) {
    return h.createQuery("SELECT * FROM batches WHERE name = :n").bind("n", name).map((rs, c) -> map(rs)).findOne();
  }

  private static long id(Handle h, String name) {
    return findRow(h, name).orElseThrow(() -> new NotFoundException("Batch \"" + name + "\" not found")).id();
  }

  /** Stores a new batch with its windows and assigned instances. */
  public void create(Batch b, Collection<UUID> assigned) {
    Sql.unique(
        () -> jdbi.useTransaction(
            h -> {
              long id =
                  h.createUpdate(
                          "INSERT INTO batches (name, status, status_message, include_expression, constraints, "
                              + "start_date, defaults, config) VALUES (:n, :s, :m, :e, :c, :d, :def, :cfg)")
                      .bind("n", b.name())
                      .bind("s", b.status().wire())
                      .bind("m", b.statusMessage())
                      .bind("e", b.includeExpression())
                      .bind("c", Json.write(b.constraints()))
                      .bind("d", Sql.ts(b.startDate()))
                      .bind("def", Json.write(b.defaults()))
                      .bind("cfg", Json.write(b.config()))
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              replaceWindows(h, id, b.migrationWindows());
              replaceAssignments(h, id, assigned);
            }),
        "Batch \"" + b.name() + "\" already exists");
  }

  /**
   * Replaces the batch stored as {@code name} (possibly renamed); {@code assigned} null keeps the assigned
   * instances.
   */
  public void update(String name, Batch b, Collection<UUID> assigned) {
    Sql.unique(
        () -> jdbi.useTransaction(
            h -> {
              long id = id(h, name);
              h.createUpdate(
                      "UPDATE batches SET name = :n, status = :s, status_message = :m, include_expression = :e, "
                          + "constraints = :c, start_date = :d, defaults = :def, config = :cfg WHERE id = :id")
                  .bind("n", b.name())
                  .bind("s", b.status().wire())
                  .bind("m", b.statusMessage())
                  .bind("e", b.includeExpression())
                  .bind("c", Json.write(b.constraints()))
                  .bind("d", Sql.ts(b.startDate()))
                  .bind("def", Json.write(b.defaults()))
                  .bind("cfg", Json.write(b.config()))
                  .bind("id", id)
                  .execute();
              replaceWindows(h, id, b.migrationWindows());
              if (assigned != null) {
                replaceAssignments(h, id, assigned);
              }
            }),
        "Batch \"" + b.name() + "\" already exists");
  }

  /** Sets status, message and start date only. */
  public void setStatus(String name, BatchStatus status, String message, Instant startDate) {
    jdbi.useHandle(h -> setStatus(h, name, status, message, startDate));
  }

  static void setStatus(Handle h, String name, BatchStatus status, String message, Instant startDate) {
    int n =
        h.createUpdate("UPDATE batches SET status = :s, status_message = :m, start_date = :d WHERE name = :n")
            .bind("s", status.wire())
            .bind("m", message)
            .bind("d", Sql.ts(startDate))
            .bind("n", name)
            .execute();
    if (n == 0) {
      throw new NotFoundException("Batch \"" + name + "\" not found");
    }
  }

  public void delete(String name) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM batches WHERE id = :id").bind("id", id(h, name)).execute());
  }

  /** The instances assigned to the batch, in import order. */
  public List<InstanceRecord> assignedInstances(String name) {
    return jdbi.withHandle(
        h -> h.createQuery(
                MysqlInstanceRepository.SELECT
                    + "JOIN instances_batches ib ON ib.instance_id = i.id JOIN batches b ON b.id = ib.batch_id "
                    + "WHERE b.name = :n ORDER BY i.id")
            .bind("n", name)
            .map((rs, c) -> MysqlInstanceRepository.map(rs))
            .list());
  }

  /**
   * Windows are kept by name: an existing window is updated in place (queue entries keep pointing at it),
   * missing ones are deleted, new ones inserted.
   */
  private static void replaceWindows(Handle h, long batchId, List<MigrationWindow> windows) {
    Set<String> keep = new HashSet<>();
    windows.forEach(w -> keep.add(w.name()));
    List<String> existing =
        h.createQuery("SELECT name FROM migration_windows WHERE batch_id = :b").bind("b", batchId).mapTo(String.class).list();
    for (String old : existing) {
      if (!keep.contains(old)) {
        h.createUpdate("DELETE FROM migration_windows WHERE batch_id = :b AND name = :n")
            .bind("b", batchId)
            .bind("n", old)
            .execute();
      }
    }
    // Park the kept windows' times first, so swapping times between two windows cannot hit the unique key.
    h.createUpdate(
            "UPDATE migration_windows SET start_time = NULL, end_time = NULL, lockout_time = FROM_UNIXTIME(id) "
                + "WHERE batch_id = :b")
        .bind("b", batchId)
        .execute();
    for (MigrationWindow w : windows) {
      int n =
          h.createUpdate(
                  "UPDATE migration_windows SET start_time = :s, end_time = :e, lockout_time = :l, config = :c "
                      + "WHERE batch_id = :b AND name = :n")
              .bind("s", Sql.ts(w.start()))
              .bind("e", Sql.ts(w.end()))
              .bind("l", Sql.ts(w.lockout()))
              .bind("c", Json.write(w.config()))
              .bind("b", batchId)
              .bind("n", w.name())
              .execute();
      if (n == 0) {
        h.createUpdate(
                "INSERT INTO migration_windows (name, start_time, end_time, lockout_time, batch_id, config) "
                    + "VALUES (:n, :s, :e, :l, :b, :c)")
            .bind("n", w.name())
            .bind("s", Sql.ts(w.start()))
            .bind("e", Sql.ts(w.end()))
            .bind("l", Sql.ts(w.lockout()))
            .bind("b", batchId)
            .bind("c", Json.write(w.config()))
            .execute();
      }
    }
  }

  private static void replaceAssignments(Handle h, long batchId, Collection<UUID> instances) {
    h.createUpdate("DELETE FROM instances_batches WHERE batch_id = :b").bind("b", batchId).execute();
    List<String> uuids = new ArrayList<>();
    instances.forEach(u -> uuids.add(u.toString()));
    if (uuids.isEmpty()) {
      return;
    }
    h.createUpdate(
            "INSERT INTO instances_batches (instance_id, batch_id) SELECT id, :b FROM instances WHERE uuid IN (<u>)")
        .bind("b", batchId)
        .bindList("u", uuids)
        .execute();
  }
}
