package io.migrationmanager.lang.expr;

/**
 * A compiled expression. Immutable and thread-safe: compile once, run against many environments,
 * from any number of threads.
 */
public final class Program {
  private final String source;
  private final Ev root;
  private final int slots;
  private final ObjectAccessor accessor;

  Program(String source, Ev root, int slots, ObjectAccessor accessor) {
    this.source = source;
    this.root = root;
    this.slots = slots;
    this.accessor = accessor;
  }

  /** The expression's source text. */
  public String source() {
    return source;
  }

  /**
   * Evaluates the expression.
   *
   * @param environment a {@code Map<String, ?>}, a record or another object the accessor supports;
   *     its entries or fields are the expression's variables
   * @return {@code null}, a {@link Boolean}, {@link Long}, {@link Double}, {@link String}, {@link
   *     java.util.List}, {@link java.util.Map} or a value taken from the environment
   * @throws ExprException when evaluation fails (wrong operand types, index out of range, invalid
   *     regular expression, budget exceeded...)
   */
  public Object run(Object environment) {
    Frame frame = new Frame(environment, accessor, slots);
    try {
      Object result = root.eval(frame);
      return result == Ev.CHAIN_NIL ? null : result;
    } catch (EvalError e) {
      throw ExprException.at(source, Math.max(e.pos, 0), e.getMessage());
    } catch (StackOverflowError e) {
      throw ExprException.withoutPosition("expression is nested too deeply to evaluate");
    } catch (ExprException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ExprException.internal(e);
    }
  }

  /**
   * Evaluates an expression that must produce a boolean, such as a filter.
   *
   * @throws ExprException when evaluation fails or the result is not a boolean ({@code expected
   *     bool, but got int})
   */
  public boolean runBool(Object environment) {
    Object result = run(environment);
    if (result instanceof Boolean b) {
      return b;
    }
    String type = result == null ? "nil" : Values.goTypeName(result);
    throw ExprException.withoutPosition("expected bool, but got " + type);
  }

  @Override
  public String toString() {
    return source;
  }
}
