package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import io.migrationmanager.domain.error.ValidationException;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the way the original writes and reads them (spec §2.1): output is Go's RFC 3339 with nanoseconds
 * ({@code 2025-11-18T23:47:23.992054737Z}, trailing zeros of the fraction dropped, always UTC), and Go's zero
 * time {@code 0001-01-01T00:00:00Z} stands for "not set", which is {@code null} here. Input accepts RFC 3339
 * ({@code T}, {@code t} or a space between date and time, {@code Z} or a numeric offset), the YAML form of the
 * user's document {@code 2025-12-01 01:00:00} (no zone: UTC), Go's {@code time.String()} form
 * {@code 2025-12-01 01:00:00 +0000 UTC} as the CLI shows windows, and a bare date; the empty string and the
 * zero time read as {@code null}.
 *
 * <p>Put {@link Wire @GoTime.Wire} on an {@link Instant} record component to use these rules for it. For people,
 * {@link #display} writes Go's {@code time.String()} form and {@link #dateTime} the document's form.
 */
public final class GoTime {
  /** Go's zero time as it appears on the wire. */
  public static final String ZERO = "0001-01-01T00:00:00Z";

  private static final Instant ZERO_INSTANT = Instant.parse(ZERO);
  private static final Pattern FORM =
      Pattern.compile(
          "^(\\d{4})-(\\d{1,2})-(\\d{1,2})"
              + "(?:(?:[Tt]|\\s+)(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,9}))?)?"
              + "\\s*(Z|z|[+-]\\d{1,2}(?::?\\d{2})?)?(?:\\s+UTC)?$");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private GoTime() {}

  /**
   * Reads a time; {@code null}, the empty string and Go's zero time give {@code null}.
   *
   * @throws ValidationException {@code Invalid time "<text>"} when the text is in none of the accepted forms
   */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw invalid(text);
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
              m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
              m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
      Instant instant = local.toInstant(offset(m.group(8)));
      return instant.equals(ZERO_INSTANT) ? null : instant;
    } catch (DateTimeException e) {
      throw invalid(text);
    }
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null || zone.equalsIgnoreCase("Z")) {
      return ZoneOffset.UTC;
    }
    String digits = zone.substring(1).replace(":", "");
    int hours;
    int minutes = 0;
    if (digits.length() <= 2) {
      hours = Integer.parseInt(digits);
    } else {
      hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
      minutes = Integer.parseInt(digits.substring(digits.length() - 2));
    }
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static ValidationException invalid(String text) {
    return new ValidationException("Invalid time \"" + text + "\"");
  }

  /** Whether {@code instant} stands for "not set": {@code null} or Go's zero time. */
  public static boolean isZero(Instant instant) {
    return instant == null || instant.equals(ZERO_INSTANT);
  }

  /** Go's RFC 3339 with nanoseconds in UTC; {@code null} gives the zero time. */
  public static String format(Instant instant) {
    return instant == null ? ZERO : SECONDS.format(instant) + fraction(instant) + "Z";
  }

  /**
   * {@code instant} in UTC as Go's {@code time.String()} prints it, as the original's tables show times:
   * {@code 2025-11-18 23:47:23.992054737 +0000 UTC}, {@code 2025-12-01 01:00:00 +0000 UTC}; {@code null} gives
   * the zero time {@code 0001-01-01 00:00:00 +0000 UTC}.
   */
  public static String display(Instant instant) {
    return dateTime(instant) + " +0000 UTC";
  }

  /**
   * {@code instant} in UTC as the user's document writes window times in YAML, {@code 2025-12-01 01:00:00}
   * (Go's {@code time.DateTime} layout), with the fractional seconds when there are any; {@link #parse} reads it
   * back as the same instant. {@code null} gives the zero time.
   */
  public static String dateTime(Instant instant) {
    Instant time = instant == null ? ZERO_INSTANT : instant;
    return DATE_TIME.format(time) + fraction(time);
  }

  /** {@code .<digits>} without trailing zeros, or nothing for whole seconds. */
  private static String fraction(Instant instant) {
    int nanos = instant.getNano();
    return nanos == 0 ? "" : "." + String.format("%09d", nanos).replaceAll("0+$", "");
  }

  /** Marks an {@link Instant} component as a Go time on the wire (see {@link GoTime}). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  @JacksonAnnotationsInside
  @JsonDeserialize(using = Deserializer.class)
  @JsonSerialize(using = Serializer.class, nullsUsing = Serializer.class)
  public @interface Wire {}

  /** Reads any accepted form; a non-string token is an error. */
  public static final class Deserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    public Deserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText();
      try {
        return parse(text);
      } catch (ValidationException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "expected an RFC 3339 time");
      }
    }
  }

  /** Writes {@link #format(Instant)}; registered for {@code null} too, which writes the zero time. */
  public static final class Serializer extends StdScalarSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    public Serializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(format(value));
    }
  }
}
