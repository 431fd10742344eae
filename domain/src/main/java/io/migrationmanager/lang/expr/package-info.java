/**
 * The filter-expression language: a Java implementation of expr-lang (github.com/expr-lang/expr
 * v1.17) as Migration Manager uses it for {@code include_expression}s.
 *
 * <p>Entry points: {@link io.migrationmanager.lang.expr.Expr#compile} to a {@link
 * io.migrationmanager.lang.expr.Program}, checked against an {@link
 * io.migrationmanager.lang.expr.Env}; {@link io.migrationmanager.lang.expr.LocationAlias} for the
 * location shorthand of list filters. Failures are {@link
 * io.migrationmanager.lang.expr.ExprException}s (400 validation errors).
 *
 * <p>The pipeline is {@code Lexer} → {@code Parser} (syntax tree of {@code Node}s) → {@code
 * Checker} (static types, compile errors) → {@code Optimizer} (expr-lang's observable rewrites) →
 * {@code Compiler} (a tree of {@code Ev} nodes) → evaluation in a {@code Frame} with budgets. The
 * test resource {@code expr/conformance.tsv} holds the results of the real expr-lang for over a
 * thousand expressions.
 */
package io.migrationmanager.lang.expr;
