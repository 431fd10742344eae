package io.migrationmanager.activities.mysql;

import io.migrationmanager.domain.error.ConflictException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Small helpers shared by the repositories. */
final class Sql {
  private Sql() {}

  private static final DateTimeFormatter DATETIME6 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  /**
   * A time for a DATETIME(6) column, as text in UTC: Connector/J takes MariaDB for MySQL 5.5 (it reports
   * {@code 5.5.5-10.11}) and would drop the fractional seconds of a {@link Timestamp}.
   */
  static String ts(Instant i) {
    return i == null ? null : DATETIME6.format(i);
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** Runs a write; a unique-key violation becomes a {@link ConflictException} with {@code message}. */
  static void unique(Runnable write, String message) {
    try {
      write.run();
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
        throw new ConflictException(message);
      }
      throw e;
    }
  }
}
