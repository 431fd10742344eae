package io.migrationmanager.lang.expr;

import java.util.Objects;

/**
 * The filter-expression language of Migration Manager: a Java implementation of <a
 * href="https://expr-lang.org">expr-lang</a> (github.com/expr-lang/expr v1.17) as Migration Manager
 * uses it.
 *
 * <p>Usage: {@code Program p = Expr.compile("location matches 'foo' and cpus > 2",
 * Env.fromRecord(Instance.class)); boolean selected = p.runBool(instance);}
 *
 * <p>Syntax, operators, builtins, results and error messages (with line, column and a caret
 * snippet) follow expr-lang, including its static type checks: with a strict {@link Env} an unknown
 * name is a compile error, and operand types known at compile time are checked then ({@code cpus ==
 * "2"} does not compile when {@code cpus} is an int); values of unknown type are checked when
 * evaluated. The date and time functions ({@code now}, {@code date}, {@code duration}, {@code
 * timezone}) are not supported. Beyond expr-lang, parsing and evaluation are bounded (nesting
 * depth, node count, memory, steps and string sizes) so that any input fails with an {@link
 * ExprException} instead of exhausting the JVM.
 *
 * <p>Migration Manager's own functions are available in every expression:
 *
 * <ul>
 *   <li>{@code path_base(path)} and {@code path_dir(path)}: Go's {@code path.Base} and {@code
 *       path.Dir} (last element; everything before it, cleaned).
 *   <li>{@code has_tag(category, tag)}: {@code tag} equals one of the comma-separated tags (each
 *       trimmed) in the environment's {@code config["tag.<category>"]}.
 *   <li>{@code matches_tag(category, tag)}: the looser match, {@code tag} is a substring of one of
 *       those tags.
 * </ul>
 *
 * <p>With category {@code "*"} the tag functions look at every {@code config} key starting with
 * {@code tag.}. The original Go implementation swapped the two meanings (its {@code has_tag}
 * matched substrings and its {@code matches_tag} compared exactly, and {@code "*"} compared the
 * whole comma-joined value); this port implements the documented meaning above.
 */
public final class Expr {
  /**
   * Loads and initializes the interpreter's classes up front, at a shallow stack: a class whose
   * static initialization fails (for example with a stack overflow deep inside a recursion) stays
   * unusable.
   */
  private static final String WARM_UP =
      "let x = [1, 2.5, 'a', nil, {k: true}]; map(filter(x, # != nil), type(#)) | join(',') matches"
          + " 'int' && any(1..3, # in [2]) && len(toJSON(x)) > 0 && string(-x[1] ** 2 + int(x[1]) %"
          + " 2) != '' && path_base(trim(' a/b ')) == 'b' && (x[4]?.k ?? false) && sortBy(x[0:2],"
          + " #)[0] == 1 && fromJSON('[1]')[0] == 1 && reduce([1], #acc + #) + max(1, 2) / 2 > 0 &&"
          + " upper(split('a,b', ',')[1]) contains 'B' && !(1 > 2 ? true : false)";

  static {
    compile(WARM_UP, null).run(java.util.Map.of());
  }

  private Expr() {}

  /**
   * Compiles an expression.
   *
   * @param source the expression
   * @param env the variables and their types, or {@code null} to allow any variable without checks
   * @throws ExprException when the expression does not parse or does not type-check
   */
  public static Program compile(String source, Env env) {
    return compile(source, env, ObjectAccessor.records());
  }

  /**
   * Compiles an expression whose environment exposes objects through the given accessor.
   *
   * @throws ExprException when the expression does not parse or does not type-check
   */
  public static Program compile(String source, Env env, ObjectAccessor accessor) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(accessor, "accessor");
    try {
      Node tree = check(source, env);
      tree = Optimizer.optimize(source, tree);
      Compiler.Compiled compiled = Compiler.compile(tree);
      return new Program(source, compiled.root(), compiled.slots(), accessor);
    } catch (ExprException e) {
      throw e;
    } catch (EvalError e) {
      throw ExprException.at(source, Math.max(e.pos, 0), e.getMessage());
    } catch (StackOverflowError e) {
      throw ExprException.withoutPosition("expression is nested too deeply");
    } catch (RuntimeException e) {
      throw ExprException.internal(e);
    }
  }

  /** Compiles without an environment and runs once: a convenience for tests and tools. */
  public static Object eval(String source, Object environment) {
    return compile(source, null).run(environment);
  }

  /** Parses and type-checks; the tree is what expr-lang's {@code checker.ParseCheck} returns. */
  static Node check(String source, Env env) {
    Node tree = Parser.parse(source, name -> env != null && env.lookup(name) != null);
    Checker.check(source, tree, env);
    return tree;
  }
}
