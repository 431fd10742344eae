package io.migrationmanager.server.http;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.migrationmanager.api.Response;
import io.migrationmanager.domain.error.DomainException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: the error envelope with the status of the failure's
 * kind and a message that names what was wrong. Not-found is 404 (the original answers 400, a quirk we fix).
 */
public class ErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  @Override
  public jakarta.ws.rs.core.Response toResponse(Throwable t) {
    Failure f = classify(t);
    if (f.status >= 500) {
      LOG.error("Request failed", t);
    }
    return jakarta.ws.rs.core.Response.status(f.status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Response.error(f.status, f.message))
        .build();
  }

  private record Failure(int status, String message) {}

  private static Failure classify(Throwable t) {
    DomainException domain = domainCause(t);
    if (domain != null) {
      return new Failure(domain.httpStatus(), domain.getMessage());
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof RequestTooLargeException e) {
        return new Failure(400, e.getMessage());
      }
    }
    if (t instanceof JsonProcessingException e) {
      return new Failure(400, describe(e));
    }
    if (t instanceof WebApplicationException e) {
      if (e.getCause() instanceof JsonProcessingException json) {
        return new Failure(400, describe(json));
      }
      int status = e.getResponse().getStatus();
      String reason = e.getResponse().getStatusInfo().getReasonPhrase();
      return new Failure(status, status == 404 ? "Not found" : reason);
    }
    return new Failure(500, "Internal server error: " + t.getMessage());
  }

  /** The domain failure inside {@code t} (e.g. thrown by a {@code @JsonCreator}), if any. */
  private static DomainException domainCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof DomainException d) {
        if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
          return new io.migrationmanager.domain.error.ValidationException(
              "Invalid value for field \"" + path(m) + "\": " + d.getMessage());
        }
        return d;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  static String describe(JsonProcessingException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof StreamReadException p) {
        String detail = p.getOriginalMessage();
        int marker = detail.indexOf(" (start marker");
        if (marker > 0) {
          detail = detail.substring(0, marker);
        }
        var where = p.getLocation();
        return where == null
            ? "Malformed JSON: " + detail
            : "Malformed JSON at line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + detail;
      }
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return "Unknown field \"" + path(u) + "\"";
    }
    if (e instanceof InvalidFormatException f) {
      return "Invalid value for field \"" + path(f) + "\": cannot read " + quote(f.getValue()) + " as "
          + simpleType(f.getTargetType());
    }
    if (e instanceof ValueInstantiationException v) {
      Throwable cause = v.getCause() != null ? v.getCause() : v;
      return "Invalid value for field \"" + path(v) + "\": " + cause.getMessage();
    }
    if (e instanceof MismatchedInputException m) {
      if (m.getPath().isEmpty()) {
        return "Invalid request body: expected " + simpleType(m.getTargetType());
      }
      return "Invalid value for field \"" + path(m) + "\": expected " + simpleType(m.getTargetType());
    }
    return "Invalid request body: " + e.getOriginalMessage();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String quote(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  private static String simpleType(Class<?> type) {
    if (type == null) {
      return "a different type";
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "an integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "a boolean";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    return "a " + type.getSimpleName();
  }
}
