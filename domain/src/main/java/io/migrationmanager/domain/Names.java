package io.migrationmanager.domain;

import io.migrationmanager.domain.error.ValidationException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The name rules of spec §2.1: API names (sources, targets, batches, windows, ...) and hostnames. */
public final class Names {
  private static final Pattern API_NAME = Pattern.compile("^[a-zA-Z0-9]+(.*[a-zA-Z0-9]+)?$");
  private static final Pattern HOSTNAME_CHARS = Pattern.compile("^[-a-zA-Z0-9]+$");

  private Names() {}

  /** Why {@code name} is not a valid API name, or empty when it is. */
  public static Optional<String> apiNameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("Name is required");
    }
    if (name.length() > 64) {
      return Optional.of("Name must be 1-64 characters long");
    }
    for (char c : name.toCharArray()) {
      if (Character.isWhitespace(c)) {
        return Optional.of("Name cannot contain white space");
      }
      if ("$?&+\"'`*/".indexOf(c) >= 0) {
        return Optional.of("Name cannot contain \"" + c + "\"");
      }
    }
    if (!API_NAME.matcher(name).matches()) {
      return Optional.of("Name must start and end with a letter or digit");
    }
    return Optional.empty();
  }

  /** Throws {@link ValidationException} {@code Invalid <what> name "<name>": <problem>} for a bad API name. */
  public static void requireApiName(String what, String name) {
    apiNameProblem(name)
        .ifPresent(p -> {
          throw new ValidationException("Invalid " + what + " name \"" + name + "\": " + p);
        });
  }

  /** Why {@code name} is not a valid hostname (Incus' rules), or empty when it is. */
  public static Optional<String> hostnameProblem(String name) {
    if (name == null || name.isEmpty() || name.length() > 63) {
      return Optional.of("Name must be 1-63 characters long");
    }
    if (name.startsWith("-")) {
      return Optional.of("Name must not start with \"-\" character");
    }
    if (name.endsWith("-")) {
      return Optional.of("Name must not end with \"-\" character");
    }
    if (name.chars().allMatch(Character::isDigit)) {
      return Optional.of("Name cannot be a number");
    }
    if (!HOSTNAME_CHARS.matcher(name).matches()) {
      return Optional.of("Name can only contain alphanumeric and hyphen characters");
    }
    return Optional.empty();
  }
}
