package io.migrationmanager.domain.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.api.MigrationWindowConfig;
import io.migrationmanager.domain.error.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WindowsTest {
  static final Instant START = Instant.parse("2025-12-01T01:00:00Z");
  static final Instant END = Instant.parse("2025-12-01T03:00:00Z");
  static final Instant LOCKOUT = Instant.parse("2025-12-01T02:00:00Z");
  static final Duration NS = Duration.ofNanos(1);

  static MigrationWindow w(String name, Instant start, Instant end, Instant lockout, int capacity) {
    return new MigrationWindow(name, start, end, lockout, new MigrationWindowConfig(capacity));
  }

  static final MigrationWindow FULL = w("w", START, END, LOCKOUT, 0);
  static final MigrationWindow OPEN = w("open", null, null, null, 0);

  static Stream<Arguments> predicates() {
    return Stream.of(
        // window, now, begun, ended, locked
        Arguments.of("before start", FULL, START.minus(NS), false, false, false),
        Arguments.of("at start (strict)", FULL, START, false, false, false),
        Arguments.of("just after start", FULL, START.plus(NS), true, false, false),
        Arguments.of("at lockout (strict)", FULL, LOCKOUT, true, false, false),
        Arguments.of("just after lockout", FULL, LOCKOUT.plus(NS), true, false, true),
        Arguments.of("at end (strict)", FULL, END, true, false, true),
        Arguments.of("just after end", FULL, END.plus(NS), true, true, true),
        Arguments.of("no start: begun at once", w("w", null, END, null, 0), START, true, false, false),
        Arguments.of("no lockout: locked only by the end", w("w", START, END, null, 0), END.minus(NS), true, false,
            false),
        Arguments.of("no lockout, ended", w("w", START, END, null, 0), END.plus(NS), true, true, true),
        Arguments.of("never ends", OPEN, END.plusSeconds(86_400 * 365), true, false, false),
        Arguments.of("lockout without end", w("w", START, null, LOCKOUT, 0), LOCKOUT.plus(NS), true, false, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("predicates")
  void timePredicates(String why, MigrationWindow window, Instant now, boolean begun, boolean ended, boolean locked) {
    assertThat(Windows.begun(window, now)).as("begun").isEqualTo(begun);
    assertThat(Windows.ended(window, now)).as("ended").isEqualTo(ended);
    assertThat(Windows.locked(window, now)).as("locked").isEqualTo(locked);
  }

  static Stream<Arguments> fits() {
    Instant before = START.minusSeconds(3600);
    Duration exact = Duration.between(START, END).minus(Windows.REVERT_MARGIN);
    return Stream.of(
        Arguments.of("zero duration before the window", FULL, Duration.ZERO, before, true),
        Arguments.of("start + d + 1 min just before end", FULL, exact.minus(NS), before, true),
        Arguments.of("start + d + 1 min equal to end (strict)", FULL, exact, before, false),
        Arguments.of("after start, counted from now", FULL, exact.minus(NS), START.plusSeconds(1), false),
        Arguments.of("after start, from now just fits", FULL, Duration.ofMinutes(60).minus(NS),
            LOCKOUT.minusSeconds(60), true),
        Arguments.of("after start, from now equal to end", FULL, Duration.ofMinutes(60), LOCKOUT.minusSeconds(60),
            false),
        Arguments.of("locked after lockout", FULL, Duration.ZERO, LOCKOUT.plus(NS), false),
        Arguments.of("ended is invalid", FULL, Duration.ZERO, END.plus(NS), false),
        Arguments.of("never ends fits anything", OPEN, Duration.ofDays(365), START, true),
        Arguments.of("open end with a lockout ahead", w("w", START, null, LOCKOUT, 0), Duration.ofDays(1), START,
            true),
        Arguments.of("invalid name never fits", w("", START, END, null, 0), Duration.ZERO, before, false),
        Arguments.of("end before start never fits", w("w", END, START, null, 0), Duration.ZERO, before, false),
        Arguments.of("10 minute window, no minimum", w("w", START, START.plusSeconds(600), null, 0), Duration.ZERO,
            before, true),
        Arguments.of("10 minute window, 1h minimum", w("w", START, START.plusSeconds(600), null, 0),
            Duration.ofHours(1), before, false),
        Arguments.of("1 minute window, no minimum (margin strict)", w("w", START, START.plusSeconds(60), null, 0),
            Duration.ZERO, before, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fits")
  void fitsDuration(String why, MigrationWindow window, Duration d, Instant now, boolean expected) {
    assertThat(Windows.fitsDuration(window, d, now)).isEqualTo(expected);
  }

  static Stream<Arguments> problems() {
    Instant now = START.minusSeconds(60);
    return Stream.of(
        Arguments.of(w("bad name", START, END, null, 0), now, "Window name \"bad name\" cannot be used: "
            + "Name cannot contain white space"),
        Arguments.of(w("w", END, START, null, 0), now, "Batch migration window end time is before start time"),
        Arguments.of(w("w", START, END, null, 0), END.plus(NS), "Batch migration window has already passed"),
        Arguments.of(w("w", LOCKOUT, END, START, 0), now, "Batch migration window lockout time is before the start "
            + "time"),
        Arguments.of(w("w", START, LOCKOUT, END, 0), now, "Batch migration window lockout time is after the end "
            + "time"),
        Arguments.of(w("w", START, END, null, -2), now, "Window \"w\" capacity -2 cannot be negative"),
        Arguments.of(w("w", START, null, LOCKOUT, 0), now, null),
        Arguments.of(w("w", START, END, END, 0), now, null),
        Arguments.of(w("w", START, END, START, 0), now, null),
        Arguments.of(w("w", START, START, null, 0), now, null),
        Arguments.of(w("w", START, END, null, 0), END, null));
  }

  @ParameterizedTest
  @MethodSource("problems")
  void validation(MigrationWindow window, Instant now, String problem) {
    assertThat(Windows.problem(window, now).orElse(null)).isEqualTo(problem);
    if (problem == null) {
      assertThatCode(() -> Windows.validate(window, now)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> Windows.validate(window, now)).hasMessage(problem);
    }
  }

  @Test
  void aBatchCanStartWithNoWindowsOrOneValid() {
    MigrationWindow past = w("past", null, START, null, 0);
    assertThat(Windows.hasValidWindow(List.of(), END)).isTrue();
    assertThat(Windows.hasValidWindow(List.of(past), END)).isFalse();
    assertThat(Windows.hasValidWindow(List.of(past, OPEN), END)).isTrue();
  }

  @Test
  void earliestPicksTheFirstFittingStartAndKeepsListOrderOnTies() {
    MigrationWindow a = w("a", START, START.plusSeconds(600), null, 0);
    MigrationWindow b = w("b", START, END, null, 0);
    MigrationWindow c = w("c", START.minusSeconds(60), END, null, 0);
    Instant now = START.minusSeconds(3600);
    assertThat(Windows.earliest(List.of(a, b), Duration.ZERO, now)).contains(a);
    assertThat(Windows.earliest(List.of(b, a), Duration.ZERO, now)).contains(b);
    assertThat(Windows.earliest(List.of(a, b, c), Duration.ZERO, now)).contains(c);
    assertThat(Windows.earliest(List.of(a, b), Duration.ofHours(1), now)).contains(b);
    assertThat(Windows.earliest(List.of(a, OPEN), Duration.ZERO, now)).contains(OPEN);
    assertThat(Windows.earliest(List.of(a), Duration.ofHours(1), now)).isEmpty();
  }

  static final Map<String, List<String>> HELD = Map.of("w", List.of("DebianBookworm", "Ubuntu2404"));

  static Stream<Arguments> replacements() {
    Instant later = START.plusSeconds(60);
    Instant earlier = START.minusSeconds(60);
    return Stream.of(
        Arguments.of("removed", List.of(), "Window \"w\" cannot be removed or renamed after assignment to queue entry "
            + "\"DebianBookworm\""),
        Arguments.of("renamed", List.of(w("w2", START, END, null, 2)), "Window \"w\" cannot be removed or renamed "
            + "after assignment to queue entry \"DebianBookworm\""),
        Arguments.of("start later", List.of(w("w", later, END, null, 2)), "Window \"w\" start time cannot be "
            + "increased because it is assigned to queue entry \"DebianBookworm\""),
        Arguments.of("end earlier", List.of(w("w", START, END.minusSeconds(1), null, 2)), "Window \"w\" end time "
            + "cannot be reduced because it is assigned to queue entry \"DebianBookworm\""),
        Arguments.of("capacity reduced", List.of(w("w", START, END, null, 1)), "Window \"w\" capacity cannot be "
            + "reduced after assignment to queue entry \"DebianBookworm\""),
        Arguments.of("start earlier", List.of(w("w", earlier, END, null, 2)), null),
        Arguments.of("start removed", List.of(w("w", null, END, null, 2)), null),
        Arguments.of("end later", List.of(w("w", START, END.plusSeconds(1), null, 2)), null),
        Arguments.of("end removed", List.of(w("w", START, null, null, 2)), null),
        Arguments.of("capacity raised", List.of(w("w", START, END, null, 3)), null),
        Arguments.of("capacity unlimited", List.of(w("w", START, END, null, 0)), null),
        Arguments.of("lockout moved", List.of(w("w", START, END, LOCKOUT, 2)), null),
        Arguments.of("other windows change freely", List.of(w("w", START, END, null, 2)), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replacements")
  void assignedWindowsOnlyChangeInTheirHoldersFavour(String why, List<MigrationWindow> next, String message) {
    List<MigrationWindow> old = List.of(w("w", START, END, null, 2), w("free", START, END, null, 1));
    if (message == null) {
      assertThatCode(() -> Windows.checkReplace(old, next, HELD)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> Windows.checkReplace(old, next, HELD))
          .isInstanceOf(ConflictException.class)
          .hasMessage(message);
    }
  }

  @Test
  void openWindowsStayOpenOnceAssigned() {
    Map<String, List<String>> held = Map.of("open", List.of("CentOS9"));
    assertThatThrownBy(() -> Windows.checkReplace(List.of(OPEN), List.of(w("open", null, END, null, 0)), held))
        .hasMessage("Window \"open\" end time cannot be reduced because it is assigned to queue entry \"CentOS9\"");
    assertThatThrownBy(() -> Windows.checkReplace(List.of(OPEN), List.of(w("open", START, null, null, 0)), held))
        .hasMessage("Window \"open\" start time cannot be increased because it is assigned to queue entry \"CentOS9\"");
    assertThatThrownBy(() -> Windows.checkReplace(List.of(OPEN), List.of(w("open", null, null, null, 4)), held))
        .hasMessage("Window \"open\" capacity cannot be reduced after assignment to queue entry \"CentOS9\"");
  }

  @Test
  void unassignedWindowsMayGo() {
    assertThatCode(() -> Windows.checkReplace(List.of(FULL), List.of(), Map.of("other", List.of("x"))))
        .doesNotThrowAnyException();
    assertThatCode(() -> Windows.checkReplace(List.of(FULL), List.of(), Map.of("w", List.of())))
        .doesNotThrowAnyException();
  }
}
