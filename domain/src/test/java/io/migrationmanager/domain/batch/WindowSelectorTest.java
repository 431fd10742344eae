package io.migrationmanager.domain.batch;

import static io.migrationmanager.domain.batch.SeedFixtures.CENTOS9;
import static io.migrationmanager.domain.batch.SeedFixtures.CENTOS9_UEFI;
import static io.migrationmanager.domain.batch.SeedFixtures.DEBIAN_BOOKWORM;
import static io.migrationmanager.domain.batch.SeedFixtures.SEED_NOW;
import static io.migrationmanager.domain.batch.SeedFixtures.SUSE_UEFI;
import static io.migrationmanager.domain.batch.SeedFixtures.UBUNTU2404;
import static io.migrationmanager.domain.batch.SeedFixtures.WIN2016;
import static io.migrationmanager.domain.batch.SeedFixtures.entry;
import static io.migrationmanager.domain.batch.SeedFixtures.readYaml;
import static io.migrationmanager.domain.queue.MigrationStatus.BACKGROUND_IMPORT;
import static io.migrationmanager.domain.queue.MigrationStatus.BLOCKED;
import static io.migrationmanager.domain.queue.MigrationStatus.FINAL_IMPORT;
import static io.migrationmanager.domain.queue.MigrationStatus.FINISHED;
import static io.migrationmanager.domain.queue.MigrationStatus.IDLE;
import static io.migrationmanager.domain.queue.MigrationStatus.POST_IMPORT;
import static io.migrationmanager.domain.queue.MigrationStatus.WAITING;
import static io.migrationmanager.domain.queue.MigrationStatus.WORKER_DONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.api.BatchConstraint;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.api.MigrationWindowConfig;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.queue.MigrationStatus;
import io.migrationmanager.domain.queue.QueuedInstance;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WindowSelectorTest {
  static final BatchPut BATCH01 = readYaml(SeedFixtures.BATCH01);
  static final BatchPut BATCH02 = readYaml(SeedFixtures.BATCH02);
  static final Instant DEC1 = Instant.parse("2025-12-01T00:00:00Z");

  static String select(BatchPut batch, QueuedInstance entry, List<QueuedInstance> others, Instant now) {
    WindowChoice choice = WindowSelector.select(batch.migrationWindows(), batch.constraints(), entry, others, now);
    return choice.isWaiting() ? choice.waitReason() : choice.window().name();
  }

  static Stream<Arguments> batch01() {
    return Stream.of(
        // The document's queue list after starting batch01: DebianBookworm, Blocked, shows window2.
        Arguments.of("Debian Bookworm (no CBT), blocked", entry(DEBIAN_BOOKWORM, BLOCKED, null), SEED_NOW, "window2"),
        Arguments.of("Debian Bookworm, idle", entry(DEBIAN_BOOKWORM, IDLE, null), SEED_NOW, "window2"),
        Arguments.of("Ubuntu 2404, blocked", entry(UBUNTU2404, BLOCKED, null), SEED_NOW, "window1"),
        Arguments.of("Cent OS 9 UEFI, background import", entry(CENTOS9_UEFI, BACKGROUND_IMPORT, null), SEED_NOW,
            "window1"),
        Arguments.of("Cent OS 9 UEFI, idle", entry(CENTOS9_UEFI, IDLE, null), SEED_NOW, "window1"),
        Arguments.of("inside window1, from now", entry(CENTOS9_UEFI, IDLE, null),
            Instant.parse("2025-12-01T01:08:59Z"), "window1"),
        Arguments.of("window1 too short from now", entry(CENTOS9_UEFI, IDLE, null),
            Instant.parse("2025-12-01T01:09:00Z"), "window2"),
        Arguments.of("Debian inside window2", entry(DEBIAN_BOOKWORM, IDLE, null),
            Instant.parse("2025-12-01T01:58:59Z"), "window2"),
        Arguments.of("Debian: an hour no longer fits", entry(DEBIAN_BOOKWORM, IDLE, null),
            Instant.parse("2025-12-01T01:59:00Z"), WindowSelector.NO_AVAILABLE_WINDOWS),
        Arguments.of("held window1 is kept while open", entry(DEBIAN_BOOKWORM, FINAL_IMPORT, "window1"),
            Instant.parse("2025-12-01T01:09:30Z"), "window1"),
        Arguments.of("held window1 that ended is replaced", entry(CENTOS9_UEFI, IDLE, "window1"),
            Instant.parse("2025-12-01T01:10:01Z"), "window2"),
        Arguments.of("after every window", entry(CENTOS9_UEFI, IDLE, null), Instant.parse("2025-12-01T03:00:01Z"),
            WindowSelector.NO_AVAILABLE_WINDOWS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batch01")
  void batch01OfTheSeed(String why, QueuedInstance entry, Instant now, String expected) {
    List<QueuedInstance> others =
        List.of(entry(UBUNTU2404, BACKGROUND_IMPORT, null), entry(CENTOS9_UEFI, WAITING, null),
            entry(DEBIAN_BOOKWORM, BLOCKED, null));
    assertThat(select(BATCH01, entry, others, now)).isEqualTo(expected);
  }

  static final String LIMIT = "Not assigning migration window for instance \"Win2016\", maximum limit 1 reached";

  static Stream<Arguments> batch02() {
    return Stream.of(
        Arguments.of("alone", List.of(), "window1"),
        Arguments.of("SuseUEFI in its final import", List.of(entry(SUSE_UEFI, FINAL_IMPORT, "window1")), LIMIT),
        Arguments.of("SuseUEFI in post-import", List.of(entry(SUSE_UEFI, POST_IMPORT, "window1")), LIMIT),
        Arguments.of("SuseUEFI worker done", List.of(entry(SUSE_UEFI, WORKER_DONE, "window1")), LIMIT),
        Arguments.of("SuseUEFI idle too: not counted", List.of(entry(SUSE_UEFI, IDLE, null)), "window1"),
        Arguments.of("SuseUEFI background import", List.of(entry(SUSE_UEFI, BACKGROUND_IMPORT, null)), "window1"),
        Arguments.of("SuseUEFI finished", List.of(entry(SUSE_UEFI, FINISHED, null)), "window1"),
        Arguments.of("a vcenter01 VM in its final import does not count",
            List.of(entry(CENTOS9, FINAL_IMPORT, "window1"), entry(UBUNTU2404, WORKER_DONE, "window1")), "window1"),
        Arguments.of("its own entry among the others is not counted twice",
            List.of(entry(WIN2016, FINAL_IMPORT, null)), "window1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batch02")
  void batch02OfTheSeedMigratesEsxi01OneAtATime(String why, List<QueuedInstance> others, String expected) {
    assertThat(select(BATCH02, entry(WIN2016, IDLE, null), others, SEED_NOW)).isEqualTo(expected);
  }

  @Test
  void batch02ConstraintLeavesOtherSourcesAlone() {
    List<QueuedInstance> others = List.of(entry(SUSE_UEFI, FINAL_IMPORT, "window1"));
    assertThat(select(BATCH02, entry(CENTOS9, IDLE, null), others, SEED_NOW)).isEqualTo("window1");
    assertThat(select(BATCH02, entry(SUSE_UEFI, FINAL_IMPORT, "window1"), List.of(entry(WIN2016, IDLE, null)),
        SEED_NOW)).isEqualTo("window1");
  }

  @Test
  void theLimitIsTheConstraintsMaximum() {
    BatchConstraint two = new BatchConstraint("c", "", "source == 'esxi01'", 2, GoDuration.ZERO);
    List<QueuedInstance> others = List.of(entry(SUSE_UEFI, FINAL_IMPORT, "window1"));
    assertThat(WindowSelector.select(BATCH02.migrationWindows(), List.of(two), entry(WIN2016, IDLE, null), others,
        SEED_NOW).window().name()).isEqualTo("window1");
    InstanceRecord third =
        SeedFixtures.instance("11111111-2222-3333-4444-555555555555", "esxi01", "/ha-datacenter/vm/Third", "CentOS",
            "CentOS Stream 9", true, "192.0.2.30");
    WindowChoice choice =
        WindowSelector.select(BATCH02.migrationWindows(), List.of(two), entry(WIN2016, IDLE, null),
            List.of(entry(SUSE_UEFI, FINAL_IMPORT, "window1"), entry(third, WORKER_DONE, "window1")), SEED_NOW);
    assertThat(choice.waitReason())
        .isEqualTo("Not assigning migration window for instance \"Win2016\", maximum limit 2 reached");
  }

  static MigrationWindow window(String name, String start, String end, String lockout, int capacity) {
    return new MigrationWindow(
        name, Instant.parse(start), Instant.parse(end), lockout == null ? null : Instant.parse(lockout),
        new MigrationWindowConfig(capacity));
  }

  static final List<MigrationWindow> CAPPED =
      List.of(
          window("window1", "2025-12-01T01:00:00Z", "2025-12-01T01:10:00Z", null, 1),
          window("window2", "2025-12-01T02:00:00Z", "2025-12-01T02:10:00Z", null, 1));

  static Stream<Arguments> capacity() {
    return Stream.of(
        Arguments.of("free", List.of(), "window1"),
        Arguments.of("window1 full", List.of(entry(UBUNTU2404, FINAL_IMPORT, "window1")), "window2"),
        Arguments.of("both full: wait, not migrate at once",
            List.of(entry(UBUNTU2404, FINAL_IMPORT, "window1"), entry(CENTOS9_UEFI, POST_IMPORT, "window2")),
            WindowSelector.NO_AVAILABLE_WINDOWS),
        Arguments.of("holders of other windows do not count",
            List.of(entry(UBUNTU2404, FINAL_IMPORT, "window3")), "window1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("capacity")
  void capacityCountsTheBatchsOwnHolders(String why, List<QueuedInstance> others, String expected) {
    WindowChoice choice = WindowSelector.select(CAPPED, List.of(), entry(CENTOS9, IDLE, null), others, SEED_NOW);
    assertThat(choice.isWaiting() ? choice.waitReason() : choice.window().name()).isEqualTo(expected);
  }

  @Test
  void capacityIsPerBatchNotPerWindowName() {
    // batch A's window1 is full with A's entry; batch B has its own window1 and none of A's entries.
    List<QueuedInstance> batchA = List.of(entry(UBUNTU2404, FINAL_IMPORT, "window1"));
    assertThat(WindowSelector.select(CAPPED, List.of(), entry(CENTOS9_UEFI, IDLE, null), batchA, SEED_NOW)
        .window().name()).isEqualTo("window2");
    assertThat(WindowSelector.select(CAPPED, List.of(), entry(CENTOS9, IDLE, null), List.of(), SEED_NOW)
        .window().name()).isEqualTo("window1");
  }

  @Test
  void aHolderKeepsItsWindowEvenWhenItIsOverfull() {
    List<QueuedInstance> others = List.of(entry(UBUNTU2404, FINAL_IMPORT, "window1"));
    assertThat(WindowSelector.select(CAPPED, List.of(), entry(CENTOS9, FINAL_IMPORT, "window1"), others, SEED_NOW)
        .window().name()).isEqualTo("window1");
  }

  @Test
  void aPassedLockoutStopsNewAssignmentsButNotHolders() {
    List<MigrationWindow> windows =
        List.of(
            window("window1", "2025-12-01T01:00:00Z", "2025-12-01T03:00:00Z", "2025-12-01T01:30:00Z", 0),
            window("window2", "2025-12-01T04:00:00Z", "2025-12-01T05:00:00Z", null, 0));
    Instant beforeLockout = Instant.parse("2025-12-01T01:29:59Z");
    Instant afterLockout = Instant.parse("2025-12-01T01:30:01Z");
    assertThat(WindowSelector.select(windows, List.of(), entry(CENTOS9, IDLE, null), List.of(), beforeLockout)
        .window().name()).isEqualTo("window1");
    assertThat(WindowSelector.select(windows, List.of(), entry(CENTOS9, IDLE, null), List.of(), afterLockout)
        .window().name()).isEqualTo("window2");
    assertThat(WindowSelector.select(windows, List.of(), entry(CENTOS9, FINAL_IMPORT, "window1"), List.of(),
        afterLockout).window().name()).isEqualTo("window1");
  }

  @Test
  void theLastMatchingConstraintApplies() {
    BatchConstraint anyTwoCpus = new BatchConstraint("cpus", "", "cpus >= 2", 0, GoDuration.ZERO);
    BatchConstraint noCbt = BATCH01.constraints().get(0);
    QueuedInstance debian = entry(DEBIAN_BOOKWORM, IDLE, null);
    assertThat(WindowSelector.select(BATCH01.migrationWindows(), List.of(anyTwoCpus, noCbt), debian, List.of(),
        SEED_NOW).window().name()).isEqualTo("window2");
    assertThat(WindowSelector.select(BATCH01.migrationWindows(), List.of(noCbt, anyTwoCpus), debian, List.of(),
        SEED_NOW).window().name()).isEqualTo("window1");
  }

  @ParameterizedTest
  @EnumSource(MigrationStatus.class)
  void aBatchWithoutWindowsMigratesAtOnce(MigrationStatus status) {
    WindowChoice choice =
        WindowSelector.select(List.of(), BATCH01.constraints(), entry(DEBIAN_BOOKWORM, status, null), List.of(),
            SEED_NOW);
    assertThat(choice.window()).isEqualTo(MigrationWindow.EMPTY);
    assertThat(choice.window().isEmpty()).isTrue();
    assertThat(choice.canBegin(SEED_NOW)).isTrue();
  }

  @Test
  void aChosenWindowBeginsAtItsStart() {
    WindowChoice choice =
        WindowSelector.select(BATCH01.migrationWindows(), List.of(), entry(CENTOS9_UEFI, IDLE, null), List.of(),
            SEED_NOW);
    assertThat(choice.canBegin(Instant.parse("2025-12-01T01:00:00Z"))).isFalse();
    assertThat(choice.canBegin(Instant.parse("2025-12-01T01:00:01Z"))).isTrue();
    assertThat(WindowChoice.waiting("x").canBegin(DEC1)).isFalse();
    assertThatThrownBy(() -> new WindowChoice(MigrationWindow.EMPTY, "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConstraintThatCannotBeEvaluatedFails() {
    BatchConstraint broken = new BatchConstraint("c", "", "nics[3].ipv4_address == ''", 0, GoDuration.ZERO);
    assertThatThrownBy(() -> WindowSelector.select(BATCH01.migrationWindows(), List.of(broken),
            entry(CENTOS9, IDLE, null), List.of(), SEED_NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("out of range");
  }
}
