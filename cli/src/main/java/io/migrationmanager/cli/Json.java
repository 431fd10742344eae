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
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

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
   * YAML for {@code --format yaml}, {@code show} commands, the editor and {@code config.yml}, as
   * Go's YAML encoder writes it: no {@code ---} marker, long lines not folded, multi-line strings
   * as literal blocks, and strings plain where YAML allows it, else single-quoted (for example
   * {@code '"/vc01/vm/Ubuntu 2404": Could not determine instance OS'}); strings that would read
   * back as another type ({@code "10"}, {@code "true"}, {@code ""}) are double-quoted so they stay
   * strings.
   */
  public static final ObjectMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .stringQuotingChecker(new GoStyleQuoting())
                  .build())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Json() {}

  /**
   * Asks for quotes only where a plain string would read back as something else; every other string
   * is left to the emitter, which picks plain style when YAML allows it and single quotes
   * otherwise.
   */
  private static final class GoStyleQuoting extends StringQuotingChecker.Default {
    private static final Resolver RESOLVER = new Resolver();

    @Override
    public boolean needToQuoteValue(String value) {
      if (value.isEmpty() || isReservedKeyword(value)) {
        return true;
      }
      Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
      return !tag.equals(Tag.STR) && !tag.equals(Tag.TIMESTAMP);
    }
  }

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
