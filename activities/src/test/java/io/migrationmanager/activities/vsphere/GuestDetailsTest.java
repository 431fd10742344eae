package io.migrationmanager.activities.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuestDetailsTest {

  @Test
  void parsesTheToolsDetailedData() {
    GuestDetails details =
        GuestDetails.parse(
            "architecture='X86' bitness='64' distroName='Debian GNU/Linux' distroVersion='12'"
                + " familyName='Linux' kernelVersion='6.1.0-28-amd64' prettyName='Debian GNU/Linux"
                + " 12 (bookworm)'");

    assertThat(details)
        .isEqualTo(
            new GuestDetails("x86_64", "Debian GNU/Linux", "Debian GNU/Linux 12 (bookworm)"));
  }

  @Test
  void unescapesQuotesInValues() {
    assertThat(GuestDetails.parse("prettyName='Bob\\'s Linux 1' distroName='Bob\\'s'").prettyName())
        .isEqualTo("Bob's Linux 1");
  }

  @Test
  void noDataMeansNothingKnown() {
    assertThat(GuestDetails.parse("")).isEqualTo(GuestDetails.NONE);
    assertThat(GuestDetails.parse(null)).isEqualTo(GuestDetails.NONE);
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
    "X86, 64, x86_64",
    "X86, 32, i686",
    "Arm, 64, aarch64",
    "Arm, 32, armv8l",
    "Sparc, 64, ''",
    "'', '', ''"
  })
  void architectures(String architecture, String bitness, String expected) {
    assertThat(GuestDetails.architecture(architecture, bitness)).isEqualTo(expected);
  }
}
