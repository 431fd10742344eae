package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import io.migrationmanager.domain.error.ValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * A duration written the way the original writes it (spec §2.1): JSON and YAML carry a string in Go duration
 * syntax. Parsing accepts every form Go's {@code time.ParseDuration} accepts ({@code 10m}, {@code 1h30m},
 * {@code 1.5h}, {@code 300ms}); output is Go's {@code Duration.String()} ({@code 10m0s}, {@code 1h0m0s},
 * {@code 0s}). The empty string means zero; negative durations are rejected.
 */
public record GoDuration(Duration value) implements Comparable<GoDuration> {

  public static final GoDuration ZERO = new GoDuration(Duration.ZERO);

  private static final Map<String, Long> UNIT_NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  public GoDuration {
    if (value == null) {
      value = Duration.ZERO;
    }
  }

  public static GoDuration of(Duration d) {
    return new GoDuration(d);
  }

  public static GoDuration ofMinutes(long minutes) {
    return new GoDuration(Duration.ofMinutes(minutes));
  }

  /** Parses Go duration syntax; the empty string is zero. */
  @JsonCreator
  public static GoDuration parse(String text) {
    if (text == null || text.isEmpty()) {
      return ZERO;
    }
    String s = text.trim();
    boolean negative = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal totalNanos = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty() || number.equals(".") || number.chars().filter(c -> c == '.').count() > 1) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      Long unit = UNIT_NANOS.get(s.substring(unitStart, i));
      if (unit == null) {
        throw invalid(text);
      }
      totalNanos = totalNanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
    }
    if (totalNanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid(text);
    }
    long nanos = totalNanos.longValue();
    if (negative && nanos != 0) {
      throw new ValidationException("Duration cannot be negative: " + text);
    }
    return new GoDuration(Duration.ofNanos(nanos));
  }

  private static ValidationException invalid(String text) {
    return new ValidationException("Invalid duration \"" + text + "\"");
  }

  @JsonIgnore
  public boolean isZero() {
    return value.isZero();
  }

  public long toNanos() {
    return value.toNanos();
  }

  /** Go's {@code Duration.String()}. */
  @JsonValue
  @Override
  public String toString() {
    long n = value.toNanos();
    if (n == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    if (n < 0) {
      out.append('-');
      n = -n;
    }
    if (n < 1_000_000_000L) {
      // Sub-second values use the largest unit that keeps the integer part non-zero.
      if (n < 1_000L) {
        return out.append(n).append("ns").toString();
      }
      if (n < 1_000_000L) {
        return out.append(fraction(n, 1_000L)).append("µs").toString();
      }
      return out.append(fraction(n, 1_000_000L)).append("ms").toString();
    }
    long hours = n / 3_600_000_000_000L;
    n -= hours * 3_600_000_000_000L;
    long minutes = n / 60_000_000_000L;
    n -= minutes * 60_000_000_000L;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(fraction(n, 1_000_000_000L)).append('s').toString();
  }

  private static String fraction(long n, long unit) {
    long whole = n / unit;
    long rest = n % unit;
    if (rest == 0) {
      return Long.toString(whole);
    }
    String digits = String.format("%0" + (Long.toString(unit).length() - 1) + "d", rest);
    return whole + "." + digits.replaceAll("0+$", "");
  }

  @Override
  public int compareTo(GoDuration other) {
    return value.compareTo(other.value);
  }
}
