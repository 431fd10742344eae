package io.migrationmanager.domain.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OsClassifierTest {

  private static InstanceProperties props(
      String os, String osVersion, String osTemplate, String description) {
    return new InstanceProperties(
        "vm",
        1,
        1,
        null,
        "",
        null,
        "",
        "/dc/vm/vm",
        description,
        os,
        osVersion,
        osTemplate,
        false,
        false,
        false,
        false,
        false,
        null,
        null,
        null);
  }

  /** os, os_version, os_template; then the expected os_type, distribution and version. */
  private static Arguments row(
      String os, String osVersion, String osTemplate, String type, String distro, String version) {
    return Arguments.of(os, osVersion, osTemplate, type, distro, version);
  }

  static Stream<Arguments> operatingSystems() {
    String win2016 = "Microsoft Windows Server 2016 or later (64-bit)";
    return Stream.of(
        // The user's document.
        row(
            "Windows",
            "Windows Server 2016, 64-bit (Build 14393.693)",
            win2016,
            "windows",
            "other",
            "Server 2016"),
        row("openSUSE Leap", "openSUSE Leap 15.6", "SUSE openSUSE (64-bit)", "linux", "suse", "15"),
        row("", "", "Ubuntu Linux (64-bit)", "linux", "ubuntu", ""),
        row(
            "Debian GNU/Linux",
            "Debian GNU/Linux 12 (bookworm)",
            "Debian GNU/Linux 12 (64-bit)",
            "linux",
            "debian",
            "12"),
        row("CentOS Stream", "CentOS Stream 9", "CentOS Stream 9 (64-bit)", "linux", "centos", "9"),
        // Ubuntu keeps YY.MM, and only when the whole description fits the pattern.
        row("Ubuntu", "Ubuntu 24.04.1 LTS", "Ubuntu Linux (64-bit)", "linux", "ubuntu", "24.04"),
        row("Ubuntu", "Ubuntu 22.04 LTS", "", "linux", "ubuntu", "22.04"),
        row("Ubuntu", "Ubuntu 24.04 (Noble)", "", "linux", "ubuntu", ""),
        row("Ubuntu", "Ubuntu Noble Numbat", "", "linux", "ubuntu", ""),
        // Other distributions take the major version.
        row("", "", "Red Hat Enterprise Linux 9 (64-bit)", "linux", "rhel", "9"),
        row("Rocky Linux", "Rocky Linux 9.4 (Blue Onyx)", "", "linux", "rocky", "9"),
        row("AlmaLinux", "AlmaLinux 8.10 (Cerulean Leopard)", "", "linux", "alma", "8"),
        row("Oracle Linux Server", "Oracle Linux Server 8.9", "", "linux", "oracle", "8"),
        row("Amazon Linux", "Amazon Linux 2023", "", "linux", "amazon", "2023"),
        row("Fedora Linux", "Fedora Linux 40 (Server Edition)", "", "linux", "fedora", "40"),
        row("Arch Linux", "Arch Linux", "", "linux", "arch", ""),
        row("SLES", "SLES 15-SP5", "", "linux", "suse", "15"),
        row("SUSE", "SUSE Linux Enterprise Server 15 SP5", "", "linux", "suse", "15"),
        row("Gentoo", "Gentoo Linux 2.15", "", "linux", "other", ""),
        // BSD.
        row("FreeBSD", "FreeBSD 14.1-RELEASE", "FreeBSD 14 (64-bit)", "bsd", "freebsd", "14"),
        row("", "", "FreeBSD 13 (64-bit)", "bsd", "freebsd", "13"),
        row("OpenBSD", "OpenBSD 7.5", "", "bsd", "other", ""),
        // Windows versions.
        row("Windows", "Windows 11 Enterprise, 64-bit (Build 22631)", "", "windows", "other", "11"),
        row("Windows", "Windows 10 Pro, 64-bit (Build 19045)", "", "windows", "other", "10"),
        row("Windows", "Windows Server 2012 R2 Standard", "", "windows", "other", "Server 2012 R2"),
        row(
            "Windows",
            "Windows Server R2 2008 Datacenter",
            "",
            "windows",
            "other",
            "Server 2008 R2"),
        row("Windows", "Windows Server 2008 Enterprise", "", "windows", "other", "Server 2008"),
        row("Windows", "Windows Server 2025 Datacenter", "", "windows", "other", "Server 2025"),
        row("Windows", "Windows 7 Professional", "", "windows", "other", ""),
        row("", "", "Microsoft Windows Server 2019 (64-bit)", "windows", "other", "Server 2019"));
  }

  @ParameterizedTest(name = "{0} / {1} / {2}")
  @MethodSource("operatingSystems")
  void derivesOsTypeDistributionAndVersion(
      String os,
      String osVersion,
      String osTemplate,
      String osType,
      String distribution,
      String version) {
    InstanceProperties p = props(os, osVersion, osTemplate, "");

    assertThat(OsClassifier.osType(p)).isEqualTo(osType);
    assertThat(OsClassifier.distribution(p)).isEqualTo(distribution);
    assertThat(OsClassifier.distributionVersion(p)).isEqualTo(version);
    assertThat(OsClassifier.OS_TYPES).contains(osType);
    assertThat(OsClassifier.DISTRIBUTIONS).contains(distribution);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          FortiGate-VM64 v7.4.3 | fortigate
          Fortigate firewall    | linux
          web server            | linux
          """)
  void fortiGateIsRecognisedByItsDescription(String description, String osType) {
    InstanceProperties p = props("", "", "Other 4.x or later Linux (64-bit)", description);

    assertThat(OsClassifier.osType(p)).isEqualTo(osType);
    assertThat(OsClassifier.distribution(p)).isEqualTo("other");
    assertThat(OsClassifier.distributionVersion(p)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          Windows Server 2016, 64-bit (Build 14393.693)   | Server 2016
          Microsoft Windows Server 2016 or later (64-bit) | Server 2016
          Windows Server 2012 R2 Datacenter               | Server 2012 R2
          Windows Server 2012 Datacenter                  | Server 2012
          Windows Server R2 2012                          | Server 2012 R2
          Windows Server 2003 Standard                    | Server 2003
          Windows 11 Pro                                  | 11
          windows server 2016                             | -
          Windows Vista                                   | -
          """)
  void windowsVersions(String description, String version) {
    assertThat(OsClassifier.windowsVersion(description).orElse(null)).isEqualTo(version);
  }
}
