package io.migrationmanager.cli.output;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times the way Go's {@code time.Time.String()} prints a UTC time, as the original's tables show
 * them: {@code 2025-11-18 23:47:23.992054737 +0000 UTC}, fractional seconds without trailing zeros
 * and no fraction at all for whole seconds ({@code 2025-12-01 01:00:00 +0000 UTC}).
 */
public final class GoTime {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  /** Go's zero time, {@code 0001-01-01T00:00:00Z}, which the API uses for "not set". */
  public static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

  private GoTime() {}

  /** {@code instant} in UTC as Go's {@code time.String()}. */
  public static String format(Instant instant) {
    return formatDateTime(instant) + " +0000 UTC";
  }

  /**
   * {@code instant} in UTC as the user's document writes window times in YAML, {@code 2025-12-01
   * 01:00:00} (Go's {@code time.DateTime} layout), with the fractional seconds when there are any;
   * the API reads it back as the same instant.
   */
  public static String formatDateTime(Instant instant) {
    OffsetDateTime time = instant.atOffset(ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(SECONDS.format(time));
    int nanos = time.getNano();
    if (nanos != 0) {
      out.append('.').append(String.format("%09d", nanos).replaceAll("0+$", ""));
    }
    return out.toString();
  }

  /** Parses an RFC 3339 time from the API ({@code 2025-11-18T23:47:23.992054737Z}, any offset). */
  public static Instant parse(String rfc3339) {
    try {
      return OffsetDateTime.parse(rfc3339, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Invalid time \"" + rfc3339 + "\"", e);
    }
  }

  /** Whether {@code instant} is Go's zero time. */
  public static boolean isZero(Instant instant) {
    return ZERO.equals(instant);
  }
}
