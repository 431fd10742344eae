package io.migrationmanager.activities.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.testsupport.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema migrates from an empty database and enforces the unique keys of spec §2.14. */
class MysqlSchemaTest {
  static TestDatabase db;
  static Jdbi jdbi;

  @BeforeAll
  static void migrateEmptyDatabase() {
    db = TestDatabase.createEmpty();
    assertThat(MysqlSchema.currentVersion(db.dataSource())).isEqualTo("none");
    var result = MysqlSchema.migrate(db.dataSource());
    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
    jdbi = db.jdbi();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void migratingAgainIsANoOp() {
    String version = MysqlSchema.currentVersion(db.dataSource());
    assertThat(MysqlSchema.migrate(db.dataSource()).migrationsExecuted).isZero();
    assertThat(MysqlSchema.currentVersion(db.dataSource())).isEqualTo(version);
  }

  @Test
  void everyTableExists() {
    List<String> tables =
        jdbi.withHandle(
            h -> h.createQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .mapTo(String.class)
                .list());
    assertThat(tables)
        .contains(
            "sources", "targets", "instances", "networks", "batches", "migration_windows", "instances_batches",
            "queue", "warnings", "artifacts", "system_config");
  }

  @Test
  void uniqueKeysHold() {
    jdbi.useHandle(
        h -> {
          long source = insertSource(h, "src-unique");
          assertThatThrownBy(() -> insertSource(h, "src-unique")).hasMessageContaining("Duplicate");
          // Names are case-sensitive, as in the original.
          insertSource(h, "SRC-UNIQUE");

          long instance = insertInstance(h, source, "11111111-1111-1111-1111-111111111111");
          assertThatThrownBy(() -> insertInstance(h, source, "11111111-1111-1111-1111-111111111111"))
              .hasMessageContaining("Duplicate");

          h.execute(
              "INSERT INTO networks (uuid, type, source_specific_id, location, properties, source_id, overrides) "
                  + "VALUES ('n1', 'standard', 'network-1', '/dc/network/a', '{}', ?, '{}')",
              source);
          assertThatThrownBy(
                  () -> h.execute(
                      "INSERT INTO networks (uuid, type, source_specific_id, location, properties, source_id, "
                          + "overrides) VALUES ('n2', 'standard', 'network-1', '/x', '{}', ?, '{}')",
                      source))
              .hasMessageContaining("Duplicate");

          long batchA = insertBatch(h, "batch-a");
          long batchB = insertBatch(h, "batch-b");
          insertWindow(h, batchA, "w1", null);
          assertThatThrownBy(() -> insertWindow(h, batchA, "w1", "2030-01-01 00:00:00"))
              .hasMessageContaining("Duplicate");
          // The same times twice in one batch are refused even when they are all zero (NULL).
          assertThatThrownBy(() -> insertWindow(h, batchA, "w2", null)).hasMessageContaining("Duplicate");
          insertWindow(h, batchB, "w1", null);

          // One queue entry per instance, whichever batch: the claim rule.
          insertQueue(h, instance, batchA);
          assertThatThrownBy(() -> insertQueue(h, instance, batchB)).hasMessageContaining("Duplicate");

          h.execute(
              "INSERT INTO warnings (uuid, type, scope, entity_type, entity, status, messages, count, "
                  + "first_seen_date, last_seen_date, updated_date) VALUES ('w-1', 'Instances not imported', "
                  + "'sync', 'source', 'src', 'new', '[]', 1, NOW(6), NOW(6), NOW(6))");
          assertThatThrownBy(
                  () -> h.execute(
                      "INSERT INTO warnings (uuid, type, scope, entity_type, entity, status, messages, count, "
                          + "first_seen_date, last_seen_date, updated_date) VALUES ('w-2', 'Instances not "
                          + "imported', 'sync', 'source', 'src', 'new', '[]', 1, NOW(6), NOW(6), NOW(6))"))
              .hasMessageContaining("Duplicate");
        });
  }

  @Test
  void deletingASourceRemovesItsInstancesAndNetworks() {
    jdbi.useHandle(
        h -> {
          long source = insertSource(h, "src-cascade");
          insertInstance(h, source, "22222222-2222-2222-2222-222222222222");
          h.execute("DELETE FROM sources WHERE id = ?", source);
          assertThat(
                  h.createQuery("SELECT COUNT(*) FROM instances WHERE source_id = :s")
                      .bind("s", source)
                      .mapTo(Integer.class)
                      .one())
              .isZero();
        });
  }

  private static long insertSource(Handle h, String name) {
    return h.createUpdate("INSERT INTO sources (name, source_type, properties) VALUES (:n, 'vmware', '{}')")
        .bind("n", name)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  private static long insertInstance(Handle h, long source, String uuid) {
    return h.createUpdate(
            "INSERT INTO instances (uuid, source_id, overrides, properties) VALUES (:u, :s, '{}', '{}')")
        .bind("u", uuid)
        .bind("s", source)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  private static long insertBatch(Handle h, String name) {
    return h.createUpdate(
            "INSERT INTO batches (name, status, status_message, include_expression, constraints, defaults, "
                + "config) VALUES (:n, 'Defined', 'Defined', 'false', '[]', '{}', '{}')")
        .bind("n", name)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  private static void insertWindow(Handle h, long batch, String name, String start) {
    h.createUpdate(
            "INSERT INTO migration_windows (name, start_time, batch_id, config) VALUES (:n, :s, :b, '{}')")
        .bind("n", name)
        .bind("s", start)
        .bind("b", batch)
        .execute();
  }

  private static void insertQueue(Handle h, long instance, long batch) {
    h.createUpdate(
            "INSERT INTO queue (instance_id, batch_id, migration_status, migration_status_message, import_stage, "
                + "secret_token, placement, last_update) VALUES (:i, :b, 'Waiting', '', 'background', "
                + "'00000000-0000-0000-0000-000000000000', '{}', NOW(6))")
        .bind("i", instance)
        .bind("b", batch)
        .execute();
  }
}
