package io.migrationmanager.cli.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.migrationmanager.cli.Json;
import java.util.Optional;

/**
 * A successful API response: the envelope (spec §3.2) and the headers that matter to commands.
 *
 * @param raw the HTTP response
 * @param envelope the parsed envelope
 */
public record ApiResponse(RawResponse raw, JsonNode envelope) {

  /** The envelope's {@code metadata}; JSON {@code null} when absent. */
  public JsonNode metadata() {
    JsonNode metadata = envelope.get("metadata");
    return metadata == null ? NullNode.getInstance() : metadata;
  }

  /** The metadata converted into an API record. */
  public <T> T metadataAs(Class<T> type) {
    return Json.convert(metadata(), type);
  }

  /** The {@code ETag} header, verbatim (with its quotes), when the server sent one. */
  public Optional<String> etag() {
    return raw.header("ETag");
  }

  /** The {@code Location} header of a create or update. */
  public Optional<String> location() {
    return raw.header("Location");
  }

  /** Any other header. */
  public Optional<String> header(String name) {
    return raw.header(name);
  }
}
