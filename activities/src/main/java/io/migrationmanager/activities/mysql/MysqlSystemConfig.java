package io.migrationmanager.activities.mysql;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Server-wide settings kept in the {@code system_config} table, one JSON value per name. */
public class MysqlSystemConfig {
  /** The name under which trusted client certificate fingerprints are kept. */
  public static final String TRUSTED_FINGERPRINTS = "trusted_tls_client_cert_fingerprints";

  private final Jdbi jdbi;

  public MysqlSystemConfig(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<String> get(String name) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT value FROM system_config WHERE name = :name")
            .bind("name", name)
            .mapTo(String.class)
            .findOne());
  }

  public void put(String name, Object value) {
    String json = Json.write(value);
    jdbi.useHandle(
        h -> h.createUpdate(
                "INSERT INTO system_config (name, value) VALUES (:name, :value) "
                    + "ON DUPLICATE KEY UPDATE value = VALUES(value)")
            .bind("name", name)
            .bind("value", json)
            .execute());
  }

  public List<String> trustedFingerprints() {
    return get(TRUSTED_FINGERPRINTS)
        .map(v -> Json.read(v, new TypeReference<List<String>>() {}))
        .orElse(List.of());
  }

  public void setTrustedFingerprints(List<String> fingerprints) {
    put(TRUSTED_FINGERPRINTS, fingerprints);
  }
}
