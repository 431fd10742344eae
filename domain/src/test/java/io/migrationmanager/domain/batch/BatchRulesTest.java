package io.migrationmanager.domain.batch;

import static io.migrationmanager.domain.batch.SeedFixtures.SEED_NOW;
import static io.migrationmanager.domain.batch.SeedFixtures.readYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.api.BatchConfig;
import io.migrationmanager.api.BatchConstraint;
import io.migrationmanager.api.BatchDefaults;
import io.migrationmanager.api.BatchPlacement;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.MigrationNetwork;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.api.MigrationWindowConfig;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.RestrictionOverrides;
import io.migrationmanager.lang.expr.ExprException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BatchRulesTest {
  static final BatchPut VALID = readYaml(SeedFixtures.BATCH01);
  static final Instant T0100 = Instant.parse("2025-12-01T01:00:00Z");

  static BatchPut withName(BatchPut b, String name) {
    return new BatchPut(name, b.includeExpression(), b.migrationWindows(), b.constraints(), b.defaults(), b.config());
  }

  static BatchPut withExpression(BatchPut b, String expression) {
    return new BatchPut(b.name(), expression, b.migrationWindows(), b.constraints(), b.defaults(), b.config());
  }

  static BatchPut withWindows(BatchPut b, MigrationWindow... windows) {
    return new BatchPut(b.name(), b.includeExpression(), List.of(windows), b.constraints(), b.defaults(), b.config());
  }

  static BatchPut withConstraints(BatchPut b, BatchConstraint... constraints) {
    return new BatchPut(
        b.name(), b.includeExpression(), b.migrationWindows(), List.of(constraints), b.defaults(), b.config());
  }

  static BatchPut withPlacement(BatchPut b, String target, String project, String pool) {
    return new BatchPut(
        b.name(), b.includeExpression(), b.migrationWindows(), b.constraints(),
        new BatchDefaults(new BatchPlacement(target, project, pool), b.defaults().migrationNetwork(), false),
        b.config());
  }

  static BatchPut withNetworks(BatchPut b, MigrationNetwork... networks) {
    return new BatchPut(
        b.name(), b.includeExpression(), b.migrationWindows(), b.constraints(),
        new BatchDefaults(b.defaults().placement(), List.of(networks), false), b.config());
  }

  static BatchPut withSync(BatchPut b, GoDuration interval, GoDuration limit) {
    BatchConfig c = b.config();
    return new BatchPut(
        b.name(), b.includeExpression(), b.migrationWindows(), b.constraints(), b.defaults(),
        new BatchConfig(c.rerunScriptlets(), c.placementScriptlet(), c.postMigrationRetries(),
            c.instanceRestrictionOverrides(), interval, limit));
  }

  static BatchPut withRetries(BatchPut b, int retries) {
    BatchConfig c = b.config();
    return new BatchPut(
        b.name(), b.includeExpression(), b.migrationWindows(), b.constraints(), b.defaults(),
        new BatchConfig(c.rerunScriptlets(), c.placementScriptlet(), retries, c.instanceRestrictionOverrides(),
            c.backgroundSyncInterval(), c.finalBackgroundSyncLimit()));
  }

  static MigrationWindow window(String name, String start, String end, String lockout, int capacity) {
    return new MigrationWindow(
        name, start == null ? null : Instant.parse(start), end == null ? null : Instant.parse(end),
        lockout == null ? null : Instant.parse(lockout), new MigrationWindowConfig(capacity));
  }

  static BatchConstraint constraint(String name, String expression, int max, Duration min) {
    return new BatchConstraint(name, "", expression, max, new GoDuration(min));
  }

  static MigrationNetwork net(String network, String nictype, String vlan, String target, String project) {
    return new MigrationNetwork(network, nictype, vlan, target, project);
  }

  static Arguments fails(String why, UnaryOperator<BatchPut> change, String message) {
    return Arguments.of(why, change, message);
  }

  static Stream<Arguments> invalid() {
    String w = "2025-12-01T01:10:00Z";
    return Stream.of(
        fails("empty name", b -> withName(b, ""), "Invalid batch, \"\" is not a valid name: Name is required"),
        fails("name with a slash", b -> withName(b, "a/b"),
            "Invalid batch, \"a/b\" is not a valid name: Name cannot contain \"/\""),
        fails("bad target", b -> withPlacement(b, "-x-", "default", "default"),
            "Invalid batch placement, default target \"-x-\" is not a valid name: "
                + "Name must start and end with a letter or digit"),
        fails("bad project", b -> withPlacement(b, "incus01", "a b", "default"),
            "Invalid batch placement, default target project \"a b\" is not a valid name: "
                + "Name cannot contain white space"),
        fails("bad pool", b -> withPlacement(b, "incus01", "default", "p*"),
            "Invalid batch placement, default storage pool \"p*\" is not a valid name: Name cannot contain \"*\""),
        fails("migration network target", b -> withNetworks(b, net("br0", "bridged", "", "", "default")),
            "Invalid batch placement, migration network target \"\" is not a valid name: Name is required"),
        fails("migration network project", b -> withNetworks(b, net("br0", "bridged", "", "incus01", "?")),
            "Invalid batch placement, migration network target project \"?\" is not a valid name: "
                + "Name cannot contain \"?\""),
        fails("migration network name", b -> withNetworks(b, net("", "bridged", "", "incus01", "default")),
            "Invalid batch, target migration network name \"\" is not a valid name: Name is required"),
        fails("migration network NIC type", b -> withNetworks(b, net("br0", "macvlan", "", "incus01", "default")),
            "Invalid batch, target migration network for target \"incus01\" and project \"default\" is invalid: "
                + "Unknown NIC type \"macvlan\""),
        fails("migration network without NIC type", b -> withNetworks(b, net("br0", "", "", "incus01", "default")),
            "Invalid batch, target migration network for target \"incus01\" and project \"default\" is invalid: "
                + "Unknown NIC type \"\""),
        fails("migration network VLAN on managed",
            b -> withNetworks(b, net("br0", "managed", "10", "incus01", "default")),
            "Invalid batch, target migration network for target \"incus01\" and project \"default\" is invalid: "
                + "Cannot set VLAN ID with NIC type \"managed\""),
        fails("migration network bad VLAN", b -> withNetworks(b, net("br0", "physical", "x", "incus01", "default")),
            "Invalid batch, target migration network for target \"incus01\" and project \"default\" is invalid: "
                + "Invalid VLAN ID \"x\": expected VLAN ids (1-4094) or ranges, separated by commas"),
        fails("two migration networks for one project",
            b -> withNetworks(b, net("br0", "bridged", "10", "incus01", "default"),
                net("br1", "managed", "", "incus01", "default")),
            "Invalid batch, more than one migration network defined for target \"incus01\" and project \"default\""),
        fails("include expression does not parse", b -> withExpression(b, "cpus >"),
            "Invalid batch \"cpus >\" is not a valid include expression: unexpected token EOF (1:6)\n"
                + " | cpus >\n | .....^"),
        fails("include expression names an unknown field", b -> withExpression(b, "colour == 'red'"),
            "Invalid batch \"colour == 'red'\" is not a valid include expression: unknown name colour (1:1)\n"
                + " | colour == 'red'\n | ^"),
        fails("include expression is not boolean", b -> withExpression(b, "cpus + 1"),
            "Invalid batch \"cpus + 1\" is not a valid include expression: expected bool, but got int"),
        fails("include expression is a string", b -> withExpression(b, "location"),
            "Invalid batch \"location\" is not a valid include expression: expected bool, but got string"),
        fails("include expression with quotes", b -> withExpression(b, "name == \"a"),
            "Invalid batch \"name == \\\"a\" is not a valid include expression: literal not terminated (1:11)\n"
                + " | name == \"a\n | ..........^"),
        fails("negative retries", b -> withRetries(b, -1),
            "Invalid batch, post-migration retry count (-1) cannot be negative"),
        fails("constraint name (quirk 8)",
            b -> withConstraints(b, constraint("bad name", "cpus > 2", 0, Duration.ZERO)),
            "Invalid constraint, \"bad name\" is not a valid name: Name cannot contain white space"),
        fails("empty constraint name", b -> withConstraints(b, constraint("", "cpus > 2", 0, Duration.ZERO)),
            "Invalid constraint, \"\" is not a valid name: Name is required"),
        fails("constraint expressions repeat",
            b -> withConstraints(b, constraint("a", "cpus > 2", 0, Duration.ZERO),
                constraint("b", "cpus > 2", 1, Duration.ZERO)),
            "Invalid batch constraint, include expression \"cpus > 2\" cannot be used more than once"),
        fails("constraint expression does not parse (quirk 8)",
            b -> withConstraints(b, constraint("c", "source == 'esxi01", 0, Duration.ZERO)),
            "Invalid constraint \"source == 'esxi01\" is not a valid include expression: "
                + "literal not terminated (1:18)\n | source == 'esxi01\n | .................^"),
        fails("constraint expression is not boolean",
            b -> withConstraints(b, constraint("c", "memory", 0, Duration.ZERO)),
            "Invalid constraint \"memory\" is not a valid include expression: expected bool, but got int"),
        fails("negative max", b -> withConstraints(b, constraint("c", "cpus > 2", -1, Duration.ZERO)),
            "Invalid constraint max concurrent instances must not be negative"),
        fails("negative boot time", b -> withConstraints(b, constraint("c", "cpus > 2", 0, Duration.ofMinutes(-5))),
            "Invalid constraint minimum boot time \"-5m0s\" must be greater than 0"),
        fails("zero sync interval", b -> withSync(b, GoDuration.ZERO, GoDuration.ofMinutes(1)),
            "Invalid background sync interval \"0s\""),
        fails("zero final limit", b -> withSync(b, GoDuration.ofMinutes(10), GoDuration.ZERO),
            "Invalid final background sync limit \"0s\""),
        fails("limit above interval", b -> withSync(b, GoDuration.ofMinutes(30), GoDuration.parse("1h")),
            "Final background sync limit \"1h0m0s\" cannot be greater than the background sync interval \"30m0s\""),
        fails("window name", b -> withWindows(b, window("", null, w, null, 0)),
            "Window name \"\" cannot be used: Name is required"),
        fails("window end before start", b -> withWindows(b, window("w", "2025-12-01T02:00:00Z", w, null, 0)),
            "Batch migration window end time is before start time"),
        fails("window passed", b -> withWindows(b, window("w", null, "2025-11-18T00:00:00Z", null, 0)),
            "Batch migration window has already passed"),
        fails("lockout before start", b -> withWindows(b, window("w", "2025-12-01T01:00:00Z", w,
            "2025-12-01T00:59:00Z", 0)), "Batch migration window lockout time is before the start time"),
        fails("lockout after end", b -> withWindows(b, window("w", "2025-12-01T01:00:00Z", w,
            "2025-12-01T01:11:00Z", 0)), "Batch migration window lockout time is after the end time"),
        fails("negative capacity", b -> withWindows(b, window("w", null, w, null, -1)),
            "Window \"w\" capacity -1 cannot be negative"),
        fails("window names repeat",
            b -> withWindows(b, window("w", null, w, null, 0), window("w", null, "2025-12-01T02:00:00Z", null, 0)),
            "Invalid batch, migration window name \"w\" cannot be used more than once"),
        fails("window times repeat",
            b -> withWindows(b, window("a", null, w, null, 0), window("b", null, w, null, 3)),
            "Invalid batch, migration windows \"a\" and \"b\" have the same start, end and lockout times"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void everyRuleHasItsMessage(String why, UnaryOperator<BatchPut> change, String message) {
    assertThatCode(() -> BatchRules.validateCreate(VALID, SEED_NOW)).doesNotThrowAnyException();
    assertThatThrownBy(() -> BatchRules.validateCreate(change.apply(VALID), SEED_NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> valid() {
    String w = "2025-12-01T01:10:00Z";
    return Stream.of(
        Arguments.of("no windows", withWindows(VALID)),
        Arguments.of("lockout without end (quirk 11)",
            withWindows(VALID, window("w", "2025-12-01T01:00:00Z", null, "2025-12-01T05:00:00Z", 0))),
        Arguments.of("lockout at start and end", withWindows(VALID, window("w", "2025-12-01T01:00:00Z", w, w, 0),
            window("v", "2025-12-01T01:00:00Z", w, "2025-12-01T01:00:00Z", 0))),
        Arguments.of("lockout without start", withWindows(VALID, window("w", null, w, "2025-11-30T00:00:00Z", 0))),
        Arguments.of("open window", withWindows(VALID, window("w", null, null, null, 5))),
        Arguments.of("end equal to now", withWindows(VALID, window("w", null, SEED_NOW.toString(), null, 0))),
        Arguments.of("no constraints and a zero boot time", withConstraints(VALID,
            constraint("c", "len(disks) > 1", 3, Duration.ZERO))),
        Arguments.of("constraint expression that needs data", withConstraints(VALID,
            constraint("c", "nics[3].ipv4_address == ''", 0, Duration.ofHours(1)))),
        Arguments.of("limit equal to interval", withSync(VALID, GoDuration.ofMinutes(5), GoDuration.ofMinutes(5))),
        Arguments.of("one migration network per project", withNetworks(VALID,
            net("br0", "bridged", "10,20", "incus01", "default"), net("br0", "physical", "", "incus01", "p2"),
            net("incusbr0", "managed", "", "incus02", "default"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validBatches(String why, BatchPut batch) {
    assertThatCode(() -> BatchRules.validateCreate(batch, SEED_NOW)).doesNotThrowAnyException();
  }

  @Test
  void theSeedsSecondEditFailsAtTheUnbalancedParenthesis() {
    BatchPut edit = readYaml(SeedFixtures.BATCH01_SECOND_EDIT);
    String expression = "(location matches '/Incus migrations/' and source == 'vcenter01'";
    assertThatThrownBy(() -> BatchRules.validateUpdate(VALID, edit, SEED_NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Invalid batch \"" + expression + "\" is not a valid include expression: unexpected token EOF (1:64)\n"
                + " | " + expression + "\n | " + ".".repeat(63) + "^")
        .cause()
        .isInstanceOfSatisfying(ExprException.class, e -> assertThat(e.column()).isEqualTo(64));
  }

  @Test
  void theSeedsSecondEditWithItsParenthesisClosedIsValid() {
    BatchPut edit =
        readYaml(
            SeedFixtures.BATCH01_SECOND_EDIT.replace(
                "source == 'vcenter01'\"", "source == 'vcenter01')\""));
    assertThatCode(() -> BatchRules.validateUpdate(VALID, edit, SEED_NOW)).doesNotThrowAnyException();
  }

  @Test
  void anUnchangedStoredWindowThatPassedDoesNotFailAnUpdate() {
    Instant later = Instant.parse("2025-12-01T02:00:00Z");
    assertThatCode(() -> BatchRules.validateUpdate(VALID, withRetries(VALID, 3), later)).doesNotThrowAnyException();
    List<MigrationWindow> moved = new ArrayList<>(VALID.migrationWindows());
    moved.set(0, window("window1", "2025-12-01T01:00:00Z", "2025-12-01T01:20:00Z", null, 0));
    assertThatThrownBy(() -> BatchRules.validateUpdate(VALID, withWindows(VALID, moved.toArray(MigrationWindow[]::new)),
            later))
        .hasMessage("Batch migration window has already passed");
    assertThatThrownBy(() -> BatchRules.validateCreate(VALID, later))
        .hasMessage("Batch migration window has already passed");
  }

  @Test
  void defaultsFillEveryEmptyPlacementAndSyncSetting() {
    BatchPut bare = new BatchPut("b", "true", null, null, null, null);
    BatchPut filled = BatchRules.withDefaults(bare);
    assertThat(filled.defaults().placement()).isEqualTo(new BatchPlacement("default", "default", "default"));
    assertThat(filled.config())
        .isEqualTo(new BatchConfig(false, "", 0, RestrictionOverrides.NONE, GoDuration.ofMinutes(10),
            GoDuration.ofMinutes(10)));
    assertThatCode(() -> BatchRules.validateCreate(filled, SEED_NOW)).doesNotThrowAnyException();
    assertThatThrownBy(() -> BatchRules.validateCreate(bare, SEED_NOW))
        .hasMessage("Invalid batch placement, default target \"\" is not a valid name: Name is required");
  }

  @ParameterizedTest
  @CsvSource({
    "'',    '',   10m0s, 10m0s",
    "1h,    '',   1h0m0s, 10m0s",
    "5m,    '',   5m0s,  5m0s",
    "'',    3m,   10m0s, 3m0s",
    "30m,   10m,  30m0s, 10m0s",
  })
  void syncDefaultsKeepTheLimitWithinTheInterval(String interval, String limit, String wantInterval, String wantLimit) {
    BatchPut filled = BatchRules.withDefaults(withSync(VALID, GoDuration.parse(interval), GoDuration.parse(limit)));
    assertThat(filled.config().backgroundSyncInterval()).hasToString(wantInterval);
    assertThat(filled.config().finalBackgroundSyncLimit()).hasToString(wantLimit);
  }

  @Test
  void defaultsKeepWhatIsSet() {
    BatchPut set = withPlacement(VALID, "incus02", "p1", "pool02");
    assertThat(BatchRules.withDefaults(set)).isEqualTo(set);
  }
}
