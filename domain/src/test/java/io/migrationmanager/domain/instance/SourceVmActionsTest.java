package io.migrationmanager.domain.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.api.OverrideProperties;
import io.migrationmanager.domain.error.ConflictException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.SourceVmActions.QueueClaim;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceVmActionsTest {
  static final UUID ID = UUID.fromString("52d89a93-ff8f-9dea-4d74-ec99beb1d2d4");
  static final String LOCATION = "/vc01/vm/Incus migrations/Debian Bookworm";

  static InstanceProperties props(boolean running, boolean backgroundImport, boolean verified) {
    return new InstanceProperties(
        "DebianBookworm", 3, 6L << 30, Map.of(), "x86_64", ID, "VirtualMachine:vm-52", LOCATION, "", "Debian",
        "Debian GNU/Linux 12 (bookworm)", "Debian GNU/Linux 12 (64-bit)", false, true, false, running,
        backgroundImport, List.of(),
        List.of(
            new InstanceDisk(16L << 30, "[datastore-01] Debian/Debian.vmdk", false, true, verified),
            new InstanceDisk(1L << 30, "[datastore-01] Debian/Debian_1.vmdk", false, false, verified)),
        List.of());
  }

  static InstanceRecord record(InstanceProperties p, boolean ignoreRestrictions) {
    InstanceOverride o =
        new InstanceOverride(null, "", false, ignoreRestrictions, OverrideProperties.EMPTY, "", "", "", false, false);
    return new InstanceRecord(ID, "vcenter01", "vmware", null, o, p);
  }

  @ParameterizedTest
  @CsvSource({"on,ON,true", "off,OFF,false"})
  void powerStates(String query, PowerState state, boolean running) {
    assertThat(PowerState.parse(query)).isEqualTo(state);
    assertThat(state.wire()).isEqualTo(query);
    assertThat(state.running()).isEqualTo(running);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"ON", "Off", "reboot", " on"})
  void badPowerStatesAre400(String query) {
    assertThatThrownBy(() -> PowerState.parse(query))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid power state \"" + (query == null ? "" : query) + "\": expected \"on\" or \"off\"");
  }

  @ParameterizedTest
  @CsvSource({"power on", "power off", "enable background import for"})
  void queuedInstancesRefuseSourceVmActions(String action) {
    InstanceRecord debian = record(props(true, false, false), false);
    assertThatCode(() -> SourceVmActions.refuseWhileQueued(debian, Optional.empty(), action))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> SourceVmActions.refuseWhileQueued(
                debian, Optional.of(new QueueClaim("batch01", false, false)), action))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "Cannot " + action + " instance \"" + LOCATION
                + "\" while it is queued for migration in batch \"batch01\"");
  }

  /**
   * A reset is refused only when it would turn background import on for an instance that a running batch may
   * migrate without it.
   */
  @ParameterizedTest(name = "queued={0} running={1} allowNoBg={2} ignore={3} bg={4} -> refused={5}")
  @CsvSource({
    "false,false,false,false,false,false",
    "false,false,false,true,false,false",
    "true,false,true,false,false,false",
    "true,false,false,true,false,false",
    "true,true,false,false,false,false",
    "true,true,true,false,false,true",
    "true,true,false,true,false,true",
    "true,true,true,true,false,true",
    "true,true,true,true,true,false",
  })
  void resetRules(
      boolean queued, boolean batchRunning, boolean allowNoBackgroundImport, boolean ignoreRestrictions,
      boolean backgroundImport, boolean refused) {
    InstanceRecord debian = record(props(true, backgroundImport, false), ignoreRestrictions);
    Optional<QueueClaim> claim =
        queued ? Optional.of(new QueueClaim("batch01", batchRunning, allowNoBackgroundImport)) : Optional.empty();
    if (refused) {
      assertThatThrownBy(() -> SourceVmActions.checkReset(debian, claim))
          .isInstanceOf(ConflictException.class)
          .hasMessage(
              "Cannot reset background import of instance \"" + LOCATION
                  + "\": running batch \"batch01\" may be migrating it without background import");
    } else {
      assertThatCode(() -> SourceVmActions.checkReset(debian, claim)).doesNotThrowAnyException();
    }
  }

  @Test
  void noChangeTrackingNamesTheInstanceAndSource() {
    assertThat(SourceVmActions.noChangeTracking(record(props(true, false, false), false)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Instance \"52d89a93-ff8f-9dea-4d74-ec99beb1d2d4\" (\"" + LOCATION
                + "\") on source \"vcenter01\" does not have background import support");
  }

  @ParameterizedTest(name = "bg={0} verified={1}")
  @CsvSource({"false,false", "false,true", "true,false", "true,true"})
  void resetTurnsBackgroundImportOnAndForgetsVerification(boolean backgroundImport, boolean verified) {
    InstanceProperties before = props(true, backgroundImport, verified);
    InstanceProperties after = SourceVmActions.resetBackgroundImport(before);
    if (backgroundImport) {
      assertThat(after).isSameAs(before);
      return;
    }
    assertThat(after.backgroundImport()).isTrue();
    assertThat(after.disks()).extracting(InstanceDisk::backgroundImportVerified).containsOnly(false);
    assertThat(after.disks()).extracting(InstanceDisk::name).containsExactly(
        "[datastore-01] Debian/Debian.vmdk", "[datastore-01] Debian/Debian_1.vmdk");
    assertThat(after.supportsBackgroundImport()).isFalse();
    assertThat(SourceVmActions.withPowerState(after, PowerState.ON)).isEqualTo(after);
  }

  /** The stored power state is the requested one (spec §13 quirk 19: the original toggles it). */
  @ParameterizedTest(name = "running={0} state={1}")
  @CsvSource({"true,ON,true", "true,OFF,false", "false,ON,true", "false,OFF,false"})
  void powerStateIsTheRequestedOne(boolean running, PowerState state, boolean expected) {
    InstanceProperties before = props(running, true, true);
    InstanceProperties after = SourceVmActions.withPowerState(before, state);
    assertThat(after.running()).isEqualTo(expected);
    assertThat(SourceVmActions.withPowerState(after, state)).isEqualTo(after);
    assertThat(SourceVmActions.withPowerState(after, running ? PowerState.ON : PowerState.OFF)).isEqualTo(before);
  }
}
