package io.migrationmanager.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrationmanager.domain.error.ValidationException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationStatusTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * status, wire, migrating, before window, before placement (background, final, complete), committed
   * (background, final, complete).
   */
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "BLOCKED           | Blocked                           | false | true  | true  true  true  | false false false",
        "WAITING           | Waiting                           | false | true  | true  true  true  | false false false",
        "CREATING          | Creating new VM                   | true  | true  | true  true  true  | false false false",
        "BACKGROUND_IMPORT | Performing background import tasks | true | true  | false false false | false false false",
        "IDLE              | Idle                              | true  | true  | false false false | false false true",
        "FINAL_IMPORT      | Performing final import tasks     | true  | false | false false false | true  true  true",
        "POST_IMPORT       | Performing post-import tasks      | true  | false | false false false | true  true  true",
        "WORKER_DONE       | Worker tasks complete             | true  | false | false false false | true  true  true",
        "FINISHED          | Finished                          | false | false | false false false | false false false",
        "ERROR             | Error                             | false | false | false false false | false false false",
        "CANCELED          | Canceled                          | false | false | false false false | false false false",
        "CONFLICT          | Conflict                          | false | false | true  true  false | false false true",
      })
  void wireStringsAndPredicates(
      MigrationStatus status, String wire, boolean migrating, boolean beforeWindow, String beforePlacement,
      String committed) throws Exception {
    assertThat(status.wire()).isEqualTo(wire);
    assertThat(status).hasToString(wire);
    assertThat(MigrationStatus.parse(wire)).isEqualTo(status);
    assertThat(JSON.writeValueAsString(status)).isEqualTo("\"" + wire + "\"");
    assertThat(JSON.readValue("\"" + wire + "\"", MigrationStatus.class)).isEqualTo(status);
    assertThat(status.isMigrating()).as("migrating").isEqualTo(migrating);
    assertThat(status.isBeforeMigrationWindow()).as("before window").isEqualTo(beforeWindow);
    String[] placement = beforePlacement.trim().split("\\s+");
    String[] commit = committed.trim().split("\\s+");
    ImportStage[] stages = ImportStage.values();
    for (int i = 0; i < stages.length; i++) {
      assertThat(status.isBeforePlacement(stages[i])).as("before placement, " + stages[i])
          .isEqualTo(Boolean.parseBoolean(placement[i]));
      assertThat(status.isCommitted(stages[i])).as("committed, " + stages[i])
          .isEqualTo(Boolean.parseBoolean(commit[i]));
      assertThat(new QueuedInstance(null, status, stages[i], null).isCommitted())
          .isEqualTo(Boolean.parseBoolean(commit[i]));
    }
  }

  @Test
  void unknownStatusesAreRejected() {
    assertThatThrownBy(() -> MigrationStatus.parse("Queued"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid migration status \"Queued\"");
    assertThat(MigrationStatus.CONFLICT_RESOLVED_MESSAGE).isEqualTo("Conflict resolved");
  }

  @ParameterizedTest
  @EnumSource(ImportStage.class)
  void importStagesUseLowerCase(ImportStage stage) throws Exception {
    assertThat(JSON.writeValueAsString(stage)).isEqualTo("\"" + stage.name().toLowerCase(Locale.ROOT) + "\"");
    assertThat(ImportStage.parse(stage.wire())).isEqualTo(stage);
    assertThat(stage).hasToString(stage.wire());
  }

  @Test
  void unknownImportStagesAreRejected() {
    assertThatThrownBy(() -> ImportStage.parse("done"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("\"done\" is not a valid migration import stage");
    assertThat(new QueuedInstance(null, MigrationStatus.WAITING, null, null).importStage())
        .isEqualTo(ImportStage.BACKGROUND);
  }
}
