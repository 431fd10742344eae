package io.migrationmanager.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.cli.CliException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputsTest {

  @ParameterizedTest
  @CsvSource({
    "10.10.0.3, https://10.10.0.3",
    "vc01.example.com, https://vc01.example.com",
    "10.1.0.101:8443, https://10.1.0.101:8443",
    "https://10.10.0.3, https://10.10.0.3",
    "https://vc01.example.com/sdk, https://vc01.example.com/sdk",
    "'  esxi01  ', https://esxi01",
    "fd00::3, https://[fd00::3]",
    "'[fd00::3]:8443', 'https://[fd00::3]:8443'"
  })
  void endpointsBecomeUrls(String given, String endpoint) {
    assertThat(Inputs.endpoint(given)).isEqualTo(endpoint);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "https://", "two words", "http://[bad"})
  void invalidEndpoints(String given) {
    assertThatThrownBy(() -> Inputs.endpoint(given))
        .isInstanceOf(CliException.class)
        .hasMessage("must be an IP address, a host name or a URL");
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "50, 50", "' 1024 ', 1024"})
  void limits(String given, int limit) {
    assertThat(Inputs.limit(given)).isEqualTo(limit);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1025", "ten", "", "1.5", "99999999999"})
  void invalidLimits(String given) {
    assertThatThrownBy(() -> Inputs.limit(given)).hasMessage("must be a number between 0 and 1024");
  }

  @ParameterizedTest
  @CsvSource({"10m, 10m0s", "1h30m, 1h30m0s", "10s, 10s", "1.5h, 1h30m0s", "300ms, 300ms"})
  void timeoutsAreGoDurations(String given, String printed) {
    assertThat(Inputs.timeout(given)).hasToString(printed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0s", "", "-1m", "10", "ten minutes", "1d"})
  void invalidTimeouts(String given) {
    assertThatThrownBy(() -> Inputs.timeout(given))
        .hasMessage("must be a positive duration such as 10m0s, 1h30m or 10s");
  }

  @Test
  void fingerprintsAreNormalized() {
    String hex = "ba4f5b7749bc76e11fdce0dba27c49e6c379cfb9b4c7de14844442d9b6df5726";
    String colons = hex.toUpperCase().replaceAll("(..)(?!$)", "$1:");

    assertThat(Inputs.fingerprint(colons)).isEqualTo(hex);
    assertThat(Inputs.fingerprint(" " + hex + " ")).isEqualTo(hex);
    assertThat(Inputs.fingerprint("")).isEmpty();
    assertThatThrownBy(() -> Inputs.fingerprint(hex.substring(1)))
        .hasMessageStartingWith("must be a SHA256 fingerprint of 64 hexadecimal digits");
    assertThatThrownBy(() -> Inputs.fingerprint(hex.replace('b', 'g')))
        .isInstanceOf(CliException.class);
  }

  @Test
  void datacentersAreACommaSeparatedList() {
    assertThat(Inputs.datacenters("")).isEmpty();
    assertThat(Inputs.datacenters(" /vc01 , ,/vc02/*,")).isEqualTo(List.of("/vc01", "/vc02/*"));
  }

  @Test
  void uuidsAreChecked() {
    assertThat(Inputs.uuid("instance", "52D5CFE0-d341-82d9-3f23-4149687b4e3e"))
        .isEqualTo("52D5CFE0-d341-82d9-3f23-4149687b4e3e");
    assertThatThrownBy(() -> Inputs.uuid("network", "8df4f8e3-b446-4631-87a8"))
        .hasMessage("Invalid network UUID \"8df4f8e3-b446-4631-87a8\"");
  }

  @Test
  void flagErrorsNameTheFlagAndTheValue() {
    assertThatThrownBy(() -> Inputs.flag("--import-limit", "x\"y", Inputs::limit))
        .isInstanceOf(CliException.class)
        .hasMessage("Invalid --import-limit \"x\\\"y\": must be a number between 0 and 1024");
    assertThat(Inputs.optionalFlag("--import-limit", null, Inputs::limit)).isNull();
    assertThat(Inputs.goDuration("10m")).isEqualTo("10m0s");
    assertThat(Inputs.goDuration("soon")).isEqualTo("soon");
  }
}
