package io.migrationmanager.domain.batch;

import static io.migrationmanager.domain.batch.SeedFixtures.JSON;
import static io.migrationmanager.domain.batch.SeedFixtures.SEED_NOW;
import static io.migrationmanager.domain.batch.SeedFixtures.YAML;
import static io.migrationmanager.domain.batch.SeedFixtures.readYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.migrationmanager.api.Batch;
import io.migrationmanager.api.BatchConfig;
import io.migrationmanager.api.BatchConstraint;
import io.migrationmanager.api.BatchDefaults;
import io.migrationmanager.api.BatchPlacement;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.GoTime;
import io.migrationmanager.api.MigrationNetwork;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.api.MigrationWindowConfig;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.RestrictionOverrides;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BatchYamlTest {
  static final Instant DEC1_0100 = Instant.parse("2025-12-01T01:00:00Z");

  @Test
  void batch01OfTheSeedReadsExactly() {
    BatchPut b = readYaml(SeedFixtures.BATCH01);
    assertThat(b.name()).isEqualTo("batch01");
    assertThat(b.includeExpression()).isEqualTo("location matches '/Incus migrations/' and source == 'vcenter01'");
    assertThat(b.migrationWindows())
        .containsExactly(
            new MigrationWindow("window1", DEC1_0100, Instant.parse("2025-12-01T01:10:00Z"), null, null),
            new MigrationWindow("window2", DEC1_0100, Instant.parse("2025-12-01T03:00:00Z"), null, null));
    assertThat(b.constraints())
        .containsExactly(
            new BatchConstraint(
                "constraint1", "Background import requires at least 1 hour windows (window2)",
                "background_import == false", 0, GoDuration.parse("1h")));
    assertThat(b.defaults())
        .isEqualTo(new BatchDefaults(new BatchPlacement("incus01", "default", "default"), List.of(), false));
    assertThat(b.config())
        .isEqualTo(
            new BatchConfig(
                false,
                "def placement(instance, batch):\n  if instance.os_version.startswith(\"CentOS\"):\n"
                    + "    set_target(\"incus02\")\n",
                5, RestrictionOverrides.NONE, GoDuration.parse("1h"), GoDuration.parse("1h")));
  }

  @Test
  void batch02OfTheSeedReadsExactly() {
    BatchPut b = readYaml(SeedFixtures.BATCH02);
    assertThat(b.includeExpression()).isEqualTo("background_import");
    assertThat(b.migrationWindows()).extracting(MigrationWindow::name).containsExactly("window1", "window2");
    assertThat(b.migrationWindows().get(1).start()).isEqualTo(Instant.parse("2025-12-01T02:00:00Z"));
    assertThat(b.constraints())
        .containsExactly(
            new BatchConstraint(
                "constraint1", "Migrate esxi01 VMs one at a time", "source == 'esxi01'", 1, GoDuration.ZERO));
    assertThat(b.config().backgroundSyncInterval()).isEqualTo(GoDuration.ofMinutes(30));
    assertThat(b.config().finalBackgroundSyncLimit()).isEqualTo(GoDuration.ofMinutes(10));
    assertThat(b.config().placementScriptlet()).contains("set_pool(disk.name, 'pool02')");
  }

  @Test
  void theSecondEditReadsItsCommentedFlags() {
    BatchPut b = readYaml(SeedFixtures.BATCH01_SECOND_EDIT);
    assertThat(b.config().instanceRestrictionOverrides()).isEqualTo(new RestrictionOverrides(false, true, true));
    assertThat(b.constraints()).isEmpty();
  }

  @Test
  void theSeedBatchesMatchTheInstancesOfTheDocumentsBatchInfo() {
    assertThat(matching(SeedFixtures.BATCH01))
        .containsExactly(
            "/vc01/vm/Incus migrations/Ubuntu 2404", "/vc01/vm/Incus migrations/Debian Bookworm",
            "/vc01/vm/Incus migrations/Cent OS 9 UEFI");
    assertThat(matching(SeedFixtures.BATCH02))
        .containsExactly(
            "/ha-datacenter/vm/Win2016", "/ha-datacenter/vm/SuseUEFI", "/vc01/vm/Incus migrations/Ubuntu 2404",
            "/vc01/vm/Incus migrations/Cent OS 9 UEFI", "/vc01/vm/other/CentOS9");
  }

  static List<String> matching(String yaml) {
    var program = Filters.compile(readYaml(yaml).includeExpression());
    return SeedFixtures.INSTANCES.stream()
        .filter(i -> Filters.matches(program, i))
        .map(i -> i.properties().location())
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {SeedFixtures.BATCH01, SeedFixtures.BATCH02})
  void theSeedBatchesValidateOnTheirDay(String yaml) {
    BatchPut b = readYaml(yaml);
    BatchRules.validateCreate(BatchRules.withDefaults(b), SEED_NOW);
    assertThat(BatchRules.withDefaults(b)).isEqualTo(b);
  }

  @ParameterizedTest
  @ValueSource(strings = {SeedFixtures.BATCH01, SeedFixtures.BATCH02})
  void theSeedBatchesWithDatesMovedIntoTheFutureValidate(String yaml) {
    BatchPut b = readYaml(yaml.replace("2025-12-01", "2099-12-01"));
    BatchRules.validateCreate(b, Instant.parse("2026-06-01T00:00:00Z"));
    assertThatThrownBy(() -> BatchRules.validateCreate(readYaml(yaml), Instant.parse("2026-06-01T00:00:00Z")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Batch migration window has already passed");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "top level           | surprise: 1",
        "window              | migration_windows: [{name: w, surprise: 1}]",
        "window config       | migration_windows: [{name: w, config: {capacity: 1, surprise: 1}}]",
        "constraint          | constraints: [{name: c, surprise: 1}]",
        "defaults            | defaults: {surprise: 1}",
        "placement           | defaults: {placement: {target: t, surprise: 1}}",
        "migration network   | defaults: {migration_network: [{network: n, surprise: 1}]}",
        "config              | config: {surprise: 1}",
        "restriction relaxes | config: {instance_restriction_overrides: {surprise: 1}}",
        "status on a PUT     | status: Running",
      })
  void unknownKeysAreRejected(String where, String yaml) {
    assertThatThrownBy(() -> YAML.readValue("name: b\n" + yaml + "\n", BatchPut.class))
        .as(where)
        .isInstanceOf(UnrecognizedPropertyException.class);
  }

  @Test
  void forceConflictResolutionLivesUnderDefaults() throws Exception {
    BatchPut b = YAML.readValue("name: b\ndefaults:\n  force_conflict_resolution: true\n", BatchPut.class);
    assertThat(b.defaults().forceConflictResolution()).isTrue();
  }

  static Stream<Arguments> times() {
    return Stream.of(
        Arguments.of("2025-12-01 01:00:00", DEC1_0100),
        Arguments.of("2025-12-01T01:00:00Z", DEC1_0100),
        Arguments.of("2025-12-01t01:00:00z", DEC1_0100),
        Arguments.of("2025-12-01T02:00:00+01:00", DEC1_0100),
        Arguments.of("2025-12-01T00:30:00-0030", DEC1_0100),
        Arguments.of("2025-12-01 01:00:00 +0000 UTC", DEC1_0100),
        Arguments.of("2025-12-1 1:0:0", DEC1_0100),
        Arguments.of("2025-11-18T23:47:23.992054737Z", Instant.parse("2025-11-18T23:47:23.992054737Z")),
        Arguments.of("2025-11-18T23:47:23.5Z", Instant.parse("2025-11-18T23:47:23.500Z")),
        Arguments.of("2025-12-01", Instant.parse("2025-12-01T00:00:00Z")),
        Arguments.of("0001-01-01T00:00:00Z", null),
        Arguments.of("0001-01-01 00:00:00", null),
        Arguments.of("", null));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("times")
  void timesReadInEveryAcceptedForm(String text, Instant expected) throws Exception {
    assertThat(GoTime.parse(text)).isEqualTo(expected);
    MigrationWindow w = JSON.readValue("{\"name\":\"w\",\"start\":\"" + text + "\"}", MigrationWindow.class);
    assertThat(w.start()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tomorrow", "2025-13-01 00:00:00", "2025-12-01 25:00:00", "2025-12-01T01:00", "12/01/2025"})
  void badTimesAreRejected(String text) {
    assertThatThrownBy(() -> GoTime.parse(text))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid time \"" + text + "\"");
    assertThatThrownBy(() -> JSON.readValue("{\"name\":\"w\",\"end\":\"" + text + "\"}", MigrationWindow.class))
        .isInstanceOf(InvalidFormatException.class);
  }

  @Test
  void aNumberIsNotATime() {
    assertThatThrownBy(() -> JSON.readValue("{\"name\":\"w\",\"end\":5}", MigrationWindow.class))
        .hasMessageContaining("Instant");
  }

  @ParameterizedTest
  @CsvSource({
    "2025-11-18T23:47:23.992054737Z, 2025-11-18T23:47:23.992054737Z",
    "2025-11-18T23:47:23.500Z, 2025-11-18T23:47:23.5Z",
    "2025-12-01T01:00:00Z, 2025-12-01T01:00:00Z"
  })
  void timesWriteAsGoDoes(String instant, String wire) {
    assertThat(GoTime.format(Instant.parse(instant))).isEqualTo(wire);
  }

  @Test
  void aBatchWritesInTheDocumentsOrderWithZeroTimesForUnsetOnes() throws Exception {
    BatchPut put =
        new BatchPut(
            "batch01", "true",
            List.of(new MigrationWindow("window1", DEC1_0100, null, null, new MigrationWindowConfig(2))),
            List.of(new BatchConstraint("c", "", "cpus > 2", 1, GoDuration.ofMinutes(60))),
            new BatchDefaults(
                new BatchPlacement("incus01", "default", "default"),
                List.of(new MigrationNetwork("br0", "bridged", "10", "incus01", "default")), false),
            BatchConfig.UNSET);
    Batch batch = Batch.of(put, BatchStatus.DEFINED, "Defined", null);
    String json = JSON.writeValueAsString(batch);
    assertThat(json)
        .isEqualTo(
            "{\"name\":\"batch01\",\"include_expression\":\"true\",\"migration_windows\":[{\"name\":\"window1\","
                + "\"start\":\"2025-12-01T01:00:00Z\",\"end\":\"0001-01-01T00:00:00Z\","
                + "\"lockout\":\"0001-01-01T00:00:00Z\",\"config\":{\"capacity\":2}}],"
                + "\"constraints\":[{\"name\":\"c\",\"description\":\"\",\"include_expression\":\"cpus > 2\","
                + "\"max_concurrent_instances\":1,\"min_instance_boot_time\":\"1h0m0s\"}],"
                + "\"defaults\":{\"placement\":{\"target\":\"incus01\",\"target_project\":\"default\","
                + "\"storage_pool\":\"default\"},\"migration_network\":[{\"network\":\"br0\",\"nictype\":\"bridged\","
                + "\"vlan_id\":\"10\",\"target\":\"incus01\",\"target_project\":\"default\"}],"
                + "\"force_conflict_resolution\":false},"
                + "\"config\":{\"rerun_scriptlets\":false,\"placement_scriptlet\":\"\",\"post_migration_retries\":0,"
                + "\"instance_restriction_overrides\":{\"allow_unknown_os\":false,\"allow_no_ipv4\":false,"
                + "\"allow_no_background_import\":false},\"background_sync_interval\":\"0s\","
                + "\"final_background_sync_limit\":\"0s\"},"
                + "\"status\":\"Defined\",\"status_message\":\"Defined\",\"start_date\":\"0001-01-01T00:00:00Z\"}");
    assertThat(JSON.readValue(json, Batch.class)).isEqualTo(batch);
    assertThat(JSON.readValue(json, Batch.class).put()).isEqualTo(put);
    assertThat(YAML.readValue(YAML.writeValueAsString(batch), Batch.class)).isEqualTo(batch);
  }

  @Test
  void anUnknownBatchStatusIsRejected() {
    assertThatThrownBy(() -> BatchStatus.parse("Queued"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid batch status \"Queued\"");
  }
}
