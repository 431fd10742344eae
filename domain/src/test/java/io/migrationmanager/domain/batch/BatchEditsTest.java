package io.migrationmanager.domain.batch;

import static io.migrationmanager.domain.batch.SeedFixtures.CENTOS9_UEFI;
import static io.migrationmanager.domain.batch.SeedFixtures.DEBIAN_BOOKWORM;
import static io.migrationmanager.domain.batch.SeedFixtures.UBUNTU2404;
import static io.migrationmanager.domain.batch.SeedFixtures.entry;
import static io.migrationmanager.domain.batch.SeedFixtures.readYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.api.BatchConfig;
import io.migrationmanager.api.BatchConstraint;
import io.migrationmanager.api.BatchDefaults;
import io.migrationmanager.api.BatchPlacement;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.MigrationNetwork;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.domain.error.ConflictException;
import io.migrationmanager.domain.instance.RestrictionOverrides;
import io.migrationmanager.domain.queue.ImportStage;
import io.migrationmanager.domain.queue.MigrationStatus;
import io.migrationmanager.domain.queue.QueuedInstance;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class BatchEditsTest {
  static final BatchPut OLD = readYaml(SeedFixtures.BATCH01);

  static BatchPut config(BatchPut b, UnaryOperator<BatchConfig> change) {
    return new BatchPut(
        b.name(), b.includeExpression(), b.migrationWindows(), b.constraints(), b.defaults(), change.apply(b.config()));
  }

  static BatchPut defaults(BatchPut b, BatchDefaults d) {
    return new BatchPut(b.name(), b.includeExpression(), b.migrationWindows(), b.constraints(), d, b.config());
  }

  static BatchPut constraints(BatchPut b, BatchConstraint... cs) {
    return new BatchPut(b.name(), b.includeExpression(), b.migrationWindows(), List.of(cs), b.defaults(), b.config());
  }

  static BatchPut windows(BatchPut b, MigrationWindow... ws) {
    return new BatchPut(b.name(), b.includeExpression(), List.of(ws), b.constraints(), b.defaults(), b.config());
  }

  static BatchConfig retries(BatchConfig c, int n) {
    return new BatchConfig(c.rerunScriptlets(), c.placementScriptlet(), n, c.instanceRestrictionOverrides(),
        c.backgroundSyncInterval(), c.finalBackgroundSyncLimit());
  }

  static final BatchConstraint NO_CBT = OLD.constraints().get(0);
  static final BatchConstraint OTHER = new BatchConstraint("c2", "", "cpus > 100", 0, GoDuration.ZERO);

  static Stream<Arguments> live() {
    BatchPlacement p = OLD.defaults().placement();
    return Stream.of(
        Arguments.of("nothing", OLD, Set.of()),
        Arguments.of("restriction overrides (the document's second edit)",
            config(OLD, c -> new BatchConfig(c.rerunScriptlets(), c.placementScriptlet(), c.postMigrationRetries(),
                new RestrictionOverrides(false, true, true), c.backgroundSyncInterval(), c.finalBackgroundSyncLimit())),
            Set.of(BatchChange.RESTRICTION_OVERRIDES)),
        Arguments.of("retries", config(OLD, c -> retries(c, 9)), Set.of(BatchChange.POST_MIGRATION_RETRIES)),
        Arguments.of("sync interval and limit",
            config(OLD, c -> new BatchConfig(c.rerunScriptlets(), c.placementScriptlet(), c.postMigrationRetries(),
                c.instanceRestrictionOverrides(), GoDuration.ofMinutes(30), GoDuration.ofMinutes(5))),
            Set.of(BatchChange.BACKGROUND_SYNC)),
        Arguments.of("rerun scriptlets",
            config(OLD, c -> new BatchConfig(true, c.placementScriptlet(), c.postMigrationRetries(),
                c.instanceRestrictionOverrides(), c.backgroundSyncInterval(), c.finalBackgroundSyncLimit())),
            Set.of(BatchChange.RERUN_SCRIPTLETS)),
        Arguments.of("force conflict resolution", defaults(OLD, new BatchDefaults(p, List.of(), true)),
            Set.of(BatchChange.FORCE_CONFLICT_RESOLUTION)),
        Arguments.of("a constraint matching no committed entry",
            constraints(OLD, NO_CBT, OTHER), Set.of(BatchChange.CONSTRAINTS)),
        Arguments.of("the scriptlet once every placement is final",
            config(OLD, c -> new BatchConfig(c.rerunScriptlets(), "", c.postMigrationRetries(),
                c.instanceRestrictionOverrides(), c.backgroundSyncInterval(), c.finalBackgroundSyncLimit())),
            Set.of(BatchChange.PLACEMENT_SCRIPTLET)),
        Arguments.of("a window nobody holds",
            windows(OLD, OLD.migrationWindows().get(0),
                new MigrationWindow("window2", OLD.migrationWindows().get(1).start(),
                    Instant.parse("2025-12-01T02:00:00Z"), null, null)),
            Set.of(BatchChange.MIGRATION_WINDOWS)));
  }

  /** Entries after the batch has run for a while: nobody before placement, DebianBookworm committed. */
  static final List<QueuedInstance> RUNNING_ENTRIES =
      List.of(
          entry(UBUNTU2404, MigrationStatus.BACKGROUND_IMPORT, null),
          entry(CENTOS9_UEFI, MigrationStatus.IDLE, null),
          new QueuedInstance(CENTOS9_UEFI, MigrationStatus.FINISHED, ImportStage.COMPLETE, null),
          entry(UBUNTU2404, MigrationStatus.POST_IMPORT, "window1"));

  @ParameterizedTest(name = "{0}")
  @MethodSource("live")
  void liveChangesApplyToARunningBatch(String why, BatchPut next, Set<BatchChange> expected) {
    assertThat(BatchEdits.checkUpdate(OLD, next, BatchStatus.RUNNING, RUNNING_ENTRIES)).isEqualTo(expected);
  }

  static Stream<Arguments> refused() {
    BatchPlacement p = OLD.defaults().placement();
    List<QueuedInstance> waiting = List.of(entry(DEBIAN_BOOKWORM, MigrationStatus.BLOCKED, null));
    MigrationNetwork br0 = new MigrationNetwork("br0", "bridged", "10", "incus01", "default");
    return Stream.of(
        Arguments.of("rename", new BatchPut("batch03", OLD.includeExpression(), OLD.migrationWindows(),
            OLD.constraints(), OLD.defaults(), OLD.config()), RUNNING_ENTRIES,
            "Cannot rename running batch \"batch01\""),
        Arguments.of("target", defaults(OLD, new BatchDefaults(new BatchPlacement("incus02", p.targetProject(),
            p.storagePool()), List.of(), false)), RUNNING_ENTRIES,
            "Cannot modify placement of running batch \"batch01\""),
        Arguments.of("project", defaults(OLD, new BatchDefaults(new BatchPlacement(p.target(), "p2",
            p.storagePool()), List.of(), false)), RUNNING_ENTRIES,
            "Cannot modify placement of running batch \"batch01\""),
        Arguments.of("pool", defaults(OLD, new BatchDefaults(new BatchPlacement(p.target(), p.targetProject(),
            "pool02"), List.of(), false)), RUNNING_ENTRIES,
            "Cannot modify placement of running batch \"batch01\""),
        Arguments.of("migration network", defaults(OLD, new BatchDefaults(p, List.of(br0), false)), RUNNING_ENTRIES,
            "Cannot modify placement of running batch \"batch01\""),
        Arguments.of("scriptlet while an entry is blocked",
            config(OLD, c -> new BatchConfig(c.rerunScriptlets(), "", c.postMigrationRetries(),
                c.instanceRestrictionOverrides(), c.backgroundSyncInterval(), c.finalBackgroundSyncLimit())),
            waiting,
            "Cannot modify placement scriptlet of batch \"batch01\" while queue entries have not finalized their "
                + "placement"),
        Arguments.of("include expression", new BatchPut(OLD.name(), "true", OLD.migrationWindows(),
            OLD.constraints(), OLD.defaults(), OLD.config()), RUNNING_ENTRIES,
            "Cannot modify include expression of running batch \"batch01\""),
        Arguments.of("constraint removed while a matching entry is committed", constraints(OLD),
            List.of(entry(DEBIAN_BOOKWORM, MigrationStatus.FINAL_IMPORT, "window2")),
            "Matching constraint \"background_import == false\" cannot be modified for committed queue entry with "
                + "status \"Performing final import tasks\""),
        Arguments.of("constraint changed", constraints(OLD, new BatchConstraint(NO_CBT.name(), "", NO_CBT
                .includeExpression(), 1, NO_CBT.minInstanceBootTime())),
            List.of(entry(DEBIAN_BOOKWORM, MigrationStatus.WORKER_DONE, "window2")),
            "Matching constraint \"background_import == false\" cannot be modified for committed queue entry with "
                + "status \"Worker tasks complete\""),
        Arguments.of("constraint added in front, moving the matching one",
            constraints(OLD, new BatchConstraint("all", "", "true", 0, GoDuration.ZERO), NO_CBT),
            List.of(new QueuedInstance(DEBIAN_BOOKWORM, MigrationStatus.IDLE, ImportStage.COMPLETE, null)),
            "Matching constraint \"true\" cannot be modified for committed queue entry with status \"Idle\""),
        Arguments.of("window held by an entry removed", windows(OLD, OLD.migrationWindows().get(1)),
            List.of(entry(CENTOS9_UEFI, MigrationStatus.FINAL_IMPORT, "window1")),
            "Window \"window1\" cannot be removed or renamed after assignment to queue entry \"CentOS9UEFI\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aRunningBatchRefuses(String why, BatchPut next, List<QueuedInstance> entries, String message) {
    assertThatThrownBy(() -> BatchEdits.checkUpdate(OLD, next, BatchStatus.RUNNING, entries))
        .isInstanceOf(ConflictException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @EnumSource(value = BatchStatus.class, names = {"STOPPED", "FINISHED", "ERROR"})
  void everyStartedStateIsRestricted(BatchStatus status) {
    BatchPut renamed = new BatchPut("b2", OLD.includeExpression(), OLD.migrationWindows(), OLD.constraints(),
        OLD.defaults(), OLD.config());
    assertThatThrownBy(() -> BatchEdits.checkUpdate(OLD, renamed, status, List.of()))
        .hasMessage("Cannot rename running batch \"batch01\"");
  }

  @Test
  void aDefinedBatchChangesFreely() {
    BatchPut next = readYaml(SeedFixtures.BATCH02);
    assertThat(BatchEdits.checkUpdate(OLD, next, BatchStatus.DEFINED, List.of()))
        .containsExactlyInAnyOrder(BatchChange.NAME, BatchChange.INCLUDE_EXPRESSION, BatchChange.PLACEMENT_SCRIPTLET,
            BatchChange.MIGRATION_WINDOWS, BatchChange.CONSTRAINTS, BatchChange.BACKGROUND_SYNC);
  }

  @Test
  void constraintsMatchingOnlyUncommittedEntriesMayChange() {
    List<QueuedInstance> entries =
        List.of(entry(DEBIAN_BOOKWORM, MigrationStatus.IDLE, null),
            new QueuedInstance(DEBIAN_BOOKWORM, MigrationStatus.CONFLICT, ImportStage.FINAL, null));
    assertThat(BatchEdits.checkUpdate(OLD, constraints(OLD), BatchStatus.RUNNING, entries))
        .containsExactly(BatchChange.CONSTRAINTS);
  }

  @Test
  void aConflictBeforeCompletionHoldsTheScriptlet() {
    BatchPut next =
        config(OLD, c -> new BatchConfig(c.rerunScriptlets(), "", c.postMigrationRetries(),
            c.instanceRestrictionOverrides(), c.backgroundSyncInterval(), c.finalBackgroundSyncLimit()));
    assertThatThrownBy(() -> BatchEdits.checkUpdate(OLD, next, BatchStatus.STOPPED,
            List.of(new QueuedInstance(UBUNTU2404, MigrationStatus.CONFLICT, ImportStage.FINAL, null))))
        .hasMessageStartingWith("Cannot modify placement scriptlet");
    assertThat(BatchEdits.checkUpdate(OLD, next, BatchStatus.STOPPED,
            List.of(new QueuedInstance(UBUNTU2404, MigrationStatus.CONFLICT, ImportStage.COMPLETE, null))))
        .containsExactly(BatchChange.PLACEMENT_SCRIPTLET);
  }
}
