package io.migrationmanager.domain.batch;

import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceFilters;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.InstanceSnapshot;
import io.migrationmanager.lang.expr.ExprException;
import io.migrationmanager.lang.expr.Program;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Compiling and running the include expressions of batches and constraints. */
final class Filters {
  private static final UUID SAMPLE_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final Map<String, Object> SAMPLE =
      InstanceFilters.environment(
          new InstanceRecord(
              SAMPLE_ID, "source", "vmware", Instant.EPOCH, null,
              new InstanceProperties(
                  "sample", 1, 1, Map.of(), "x86_64", SAMPLE_ID, "vm-1", "/dc/vm/sample", "", "", "", "", false, false,
                  false, false, false,
                  List.of(new InstanceNic(SAMPLE_ID, "network-1", "00:00:00:00:00:01", "/dc/network/net", "", "")),
                  List.of(new InstanceDisk(1, "[ds] sample/sample.vmdk", false, true, false)),
                  List.of(new InstanceSnapshot("snapshot")))));

  private Filters() {}

  /**
   * Compiles an include expression against the instance environment and checks that it gives a boolean.
   * Expressions whose type is only known from the data (a map value, an element of a list) are tried on a
   * sample instance; one that fails there for want of data (an index out of range) is left to be judged per
   * instance.
   *
   * @throws ValidationException with expr-lang's message, including line, column and a caret for syntax and
   *     type errors, or {@code expected bool, but got <type>}
   */
  static Program compile(String expression) {
    Program program = InstanceFilters.compile(expression);
    Object sample;
    try {
      sample = program.run(SAMPLE);
    } catch (ExprException e) {
      return program;
    }
    if (!(sample instanceof Boolean)) {
      throw new ValidationException("expected bool, but got " + typeName(sample));
    }
    return program;
  }

  /** Whether {@code instance} matches a compiled include expression. */
  static boolean matches(Program program, InstanceRecord instance) {
    return program.runBool(InstanceFilters.environment(instance));
  }

  private static String typeName(Object value) {
    if (value == null) {
      return "nil";
    }
    if (value instanceof Long || value instanceof Integer) {
      return "int";
    }
    if (value instanceof Double) {
      return "float64";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof List) {
      return "[]interface {}";
    }
    if (value instanceof Map) {
      return "map[string]interface {}";
    }
    return value.getClass().getSimpleName();
  }
}
