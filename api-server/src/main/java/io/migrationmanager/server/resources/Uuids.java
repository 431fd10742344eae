package io.migrationmanager.server.resources;

import io.migrationmanager.domain.error.ValidationException;
import java.util.UUID;

/** UUIDs in paths: a malformed one is a 400 naming what was expected. */
final class Uuids {
  private Uuids() {}

  static UUID parse(String what, String text) {
    try {
      UUID u = UUID.fromString(text);
      if (!u.toString().equalsIgnoreCase(text)) {
        throw new IllegalArgumentException();
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new ValidationException("Invalid " + what + " UUID \"" + text + "\"");
    }
  }
}
