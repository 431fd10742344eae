package io.migrationmanager.domain.source;

import io.migrationmanager.api.Source;
import java.util.List;
import java.util.Optional;

/** Stored sources, with their secrets. */
public interface SourceRepository {
  /** {@code ConflictException} when the name is taken. */
  void create(Source source);

  /** Replaces the source stored under {@code name} (the new record may carry a new name). */
  void update(String name, Source source);

  void delete(String name);

  Optional<Source> find(String name);

  /** Ordered by name. */
  List<Source> list();
}
