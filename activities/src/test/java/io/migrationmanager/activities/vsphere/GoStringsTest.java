package io.migrationmanager.activities.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoStringsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /vc01/vm/Incus migrations/Ubuntu 2404 | "/vc01/vm/Incus migrations/Ubuntu 2404"
          say "hi"                              | "say \\"hi\\""
          back\\slash                           | "back\\\\slash"
          Grüße                                 | "Grüße"
          """)
  void quotesLikeGo(String in, String out) {
    assertThat(GoStrings.quote(in)).isEqualTo(out);
  }

  @ParameterizedTest(name = "control {0}")
  @CsvSource({"10, \"\\n\"", "9, \"\\t\"", "1, \"\\x01\"", "127, \"\\x7f\""})
  void escapesControls(int c, String out) {
    assertThat(GoStrings.quote(Character.toString(c))).isEqualTo(out);
  }
}
