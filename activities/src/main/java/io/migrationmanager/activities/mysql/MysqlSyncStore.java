package io.migrationmanager.activities.mysql;

import io.migrationmanager.api.WarningScope;
import io.migrationmanager.api.Warning;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.source.InventoryMerge;
import io.migrationmanager.domain.warning.WarningMerge;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The database side of an inventory sync: loads what is stored for a source, and applies a merge plan and
 * the merged warnings in one transaction (holding the source's row lock, so syncs of one source serialise).
 */
public class MysqlSyncStore {
  private final Jdbi jdbi;

  public MysqlSyncStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * The stored state of {@code source}.
   *
   * @param frozen instances to leave alone (queued in running batches and not restricted)
   */
  public InventoryMerge.Stored load(String source, Set<UUID> frozen) {
    return jdbi.withHandle(
        h -> {
          Map<UUID, String> others = new HashMap<>();
          h.createQuery(
                  "SELECT i.uuid, s.name FROM instances i JOIN sources s ON s.id = i.source_id WHERE s.name <> :s")
              .bind("s", source)
              .map((rs, c) -> Map.entry(UUID.fromString(rs.getString(1)), rs.getString(2)))
              .forEach(e -> others.put(e.getKey(), e.getValue()));
          return new InventoryMerge.Stored(
              MysqlInstanceRepository.listBySource(h, source),
              MysqlNetworkRepository.listBySource(h, source),
              frozen,
              others);
        });
  }

  /** Instances of {@code source} queued in a batch that is {@code Running} or {@code Error}. */
  public List<InstanceRecord> queuedInActiveBatches(String source) {
    return jdbi.withHandle(
        h -> h.createQuery(
                MysqlInstanceRepository.SELECT
                    + "JOIN queue q ON q.instance_id = i.id JOIN batches b ON b.id = q.batch_id "
                    + "WHERE s.name = :s AND b.status IN ('Running', 'Error') ORDER BY i.id")
            .bind("s", source)
            .map((rs, c) -> MysqlInstanceRepository.map(rs))
            .list());
  }

  /** The stored warnings of a scope. */
  public List<Warning> warnings(WarningScope scope) {
    return jdbi.withHandle(h -> MysqlWarningRepository.listByScope(h, scope));
  }

  /** Applies the plan and the warnings atomically. */
  public void apply(String source, InventoryMerge.Plan plan, WarningMerge.Result warnings) {
    jdbi.useTransaction(
        h -> {
          lockSource(h, source);
          for (UUID uuid : plan.deleteInstances()) {
            h.createUpdate("DELETE FROM instances WHERE uuid = :u").bind("u", uuid.toString()).execute();
          }
          plan.createInstances().forEach(i -> MysqlInstanceRepository.insert(h, i));
          plan.updateInstances().forEach(i -> MysqlInstanceRepository.updateProperties(h, i));
          Set<UUID> deleteNetworks = new HashSet<>(plan.deleteNetworks());
          for (UUID uuid : deleteNetworks) {
            h.createUpdate("DELETE FROM networks WHERE uuid = :u").bind("u", uuid.toString()).execute();
          }
          plan.createNetworks().forEach(n -> MysqlNetworkRepository.insert(h, n));
          plan.updateNetworks().forEach(n -> MysqlNetworkRepository.update(h, n));
          warnings.delete().forEach(u -> MysqlWarningRepository.delete(h, u));
          warnings.save().forEach(w -> MysqlWarningRepository.save(h, w));
        });
  }

  private static void lockSource(Handle h, String source) {
    if (h.createQuery("SELECT id FROM sources WHERE name = :s FOR UPDATE").bind("s", source).mapTo(Long.class).findOne().isEmpty()) {
      throw new NotFoundException("Source \"" + source + "\" not found");
    }
  }
}
