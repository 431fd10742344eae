package io.migrationmanager.lang.expr;

/**
 * The "location alias" of {@code GET /1.0/instances?include_expression=} and {@code GET
 * /1.0/networks?include_expression=} (not of batches): a filter that is not an expression of its
 * own is taken as a regular expression on the location.
 *
 * <p>If the expression fails to compile (with undefined variables allowed), or is a bare identifier
 * or integer (most likely part of a path), it becomes {@code location matches "<expression>"} with
 * the expression quoted as a Go string literal; otherwise it is returned unchanged.
 */
public final class LocationAlias {
  private LocationAlias() {}

  /** Rewrites the expression, checking it without any known variables. */
  public static String rewrite(String expression) {
    return rewrite(expression, null);
  }

  /** Rewrites the expression, checking it against {@code env} with undefined variables allowed. */
  public static String rewrite(String expression, Env env) {
    try {
      Node tree = Expr.check(expression, env == null ? null : env.allowUndefined());
      if (!(tree instanceof Node.Identifier) && !(tree instanceof Node.IntLit)) {
        return expression;
      }
    } catch (ExprException | StackOverflowError e) {
      // not an expression of its own: treat it as a location pattern
    }
    return "location matches " + GoText.quote(expression);
  }
}
