package io.migrationmanager.cli.output;

import io.migrationmanager.api.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Relative times as the original prints them: Go's {@code
 * time.Since(t).Truncate(time.Second).String()} followed by {@code " ago"}, for example {@code 4s
 * ago}, {@code 1m5s ago}, {@code 2h0m0s ago}.
 */
public final class Ago {

  private Ago() {}

  /**
   * {@code elapsed}, truncated to whole seconds, in Go duration syntax followed by {@code " ago"}.
   */
  public static String format(Duration elapsed) {
    return new GoDuration(elapsed.truncatedTo(ChronoUnit.SECONDS)) + " ago";
  }

  /** How long before {@code now} the time {@code then} was. */
  public static String since(Instant then, Instant now) {
    return format(Duration.between(then, now));
  }
}
