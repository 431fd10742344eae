package io.migrationmanager.lang.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables an expression may use, with their types, for compile-time checking.
 *
 * <p>A strict environment (the default) rejects unknown names ({@code unknown name foo}); one that
 * {@linkplain #allowUndefined() allows undefined variables} accepts them and checks nothing about
 * them. Passing {@code null} as the environment to {@link Expr#compile} is the same as an empty
 * environment that allows undefined variables.
 */
public final class Env {
  private final Map<String, ExprType> variables;
  private final boolean strict;

  private Env(Map<String, ExprType> variables, boolean strict) {
    this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    this.strict = strict;
  }

  /** A strict environment with the given variables. */
  public static Env of(Map<String, ExprType> variables) {
    return new Env(variables, true);
  }

  /**
   * A strict environment whose variables are the components of a record, under both their Java
   * names and their {@code @JsonProperty} names.
   */
  public static Env fromRecord(Class<? extends Record> type) {
    return new Env(ExprType.of(type).fields(), true);
  }

  /**
   * A strict environment whose variables and types are taken from sample values (as expr-lang
   * does).
   */
  public static Env fromValues(Map<String, ?> values) {
    Map<String, ExprType> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Values.typeOf(value)));
    return new Env(variables, true);
  }

  /**
   * The same variables, but unknown names are accepted (expr-lang's {@code
   * AllowUndefinedVariables}).
   */
  public Env allowUndefined() {
    return new Env(variables, false);
  }

  /** Whether unknown names are compile errors. */
  public boolean isStrict() {
    return strict;
  }

  /** The declared variables and their types. */
  public Map<String, ExprType> variables() {
    return variables;
  }

  ExprType lookup(String name) {
    return variables.get(name);
  }
}
