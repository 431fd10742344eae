package io.migrationmanager.cli.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP response as received, before the envelope is interpreted.
 *
 * @param status the HTTP status code
 * @param headers the response headers, names in lower case
 * @param body the raw body
 */
public record RawResponse(int status, Map<String, List<String>> headers, byte[] body) {

  public RawResponse {
    Map<String, List<String>> lowered = new TreeMap<>();
    headers.forEach(
        (name, values) ->
            lowered
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
    lowered.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(lowered);
  }

  /** The first value of header {@code name} (any case). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
