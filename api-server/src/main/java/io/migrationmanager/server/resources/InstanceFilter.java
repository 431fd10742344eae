package io.migrationmanager.server.resources;

import io.migrationmanager.api.Instance;
import io.migrationmanager.domain.instance.InstanceRecord;
import java.util.List;

/** Filters instances with an include expression ({@code GET /1.0/instances?include_expression=}). */
@FunctionalInterface
public interface InstanceFilter {
  List<Instance> apply(String expression, List<InstanceRecord> instances);
}
