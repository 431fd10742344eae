package io.migrationmanager.activities.mysql;

import io.migrationmanager.api.IncusTargetProperties;
import io.migrationmanager.api.Target;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.target.TargetRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Targets in the {@code targets} table; properties (with the client key) as JSON. */
public class MysqlTargetRepository implements TargetRepository {
  private final Jdbi jdbi;

  public MysqlTargetRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private static Target map(ResultSet rs) throws SQLException {
    return new Target(
        rs.getString("name"),
        rs.getString("target_type"),
        Json.read(rs.getString("properties"), IncusTargetProperties.class));
  }

  @Override
  public void create(Target target) {
    Sql.unique(
        () -> jdbi.useHandle(
            h -> h.createUpdate("INSERT INTO targets (name, target_type, properties) VALUES (:n, :t, :p)")
                .bind("n", target.name())
                .bind("t", target.targetType())
                .bind("p", Json.write(target.properties()))
                .execute()),
        "Target \"" + target.name() + "\" already exists");
  }

  @Override
  public void update(String name, Target target) {
    Sql.unique(
        () -> {
          int n =
              jdbi.withHandle(
                  h -> h.createUpdate("UPDATE targets SET name = :new, properties = :p WHERE name = :old")
                      .bind("new", target.name())
                      .bind("p", Json.write(target.properties()))
                      .bind("old", name)
                      .execute());
          if (n == 0) {
            throw new NotFoundException("Target \"" + name + "\" not found");
          }
        },
        "Target \"" + target.name() + "\" already exists");
  }

  @Override
  public void delete(String name) {
    int n = jdbi.withHandle(h -> h.createUpdate("DELETE FROM targets WHERE name = :n").bind("n", name).execute());
    if (n == 0) {
      throw new NotFoundException("Target \"" + name + "\" not found");
    }
  }

  @Override
  public Optional<Target> find(String name) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT name, target_type, properties FROM targets WHERE name = :n")
            .bind("n", name)
            .map((rs, ctx) -> map(rs))
            .findOne());
  }

  @Override
  public List<Target> list() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT name, target_type, properties FROM targets ORDER BY name")
            .map((rs, ctx) -> map(rs))
            .list());
  }
}
