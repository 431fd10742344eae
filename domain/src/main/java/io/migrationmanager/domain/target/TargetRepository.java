package io.migrationmanager.domain.target;

import io.migrationmanager.api.Target;
import java.util.List;
import java.util.Optional;

/** Stored targets, with their secrets. */
public interface TargetRepository {
  void create(Target target);

  void update(String name, Target target);

  void delete(String name);

  Optional<Target> find(String name);

  /** Ordered by name. */
  List<Target> list();
}
