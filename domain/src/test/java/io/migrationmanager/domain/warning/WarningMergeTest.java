package io.migrationmanager.domain.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.api.Warning;
import io.migrationmanager.api.WarningScope;
import io.migrationmanager.domain.source.SyncWarning;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WarningMergeTest {
  static final WarningScope SCOPE = WarningScope.syncOfSource("vcenter01");
  static final Instant T0 = Instant.parse("2025-11-18T23:11:02Z");
  static final Instant T1 = Instant.parse("2025-11-18T23:21:03Z");
  static final Instant T2 = Instant.parse("2025-11-18T23:31:03Z");
  static final UUID U1 = UUID.fromString("c2841bda-fe78-41c1-974d-c760dddb074b");
  static final SyncWarning UBUNTU =
      new SyncWarning(WarningType.INSTANCE_MIGRATION_RESTRICTED,
          "\"/vc01/vm/Incus migrations/Ubuntu 2404\": Could not determine instance OS, check if guest agent is running");
  static final SyncWarning DEBIAN =
      new SyncWarning(WarningType.INSTANCE_MIGRATION_RESTRICTED,
          "\"/vc01/vm/Incus migrations/Debian Bookworm\": Background import is not supported");

  @Test
  void aNewTypeBecomesOneWarningWithAllItsMessages() {
    var r = WarningMerge.merge(List.of(), SCOPE, List.of(UBUNTU, DEBIAN, UBUNTU), T0, () -> U1);
    assertThat(r.delete()).isEmpty();
    assertThat(r.save())
        .containsExactly(
            new Warning("new", U1, SCOPE, WarningType.INSTANCE_MIGRATION_RESTRICTED, T0, T0, T0,
                List.of(UBUNTU.message(), DEBIAN.message()), 1));
  }

  @Test
  void reRaisingKeepsIdentityCountsAndReplacesMessages() {
    Warning stored = new Warning("new", U1, SCOPE, WarningType.INSTANCE_MIGRATION_RESTRICTED, T0, T0, T1,
        List.of(UBUNTU.message(), DEBIAN.message()), 11);
    var r = WarningMerge.merge(List.of(stored), SCOPE, List.of(DEBIAN), T2, UUID::randomUUID);
    assertThat(r.save())
        .containsExactly(
            new Warning("new", U1, SCOPE, WarningType.INSTANCE_MIGRATION_RESTRICTED, T0, T1, T2,
                List.of(DEBIAN.message()), 12));
  }

  @Test
  void anAcknowledgementLastsUntilSomethingNewIsSaid() {
    Warning acked = new Warning("acknowledged", U1, SCOPE, WarningType.INSTANCE_MIGRATION_RESTRICTED, T0, T0, T1,
        List.of(UBUNTU.message(), DEBIAN.message()), 3);
    assertThat(WarningMerge.merge(List.of(acked), SCOPE, List.of(UBUNTU, DEBIAN), T2, UUID::randomUUID).save().get(0).status())
        .isEqualTo("acknowledged");
    Warning ackedOne = new Warning("acknowledged", U1, SCOPE, WarningType.INSTANCE_MIGRATION_RESTRICTED, T0, T0, T1,
        List.of(DEBIAN.message()), 3);
    assertThat(WarningMerge.merge(List.of(ackedOne), SCOPE, List.of(UBUNTU, DEBIAN), T2, UUID::randomUUID).save().get(0).status())
        .isEqualTo("new");
  }

  @Test
  void typesNotRaisedAgainAreStale() {
    Warning stored = new Warning("new", U1, SCOPE, WarningType.INSTANCES_PARTIALLY_IMPORTED, T0, T0, T1,
        List.of("x"), 2);
    var r = WarningMerge.merge(List.of(stored), SCOPE, List.of(), T2, UUID::randomUUID);
    assertThat(r.save()).isEmpty();
    assertThat(r.delete()).containsExactly(U1);
  }
}
