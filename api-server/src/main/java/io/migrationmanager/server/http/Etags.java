package io.migrationmanager.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.migrationmanager.domain.error.PreconditionFailedException;
import io.migrationmanager.tls.Pem;
import java.nio.charset.StandardCharsets;

/**
 * ETags of single objects: the SHA-256 of the object's JSON (with sorted keys). GET sends it; PUT with
 * {@code If-Match} must present the current one, or nothing changes (412).
 */
public final class Etags {
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
          .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
          .build();

  private Etags() {}

  /** The ETag value (without quotes) of an object. */
  public static String of(Object object) {
    try {
      return Pem.fingerprint(CANONICAL.writeValueAsString(object).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot compute ETag: " + e.getMessage(), e);
    }
  }

  /**
   * Checks an {@code If-Match} header against the current object; absent or {@code *} always matches.
   *
   * @throws PreconditionFailedException when it does not match
   */
  public static void checkIfMatch(String ifMatch, Object current) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return;
    }
    String wanted = ifMatch.trim();
    if (wanted.startsWith("W/")) {
      wanted = wanted.substring(2);
    }
    wanted = wanted.replace("\"", "");
    String actual = of(current);
    if (!wanted.equals(actual)) {
      throw new PreconditionFailedException("ETag doesn't match: " + wanted + " vs " + actual);
    }
  }
}
