package io.migrationmanager.domain.instance;

import io.migrationmanager.api.InstanceOverride;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored instances. Lists are in import order (the order the user's document shows). */
public interface InstanceRepository {
  List<InstanceRecord> list();

  List<InstanceRecord> listBySource(String source);

  Optional<InstanceRecord> find(UUID uuid);

  /** Replaces the override; {@code NotFoundException} when the instance does not exist. */
  void updateOverride(UUID uuid, InstanceOverride override);

  /** Replaces the source properties (not the override). */
  void updateProperties(InstanceRecord instance);

  void delete(UUID uuid);
}
