package io.migrationmanager.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/**
 * Writes an absent time as Go's zero time {@code 0001-01-01T00:00:00Z}, as the original does (spec §2.1); use
 * with {@code @JsonSerialize(nullsUsing = ZeroTime.class)}. Reading the zero time back gives that instant,
 * which {@link #isZero} recognises.
 */
public class ZeroTime extends JsonSerializer<Object> {
  public static final String TEXT = "0001-01-01T00:00:00Z";

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
    gen.writeString(TEXT);
  }

  /** Whether {@code t} is absent or Go's zero time. */
  public static boolean isZero(java.time.Instant t) {
    return t == null || t.equals(java.time.Instant.parse(TEXT));
  }
}
