package io.migrationmanager.domain.warning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.migrationmanager.domain.error.ValidationException;

/** The warning types of spec §2.9; the wire value is the display text. */
public enum WarningType {
  NETWORKS_NOT_IMPORTED("Networks not imported"),
  INSTANCES_NOT_IMPORTED("Instances not imported"),
  INSTANCES_IGNORED("Instances were ignored"),
  EXTERNAL_NETWORKS_NO_SOURCE("External networks with no registered source"),
  SOURCES_UNAVAILABLE("Sources are unavailable"),
  INSTANCES_PARTIALLY_IMPORTED("Instances partially imported"),
  INSTANCE_MIGRATION_RESTRICTED("Instance migration is restricted");

  private final String text;

  WarningType(String text) {
    this.text = text;
  }

  @JsonValue
  public String text() {
    return text;
  }

  @JsonCreator
  public static WarningType parse(String s) {
    for (WarningType t : values()) {
      if (t.text.equals(s)) {
        return t;
      }
    }
    throw new ValidationException("Unknown warning type \"" + s + "\"");
  }
}
