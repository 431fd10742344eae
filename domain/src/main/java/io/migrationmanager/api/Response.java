package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The Incus-style response envelope that every endpoint returns (spec §3.2).
 *
 * <p>Success: {@code {"type":"sync","status":"Success","status_code":200,"operation":"","error_code":0,
 * "error":"","metadata":...}}. Error: {@code {"type":"error","status":"","status_code":0,"operation":"",
 * "error_code":400,"error":"<message>","metadata":null}}.
 *
 * @param metadata the payload; on the client side it arrives as a {@link JsonNode}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Response<T>(
    @JsonProperty("type") String type,
    @JsonProperty("status") String status,
    @JsonProperty("status_code") int statusCode,
    @JsonProperty("operation") String operation,
    @JsonProperty("error_code") int errorCode,
    @JsonProperty("error") String error,
    @JsonProperty("metadata") T metadata) {

  public static final String TYPE_SYNC = "sync";
  public static final String TYPE_ERROR = "error";

  /** A successful response carrying {@code metadata}; {@code null} becomes the empty object. */
  public static Response<Object> sync(Object metadata) {
    return new Response<>(TYPE_SYNC, "Success", 200, "", 0, "", metadata == null ? Map.of() : metadata);
  }

  /** An error response with the HTTP code and the message shown to the user. */
  public static Response<Object> error(int httpCode, String message) {
    return new Response<>(TYPE_ERROR, "", 0, "", httpCode, message, null);
  }

  @JsonIgnore
  public boolean isError() {
    return TYPE_ERROR.equals(type);
  }
}
