package io.migrationmanager.activities.mysql;

import io.migrationmanager.api.Source;
import io.migrationmanager.api.VmwareSourceProperties;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.source.SourceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Sources in the {@code sources} table; properties (with the password) as JSON. */
public class MysqlSourceRepository implements SourceRepository {
  private static final String COLUMNS = "name, source_type, properties, sync_started";

  private final Jdbi jdbi;

  public MysqlSourceRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private static Source map(ResultSet rs) throws SQLException {
    return new Source(
        rs.getString("name"),
        rs.getString("source_type"),
        Json.read(rs.getString("properties"), VmwareSourceProperties.class),
        rs.getTimestamp("sync_started") != null);
  }

  @Override
  public void create(Source source) {
    Sql.unique(
        () -> jdbi.useHandle(
            h -> h.createUpdate("INSERT INTO sources (name, source_type, properties) VALUES (:n, :t, :p)")
                .bind("n", source.name())
                .bind("t", source.sourceType())
                .bind("p", Json.write(source.properties()))
                .execute()),
        "Source \"" + source.name() + "\" already exists");
  }

  @Override
  public void update(String name, Source source) {
    Sql.unique(
        () -> {
          int n =
              jdbi.withHandle(
                  h -> h.createUpdate("UPDATE sources SET name = :new, properties = :p WHERE name = :old")
                      .bind("new", source.name())
                      .bind("p", Json.write(source.properties()))
                      .bind("old", name)
                      .execute());
          if (n == 0) {
            throw new NotFoundException("Source \"" + name + "\" not found");
          }
        },
        "Source \"" + source.name() + "\" already exists");
  }

  @Override
  public void delete(String name) {
    int n = jdbi.withHandle(h -> h.createUpdate("DELETE FROM sources WHERE name = :n").bind("n", name).execute());
    if (n == 0) {
      throw new NotFoundException("Source \"" + name + "\" not found");
    }
  }

  @Override
  public Optional<Source> find(String name) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT " + COLUMNS + " FROM sources WHERE name = :n")
            .bind("n", name)
            .map((rs, ctx) -> map(rs))
            .findOne());
  }

  @Override
  public List<Source> list() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT " + COLUMNS + " FROM sources ORDER BY name").map((rs, ctx) -> map(rs)).list());
  }

  /** Marks a sync of the source as running (a time) or finished (null). */
  public void setSyncStarted(String name, Instant started) {
    jdbi.useHandle(
        h -> h.createUpdate("UPDATE sources SET sync_started = :s WHERE name = :n")
            .bind("s", Sql.ts(started))
            .bind("n", name)
            .execute());
  }
}
