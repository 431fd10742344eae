package io.migrationmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void yamlQuotesLikeGo() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("plain", "Ubuntu 24.04 (Noble)");
    values.put("empty", "");
    values.put("number", "10");
    values.put("hex", "0x1F");
    values.put("bool", "true");
    values.put("word_yes", "yes");
    values.put("word_null", "null");
    values.put("colon", "a: b");
    values.put("leading_quote", "\"x\" y");
    values.put("comment", "a #b");
    values.put("time", "2025-11-18T23:47:23.992054737Z");
    values.put("tab", "a\tb");
    values.put(
        "long",
        List.of(
            "\"/vc01/vm/Incus migrations/Ubuntu 2404\" has incomplete properties. Ensure VM is"
                + " powered on and guest agent is running"));
    values.put("lines", "one\ntwo\n");

    String yaml = Json.toYaml(values);

    assertThat(yaml)
        .isEqualTo(
            """
plain: Ubuntu 24.04 (Noble)
empty: ""
number: "10"
hex: "0x1F"
bool: "true"
word_yes: "yes"
word_null: "null"
colon: 'a: b'
leading_quote: '"x" y'
comment: 'a #b'
time: 2025-11-18T23:47:23.992054737Z
tab: "a\\tb"
long:
- '"/vc01/vm/Incus migrations/Ubuntu 2404" has incomplete properties. Ensure VM is powered on and guest agent is running'
lines: |
  one
  two
""");
    JsonNode back = Json.parseYaml(yaml);
    values.forEach(
        (key, value) ->
            assertThat(
                    back.get(key).isArray()
                        ? List.of(back.get(key).get(0).asText())
                        : back.get(key).asText())
                .as(key)
                .isEqualTo(value));
  }
}
