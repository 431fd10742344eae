package io.migrationmanager.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The client's JSON and YAML mappers. Both write times as RFC 3339 strings and ignore unknown
 * fields, so a newer server does not break an older client.
 */
public final class Json {

  /** JSON for the wire and for {@code --format json}. */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /**
   * YAML for {@code --format yaml}, {@code show} commands, the editor and {@code config.yml}: no
   * {@code ---} marker, quotes only where needed (always around strings that look like numbers, so
   * they stay strings), multi-line strings as literal blocks.
   */
  public static final ObjectMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                  .build())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Json() {}

  /** Compact JSON of {@code value}. */
  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new CliException("Failed to encode JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** YAML of {@code value}, ending with a newline. */
  public static String toYaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new CliException("Failed to encode YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses YAML text; an empty document is the missing node. */
  public static JsonNode parseYaml(String text) {
    try {
      JsonNode node = YAML.readTree(text);
      return node == null ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      throw new CliException("Failed to parse YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** Converts a tree (for example an API response's metadata) into an API record. */
  public static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return JSON.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new CliException("Unexpected server response: " + e.getOriginalMessage(), e);
    }
  }
}
