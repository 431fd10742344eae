package io.migrationmanager.server.resources;

import io.migrationmanager.api.Instance;
import io.migrationmanager.domain.instance.InstanceFilters;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.InstanceViews;
import io.migrationmanager.lang.expr.LocationAlias;
import io.migrationmanager.lang.expr.Program;
import java.util.List;

/**
 * Instance filtering with the expression language, with the original's location alias: a filter that is not
 * an expression of its own (or is a bare word or number) matches locations, e.g. {@code Incus migrations}.
 */
public class ExprInstanceFilter implements InstanceFilter {
  @Override
  public List<Instance> apply(String expression, List<InstanceRecord> instances) {
    Program program = InstanceFilters.compile(LocationAlias.rewrite(expression, InstanceFilters.env()));
    return instances.stream()
        .filter(i -> program.runBool(InstanceFilters.environment(i)))
        .map(InstanceViews::toApi)
        .toList();
  }
}
