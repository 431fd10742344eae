package io.migrationmanager.domain.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.api.OverrideProperties;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RestrictionsTest {
  static final UUID ID = UUID.fromString("52d5cfe0-d341-82d9-3f23-4149687b4e3e");

  static InstanceProperties props(
      String name, String os, String osVersion, String arch, String ip, boolean cbt, boolean verified, boolean supported) {
    return new InstanceProperties(
        name, 2, 4L << 30, Map.of(), arch, ID, "VirtualMachine:vm-1", "/vc01/vm/" + name, "", os, osVersion,
        "Ubuntu Linux (64-bit)", false, true, false, true, cbt,
        List.of(new InstanceNic(null, "network-40007", "00:50:56:8a:20:01", "/vc01/network/VMNET", ip, "")),
        List.of(new InstanceDisk(1L << 30, "[datastore-01] " + name + "/" + name + ".vmdk", false, supported, verified)),
        List.of());
  }

  static InstanceRecord record(InstanceProperties p, InstanceOverride o) {
    return new InstanceRecord(ID, "vcenter01", "vmware", null, o, p);
  }

  static InstanceOverride osOverride() {
    return new InstanceOverride(null, "no agent", false, false,
        new OverrideProperties("", "", 0, 0, Map.of(), "Ubuntu", "Ubuntu 24.04 (Noble)", ""), "", "", "", false, false);
  }

  static InstanceOverride flags(boolean disable, boolean ignore) {
    return new InstanceOverride(null, "", disable, ignore, OverrideProperties.EMPTY, "", "", "", false, false);
  }

  static final InstanceProperties GOOD = props("CentOS9UEFI", "CentOS", "CentOS Stream 9", "x86_64", "192.0.2.9", true, true, true);
  static final InstanceProperties NO_AGENT = props("Ubuntu2404", "", "", "x86_64", "", true, true, true);
  static final InstanceProperties NO_CBT = props("DebianBookworm", "Debian", "Debian GNU/Linux 12 (bookworm)", "x86_64", "192.0.2.21", false, false, true);

  static Stream<Arguments> cases() {
    RestrictionOverrides none = RestrictionOverrides.NONE;
    return Stream.of(
        Arguments.of("all good", record(GOOD, InstanceOverride.EMPTY), none, null),
        Arguments.of("disabled wins over ignore", record(GOOD, flags(true, true)), none, Restrictions.DISABLED),
        Arguments.of("ignore skips the rest", record(NO_AGENT, flags(false, true)), none, null),
        Arguments.of("no agent: OS first", record(NO_AGENT, InstanceOverride.EMPTY), none, Restrictions.UNKNOWN_OS),
        Arguments.of("OS overridden: then the IP", record(NO_AGENT, osOverride()), none, Restrictions.NO_IPV4),
        Arguments.of("allow unknown OS: then the IP", record(NO_AGENT, InstanceOverride.EMPTY),
            new RestrictionOverrides(true, false, false), Restrictions.NO_IPV4),
        Arguments.of("allow no IPv4", record(NO_AGENT, osOverride()), new RestrictionOverrides(false, true, false), null),
        Arguments.of("no CBT", record(NO_CBT, InstanceOverride.EMPTY), none, Restrictions.NO_BACKGROUND_IMPORT),
        Arguments.of("CBT not verified yet",
            record(props("X", "CentOS", "CentOS Stream 9", "x86_64", "1.2.3.4", true, false, true), InstanceOverride.EMPTY),
            none, Restrictions.NO_BACKGROUND_IMPORT),
        Arguments.of("allow no background import", record(NO_CBT, InstanceOverride.EMPTY),
            new RestrictionOverrides(false, false, true), null),
        Arguments.of("unsupported disk",
            record(props("X", "CentOS", "CentOS Stream 9", "x86_64", "1.2.3.4", false, false, false), InstanceOverride.EMPTY),
            new RestrictionOverrides(false, false, true), "Disk \"[datastore-01] X/X.vmdk\" does not support snapshots"),
        Arguments.of("no architecture",
            record(props("X", "CentOS", "CentOS Stream 9", "", "1.2.3.4", true, true, true), InstanceOverride.EMPTY),
            none, Restrictions.UNKNOWN_ARCHITECTURE),
        Arguments.of("bad hostname",
            record(props("-bad", "CentOS", "CentOS Stream 9", "x86_64", "1.2.3.4", true, true, true), InstanceOverride.EMPTY),
            none, "Instance name \"-bad\" is not a valid hostname: Name must not start with \"-\" character"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void firstFailingRuleIsTheReason(String name, InstanceRecord instance, RestrictionOverrides relax, String expected) {
    assertThat(Restrictions.reason(instance, relax).orElse(null)).isEqualTo(expected);
  }
}
