package io.migrationmanager.activities.incus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A background operation ({@code GET /1.0/operations/<id>}).
 *
 * @param operationClass {@code task}, {@code websocket} or {@code token}
 * @param status {@code Running}, {@code Success}, {@code Failure}, {@code Cancelled}, ...
 * @param statusCode 103 running, 200 success, 400 failure, 401 cancelled
 * @param err the failure message, empty unless it failed
 * @param metadata operation-specific results, e.g. {@code return} (exit code) for exec
 * @param resources the objects the operation works on, as API URLs per kind
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncusOperation(
    @JsonProperty("id") String id,
    @JsonProperty("class") String operationClass,
    @JsonProperty("description") String description,
    @JsonProperty("status") String status,
    @JsonProperty("status_code") int statusCode,
    @JsonProperty("err") String err,
    @JsonProperty("metadata") Map<String, Object> metadata,
    @JsonProperty("resources") Map<String, List<String>> resources,
    @JsonProperty("location") String location,
    @JsonProperty("may_cancel") boolean mayCancel,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {

  /** Status code of a running operation. */
  public static final int RUNNING = 103;

  /** Status code of a successful operation. */
  public static final int SUCCESS = 200;

  /** Status code of a failed operation. */
  public static final int FAILURE = 400;

  /** Status code of a cancelled operation. */
  public static final int CANCELLED = 401;

  /** Normalises absent values to empty ones. */
  public IncusOperation {
    operationClass = Immutables.string(operationClass);
    description = Immutables.string(description);
    status = Immutables.string(status);
    err = Immutables.string(err);
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    resources = resources == null ? Map.of() : Map.copyOf(resources);
    location = Immutables.string(location);
    createdAt = Immutables.string(createdAt);
    updatedAt = Immutables.string(updatedAt);
  }

  /** True once the operation finished, whatever the outcome (status code 200 or higher). */
  public boolean done() {
    return statusCode >= SUCCESS;
  }

  /** True when it finished successfully. */
  public boolean succeeded() {
    return statusCode == SUCCESS;
  }
}
