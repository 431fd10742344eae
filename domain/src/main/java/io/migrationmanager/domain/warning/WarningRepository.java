package io.migrationmanager.domain.warning;

import io.migrationmanager.api.Warning;
import io.migrationmanager.api.WarningScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored warnings, unique per (type, scope). */
public interface WarningRepository {
  /** Ordered by UUID. */
  List<Warning> list();

  List<Warning> listByScope(WarningScope scope);

  Optional<Warning> find(UUID uuid);

  /** Inserts, or replaces the warning with the same UUID. */
  void save(Warning warning);

  void delete(UUID uuid);
}
