package io.migrationmanager.lang.expr;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Environments shared by the expression tests: the instances of the seed document (the same JSON
 * the Go reference program reads) and a map of assorted variables (the same values the Go program
 * defines).
 */
final class ExprFixtures {
  private ExprFixtures() {}

  /** A NIC as the instance filter environment exposes it. */
  record Nic(
      UUID uuid,
      @JsonProperty("source_specific_id") String sourceSpecificId,
      @JsonProperty("hardware_address") String hardwareAddress,
      String location,
      @JsonProperty("ipv4_address") String ipv4Address,
      @JsonProperty("ipv6_address") String ipv6Address) {}

  /** A disk as the instance filter environment exposes it. */
  record Disk(
      long capacity,
      String name,
      boolean shared,
      boolean supported,
      @JsonProperty("background_import_verified") boolean backgroundImportVerified) {}

  /** A snapshot as the instance filter environment exposes it. */
  record Snapshot(String name) {}

  /** The instance filter environment (Migration Manager's {@code InstanceFilterable}). */
  record Instance(
      String name,
      long cpus,
      long memory,
      Map<String, String> config,
      String architecture,
      UUID uuid,
      @JsonProperty("source_specific_id") String sourceSpecificId,
      String location,
      String description,
      String os,
      @JsonProperty("os_description") String osDescription,
      @JsonProperty("os_template") String osTemplate,
      @JsonProperty("secure_boot") boolean secureBoot,
      @JsonProperty("legacy_boot") boolean legacyBoot,
      boolean tpm,
      boolean running,
      @JsonProperty("background_import") boolean backgroundImport,
      List<Nic> nics,
      List<Disk> disks,
      List<Snapshot> snapshots,
      @JsonProperty("os_type") String osType,
      String distribution,
      @JsonProperty("distribution_version") String distributionVersion,
      String source,
      @JsonProperty("source_type") String sourceType,
      @JsonProperty("last_update_from_source") Instant lastUpdateFromSource) {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper().registerModule(new JavaTimeModule());

  private static final List<Instance> SEED_INSTANCES = loadSeedInstances();

  /** The six instances of the seed document "Complex migrations". */
  static List<Instance> seedInstances() {
    return SEED_INSTANCES;
  }

  private static List<Instance> loadSeedInstances() {
    try (InputStream in = ExprFixtures.class.getResourceAsStream("/expr/seed-instances.json")) {
      return List.of(MAPPER.readValue(in, Instance[].class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> map(Object... entries) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i += 2) {
      map.put((String) entries[i], entries[i + 1]);
    }
    return map;
  }

  /**
   * Assorted variables; ints are deliberately Java {@code Integer}s in places (they read as ints).
   */
  static Map<String, Object> vars() {
    return map(
        "i", 42L,
        "f", 2.5,
        "s", "hello",
        "b", true,
        "n", null,
        "neg", -7,
        "big", Long.MAX_VALUE,
        "arr", List.of(1, 2, 3, 4, 5),
        "strs", List.of("b", "a", "c"),
        "fl", List.of(1.5, 2.5, -0.5),
        "mixed", Arrays.asList(1L, "a", 2.5, true, null),
        "empty", List.of(),
        "m", map("a", 1L, "b", "two", "c", null),
        "em", map(),
        "nested", map("x", map("y", List.of(10L, 20L))),
        "users",
            List.of(
                map("Name", "John", "Age", 30L),
                map("Name", "Jane", "Age", 25L),
                map("Name", "Bob", "Age", 17L)),
        "path", "/vc01/vm/Incus migrations/Ubuntu 2404",
        "u", UUID.fromString("52cfcb6b-20ee-add3-adc9-68c63ca9adfd"),
        "config", map("tag.env", "prod,web", "tag.owner", "alice", "other", "x"),
        "uni", "héllo wörld",
        "user", map("Name", "John Smith", "Age", 30L),
        "author", map("User", null),
        "tweets",
            List.of(
                map("Content", "short", "Size", 100L),
                map("Content", "x".repeat(250), "Size", 300L)),
        "participants", List.of(map("Winner", false), map("Winner", true)),
        "accounts", List.of(map("Balance", 10L), map("Balance", 20.5)),
        "posts",
            List.of(
                map(
                    "Author",
                    "ann",
                    "Comments",
                    List.of(map("Author", "bob"), map("Author", "ann"))),
                map("Author", "bob", "Comments", List.of(map("Author", "ann")))),
        "array", List.of(1L, 2L, 3L, 4L, 5L),
        "foo", map("Name", "foo"),
        "var with spaces", 7L);
  }

  /** A canonical text of a result, the same as the Go reference program prints. */
  static String repr(Object value) {
    if (value == null) {
      return "nil";
    }
    if (value instanceof Boolean || value instanceof Long) {
      return value.toString();
    }
    if (value instanceof Double d) {
      String s = GoText.formatFloat(d);
      if (!s.contains(".") && !s.contains("e") && !s.contains("I") && !s.contains("N")) {
        s += ".0";
      }
      return s;
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof byte[] bytes) {
      return "b" + quote(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (value instanceof Instant instant) {
      return "time(" + DateTimeFormatter.ISO_INSTANT.format(instant) + ")";
    }
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object element : list) {
        parts.add(repr(Values.norm(element)));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((k, v) -> parts.add(repr(Values.norm(k)) + ": " + repr(Values.norm(v))));
      parts.sort(String::compareTo);
      return "{" + String.join(", ", parts) + "}";
    }
    return "<struct>";
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            r -> {
              switch (r) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                  if (r < 0x20 || r == 0x7f) {
                    out.append(String.format("\\x%02x", r));
                  } else {
                    out.appendCodePoint(r);
                  }
                }
              }
            });
    return out.append('"').toString();
  }
}
