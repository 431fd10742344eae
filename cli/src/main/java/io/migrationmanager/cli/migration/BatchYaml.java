package io.migrationmanager.cli.migration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationmanager.api.Batch;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.GoTime;
import io.migrationmanager.api.MigrationWindow;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.inventory.Inputs;
import io.migrationmanager.domain.error.DomainException;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The YAML of {@code batch edit}. The user edits the batch's editable part ({@link BatchPut}) in
 * the order of the user's document, with window times written as the document writes them ({@code
 * start: 2025-12-01 01:00:00}, Go's zero time {@code 0001-01-01 00:00:00} for "not set"). The
 * edited YAML is read back into a {@link BatchPut}, and that is what is sent, as the original sends
 * the struct it decoded: keys left out are sent as zero values, and times and durations in the
 * API's own form. Unlike the original, unknown keys and unreadable values are rejected before
 * anything is sent; the read-only {@code status}, {@code status_message} and {@code start_date} of
 * {@code batch show} are accepted and ignored.
 */
final class BatchYaml {

  private static final List<String> READ_ONLY = List.of("status", "status_message", "start_date");

  private static final ObjectReader STRICT =
      Json.JSON.readerFor(BatchPut.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private BatchYaml() {}

  /** What the editor shows of {@code batch}. */
  static JsonNode editView(Batch batch) {
    ObjectNode view = Json.JSON.valueToTree(batch.put());
    List<MigrationWindow> windows = batch.migrationWindows();
    for (int i = 0; i < windows.size(); i++) {
      ObjectNode window = (ObjectNode) view.path("migration_windows").get(i);
      window.put("start", GoTime.dateTime(windows.get(i).start()));
      window.put("end", GoTime.dateTime(windows.get(i).end()));
      window.put("lockout", GoTime.dateTime(windows.get(i).lockout()));
    }
    return view;
  }

  /**
   * The batch the user wrote.
   *
   * @throws CliException {@code Invalid batch configuration: unknown key "<path>"} or {@code
   *     Invalid batch configuration: "<path>": <reason>}, the path like {@code
   *     migration_windows[0].start}
   */
  static BatchPut toPut(JsonNode yaml) {
    if (!yaml.isObject()) {
      throw new CliException("Invalid batch configuration: expected keys and values");
    }
    ObjectNode fields = ((ObjectNode) yaml).deepCopy();
    fields.remove(READ_ONLY);
    try {
      return STRICT.readValue(fields);
    } catch (UnrecognizedPropertyException e) {
      throw new CliException(
          "Invalid batch configuration: unknown key " + Inputs.quote(path(e)), e);
    } catch (JsonMappingException e) {
      throw new CliException(
          "Invalid batch configuration: " + Inputs.quote(path(e)) + ": " + reason(e), e);
    } catch (IOException e) {
      throw new CliException("Invalid batch configuration: " + e.getMessage(), e);
    }
  }

  /** Where in the YAML the problem is: {@code config.background_sync_interval}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String reason(JsonMappingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DomainException) {
        return cause.getMessage();
      }
    }
    if (e instanceof InvalidFormatException format && format.getTargetType() == Instant.class) {
      return "Invalid time " + Inputs.quote(String.valueOf(format.getValue()));
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "expected " + expected(mismatch.getTargetType());
    }
    return e.getOriginalMessage();
  }

  private static String expected(Class<?> type) {
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Instant.class) {
      return "a time such as 2025-12-01 01:00:00";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "keys and values";
  }
}
