package io.migrationmanager.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.api.GoTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormattingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2025-11-18T23:47:23.992054737Z, 2025-11-18 23:47:23.992054737 +0000 UTC",
    "2025-11-18T23:47:23.991759082Z, 2025-11-18 23:47:23.991759082 +0000 UTC",
    "2025-12-01T01:00:00Z, 2025-12-01 01:00:00 +0000 UTC",
    "2025-12-01T01:00:00.500Z, 2025-12-01 01:00:00.5 +0000 UTC",
    "2025-12-01T01:00:00.000001Z, 2025-12-01 01:00:00.000001 +0000 UTC",
    "2025-12-01T03:00:00+02:00, 2025-12-01 01:00:00 +0000 UTC",
    "0001-01-01T00:00:00Z, 0001-01-01 00:00:00 +0000 UTC"
  })
  void goTimeString(String rfc3339, String expected) {
    assertThat(GoTime.display(GoTime.parse(rfc3339))).isEqualTo(expected);
  }

  @Test
  void goZeroTime() {
    assertThat(GoTime.isZero(GoTime.parse("0001-01-01T00:00:00Z"))).isTrue();
    assertThat(GoTime.isZero(Instant.EPOCH)).isFalse();
  }

  @ParameterizedTest(name = "{0} ms -> {1}")
  @CsvSource({
    "0, 0s ago",
    "999, 0s ago",
    "4000, 4s ago",
    "4999, 4s ago",
    "65000, 1m5s ago",
    "3600000, 1h0m0s ago",
    "7200000, 2h0m0s ago",
    "93784500, 26h3m4s ago",
    "-3500, -3s ago"
  })
  void ago(long millis, String expected) {
    assertThat(Ago.format(Duration.ofMillis(millis))).isEqualTo(expected);
  }

  @Test
  void agoBetweenTwoTimes() {
    Instant now = Instant.parse("2025-12-01T01:00:04.9Z");

    assertThat(Ago.since(Instant.parse("2025-12-01T01:00:00Z"), now)).isEqualTo("4s ago");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0B",
    "100, 100B",
    "1023, 1023B",
    "1024, 1.00KiB",
    "1536, 1.50KiB",
    "536870912, 512.00MiB",
    "4294967296, 4.00GiB",
    "6442450944, 6.00GiB",
    "107374182400, 100.00GiB",
    "1099511627776, 1.00TiB",
    "1125899906842624, 1.00PiB",
    "1152921504606846976, 1.00EiB",
    "9223372036854775807, 8.00EiB",
    "1048575, 1024.00KiB",
    "1029, 1.00KiB",
    "1030, 1.01KiB"
  })
  void iecSizes(long bytes, String expected) {
    assertThat(ByteSizes.iec(bytes)).isEqualTo(expected);
  }
}
