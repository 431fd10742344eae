package io.migrationmanager.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoTimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2025-12-01T01:00:00Z, 2025-12-01 01:00:00",
    "2025-12-01T01:00:00.500Z, 2025-12-01 01:00:00.5",
    "2025-11-18T23:47:23.992054737Z, 2025-11-18 23:47:23.992054737"
  })
  void dateTimeIsTheDocumentsFormAndReadsBack(String instant, String text) {
    assertThat(GoTime.dateTime(Instant.parse(instant))).isEqualTo(text);
    assertThat(GoTime.parse(text)).isEqualTo(Instant.parse(instant));
  }

  @Test
  void unsetTimesShowAsGosZeroTime() {
    assertThat(GoTime.dateTime(null)).isEqualTo("0001-01-01 00:00:00");
    assertThat(GoTime.display(null)).isEqualTo("0001-01-01 00:00:00 +0000 UTC");
    assertThat(GoTime.format(null)).isEqualTo(GoTime.ZERO);
    assertThat(GoTime.isZero(null)).isTrue();
    assertThat(GoTime.isZero(Instant.parse(GoTime.ZERO))).isTrue();
    assertThat(GoTime.isZero(Instant.EPOCH)).isFalse();
  }

  @Test
  void overrideLastUpdateIsAGoTimeOnTheWire() throws Exception {
    InstanceOverride unset = InstanceOverride.EMPTY;
    InstanceOverride set = unset.withLastUpdate(Instant.parse("2025-11-18T23:53:11.120Z"));

    assertThat(JSON.valueToTree(unset).path("last_update").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(JSON.valueToTree(set).path("last_update").asText()).isEqualTo("2025-11-18T23:53:11.12Z");
    assertThat(JSON.readValue("{\"last_update\":\"0001-01-01T00:00:00Z\"}", InstanceOverride.class).lastUpdate())
        .isNull();
    assertThat(JSON.treeToValue(JSON.valueToTree(set), InstanceOverride.class)).isEqualTo(set);
  }
}
