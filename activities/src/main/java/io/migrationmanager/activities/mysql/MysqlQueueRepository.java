package io.migrationmanager.activities.mysql;

import io.migrationmanager.domain.batch.BatchStatus;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.placement.Placement;
import io.migrationmanager.domain.queue.ImportStage;
import io.migrationmanager.domain.queue.MigrationStatus;
import io.migrationmanager.domain.queue.QueueRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Queue entries in the {@code queue} table: at most one per instance system-wide, which is how the first batch
 * started claims the instances several batches share.
 */
public class MysqlQueueRepository {
  private static final String SELECT =
      "SELECT i.uuid AS instance_uuid, b.name AS batch_name, q.migration_status, q.migration_status_message, "
          + "q.import_stage, q.secret_token, q.last_worker_status, w.name AS window_name, q.placement, "
          + "q.last_background_sync, q.last_update FROM queue q JOIN instances i ON i.id = q.instance_id "
          + "JOIN batches b ON b.id = q.batch_id LEFT JOIN migration_windows w ON w.id = q.migration_window_id ";

  private final Jdbi jdbi;

  public MysqlQueueRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private static QueueRecord map(ResultSet rs) throws SQLException {
    return new QueueRecord(
        UUID.fromString(rs.getString("instance_uuid")),
        rs.getString("batch_name"),
        MigrationStatus.parse(rs.getString("migration_status")),
        rs.getString("migration_status_message"),
        ImportStage.parse(rs.getString("import_stage")),
        UUID.fromString(rs.getString("secret_token")),
        rs.getInt("last_worker_status"),
        rs.getString("window_name"),
        Json.read(rs.getString("placement"), Placement.class),
        Sql.instant(rs.getTimestamp("last_background_sync")),
        Sql.instant(rs.getTimestamp("last_update")));
  }

  public List<QueueRecord> list() {
    return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY b.name, i.id").map((rs, c) -> map(rs)).list());
  }

  public List<QueueRecord> listByBatch(String batch) {
    return jdbi.withHandle(h -> listByBatch(h, batch));
  }

  static List<QueueRecord> listByBatch(Handle h, String batch) {
    return h.createQuery(SELECT + "WHERE b.name = :b ORDER BY i.id").bind("b", batch).map((rs, c) -> map(rs)).list();
  }

  public Optional<QueueRecord> find(UUID instance) {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + "WHERE i.uuid = :u").bind("u", instance.toString()).map((rs, c) -> map(rs)).findOne());
  }

  /**
   * Starts a batch in one transaction: entries are inserted for instances that have none yet (instances
   * queued meanwhile by another batch are skipped) and the batch becomes {@code Running}. Returns the entries
   * created.
   */
  public List<QueueRecord> claimAndStart(String batch, List<QueueRecord> entries, Instant startDate) {
    return jdbi.inTransaction(
        h -> {
          List<QueueRecord> created = new ArrayList<>();
          for (QueueRecord e : entries) {
            int n =
                h.createUpdate(
                        "INSERT INTO queue (instance_id, batch_id, migration_status, migration_status_message, "
                            + "import_stage, secret_token, last_worker_status, migration_window_id, placement, "
                            + "last_background_sync, last_update) SELECT i.id, b.id, :s, :m, :st, :t, :lws, NULL, :p, "
                            + ":lbs, :lu FROM instances i, batches b WHERE i.uuid = :u AND b.name = :b "
                            + "AND NOT EXISTS (SELECT 1 FROM queue q WHERE q.instance_id = i.id)")
                    .bind("s", e.status().wire())
                    .bind("m", e.statusMessage())
                    .bind("st", e.importStage().wire())
                    .bind("t", e.secretToken().toString())
                    .bind("lws", e.lastWorkerStatus())
                    .bind("p", Json.write(e.placement()))
                    .bind("lbs", Sql.ts(e.lastBackgroundSync()))
                    .bind("lu", Sql.ts(e.lastUpdate()))
                    .bind("u", e.instanceUuid().toString())
                    .bind("b", e.batchName())
                    .execute();
            if (n == 1) {
              created.add(e);
            }
          }
          MysqlBatchRepository.setStatus(h, batch, BatchStatus.RUNNING, BatchStatus.RUNNING.wire(), startDate);
          return created;
        });
  }

  /** Stores an entry's changed state (status, message, stage, window, placement, times). */
  public void update(QueueRecord e) {
    int n =
        jdbi.withHandle(
            h -> h.createUpdate(
                    "UPDATE queue q JOIN instances i ON i.id = q.instance_id JOIN batches b ON b.id = q.batch_id "
                        + "SET q.migration_status = :s, q.migration_status_message = :m, q.import_stage = :st, "
                        + "q.last_worker_status = :lws, q.placement = :p, q.last_background_sync = :lbs, "
                        + "q.last_update = :lu, q.migration_window_id = (SELECT w.id FROM migration_windows w "
                        + "WHERE w.batch_id = b.id AND w.name = :w) WHERE i.uuid = :u")
                .bind("s", e.status().wire())
                .bind("m", e.statusMessage())
                .bind("st", e.importStage().wire())
                .bind("lws", e.lastWorkerStatus())
                .bind("p", Json.write(e.placement()))
                .bind("lbs", Sql.ts(e.lastBackgroundSync()))
                .bind("lu", Sql.ts(e.lastUpdate()))
                .bind("w", e.migrationWindow())
                .bind("u", e.instanceUuid().toString())
                .execute());
    if (n == 0) {
      throw new NotFoundException("Queue entry \"" + e.instanceUuid() + "\" not found");
    }
  }

  public void delete(UUID instance) {
    int n =
        jdbi.withHandle(
            h -> h.createUpdate("DELETE q FROM queue q JOIN instances i ON i.id = q.instance_id WHERE i.uuid = :u")
                .bind("u", instance.toString())
                .execute());
    if (n == 0) {
      throw new NotFoundException("Queue entry \"" + instance + "\" not found");
    }
  }

  /** Deletes every entry of a batch. */
  public void deleteByBatch(String batch) {
    jdbi.useHandle(
        h -> h.createUpdate("DELETE q FROM queue q JOIN batches b ON b.id = q.batch_id WHERE b.name = :b")
            .bind("b", batch)
            .execute());
  }
}
