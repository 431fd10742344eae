package io.migrationmanager.lang.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated expressions through compile and run: whatever the input, the only
 * exception that may escape is {@link ExprException} (and never an "internal error"), and every
 * input finishes quickly. The inputs are reproducible: the random seed is fixed and a failure names
 * the input.
 */
class ExprFuzzTest {
  private static final int CASES = 100_000;
  private static final long SEED = 20251118L;

  /** The whole run must finish within this budget (about 1 ms per input). */
  private static final Duration RUN_BUDGET = Duration.ofSeconds(100);

  /** No single input may take longer than this, even on a slow, busy machine. */
  private static final long SLOWEST_ALLOWED_NANOS = Duration.ofSeconds(10).toNanos();

  private static final String[] TOKENS = {
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ";",
    ":",
    ".",
    "?.",
    "?",
    "??",
    "|",
    "||",
    "&&",
    "!",
    "#",
    "#index",
    "#acc",
    "+",
    "-",
    "*",
    "/",
    "%",
    "**",
    "^",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "..",
    "and",
    "or",
    "not",
    "in",
    "not in",
    "matches",
    "contains",
    "startsWith",
    "endsWith",
    "let",
    "=",
    "if",
    "else",
    "true",
    "false",
    "nil",
    "0",
    "1",
    "-1",
    "42",
    "1.5",
    "1e9",
    "0x1F",
    "9223372036854775807",
    "'a'",
    "\"b\"",
    "`c`",
    "'(' ",
    "\"\\u00e9\"",
    "b'x'",
    "i",
    "f",
    "s",
    "n",
    "arr",
    "m",
    "users",
    "nested",
    "config",
    "$env",
    "location",
    "cpus",
    "nics",
    "disks",
    ".Name",
    ".capacity",
    "len",
    "filter",
    "map",
    "all",
    "any",
    "one",
    "none",
    "count",
    "sum",
    "find",
    "reduce",
    "sortBy",
    "groupBy",
    "upper",
    "split",
    "join",
    "repeat",
    "toJSON",
    "fromJSON",
    "max",
    "min",
    "int",
    "string",
    "type",
    "path_base",
    "has_tag",
    "flatten",
    "uniq",
    "sort",
    "keys",
    "get",
    "take",
    "first",
    "x",
    "é",
    "😀",
  };

  private static final String INSERTS = "()[]{},;:.?|&!#+-*/%^=<>'\"`\\ \n\t0123456789abcxyz_$é😀";

  private final Random random = new Random(SEED);
  private final Map<String, Object> vars = ExprFixtures.vars();
  private final ExprFixtures.Instance instance = ExprFixtures.seedInstances().get(0);
  private final Env varsEnv = Env.fromValues(vars);
  private final Env instanceEnv = Env.fromRecord(ExprFixtures.Instance.class);

  private String lastInput = "";
  private long slowestNanos;
  private String slowestInput = "";

  @Test
  void onlyExprExceptionsEscapeAndEveryInputIsQuick() throws IOException {
    List<String> seeds = new ArrayList<>();
    for (ConformanceTest.Case c : ConformanceTest.cases()) {
      // Expressions that deliberately iterate a million times (budget tests) would dominate the
      // run time without finding anything new; ExprApiTest covers the budgets.
      if (!c.expression().contains("99999") && !c.expression().contains("1000000")) {
        seeds.add(c.expression());
      }
    }
    assertTimeoutPreemptively(
        RUN_BUDGET,
        () -> {
          for (int i = 0; i < CASES; i++) {
            String input = generate(seeds, i);
            lastInput = input;
            long start = System.nanoTime();
            exercise(input, i % 3);
            long elapsed = System.nanoTime() - start;
            if (elapsed > slowestNanos) {
              slowestNanos = elapsed;
              slowestInput = input;
            }
          }
        },
        () -> "fuzzing did not finish; last input: " + lastInput);
    assertThat(slowestNanos)
        .as("slowest input (%d ms): %s", slowestNanos / 1_000_000, abbreviate(slowestInput))
        .isLessThan(SLOWEST_ALLOWED_NANOS);
  }

  private void exercise(String input, int environment) {
    try {
      switch (environment) {
        case 0 -> Expr.compile(input, null).run(vars);
        case 1 -> Expr.compile(input, varsEnv).run(vars);
        default -> Expr.compile(input, instanceEnv).run(instance);
      }
    } catch (ExprException e) {
      assertThat(e.getMessage())
          .as("input: %s", abbreviate(input))
          .doesNotStartWith("internal error");
    } catch (RuntimeException | Error e) {
      throw new AssertionError("input " + abbreviate(input) + " threw " + e, e);
    }
  }

  private String generate(List<String> seeds, int index) {
    int kind = index % 100;
    if (kind < 70) {
      return mutate(seeds.get(random.nextInt(seeds.size())), seeds);
    }
    if (kind < 95) {
      return randomTokens();
    }
    return deep();
  }

  private String mutate(String seed, List<String> seeds) {
    StringBuilder text = new StringBuilder(seed);
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
      switch (random.nextInt(6)) {
        case 0 -> text.insert(at, INSERTS.charAt(random.nextInt(INSERTS.length())));
        case 1 -> {
          if (text.length() > 0) {
            int from = Math.min(at, text.length() - 1);
            text.delete(from, Math.min(text.length(), from + 1 + random.nextInt(3)));
          }
        }
        case 2 -> {
          if (text.length() > 0) {
            int where = Math.min(at, text.length() - 1);
            text.setCharAt(where, INSERTS.charAt(random.nextInt(INSERTS.length())));
          }
        }
        case 3 -> text.insert(at, " " + TOKENS[random.nextInt(TOKENS.length)] + " ");
        case 4 -> {
          String other = seeds.get(random.nextInt(seeds.size()));
          int cut = other.isEmpty() ? 0 : random.nextInt(other.length());
          text.insert(at, other.substring(cut));
        }
        default -> {
          if (text.length() > 1) {
            int from = random.nextInt(text.length());
            int to = Math.min(text.length(), from + 1 + random.nextInt(8));
            text.insert(at, text.substring(from, to));
          }
        }
      }
    }
    return text.toString();
  }

  private String randomTokens() {
    int count = 1 + random.nextInt(12);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (random.nextBoolean()) {
        text.append(' ');
      }
      text.append(TOKENS[random.nextInt(TOKENS.length)]);
    }
    return text.toString();
  }

  private String deep() {
    int depth = 1 + random.nextInt(3000);
    return switch (random.nextInt(9)) {
      case 0 -> "(".repeat(depth) + "1" + ")".repeat(depth);
      case 1 -> "[".repeat(depth) + "]".repeat(depth);
      case 2 -> "-".repeat(depth) + "1";
      case 3 -> "!".repeat(depth) + "true";
      case 4 -> "1" + " + 1".repeat(depth);
      case 5 -> "2" + " ** 2".repeat(depth);
      case 6 -> "m" + ".a".repeat(depth);
      case 7 -> "map(".repeat(Math.min(depth, 200)) + "arr" + ", #)".repeat(Math.min(depth, 200));
      default -> "true ? ".repeat(depth) + "1" + " : 2".repeat(depth);
    };
  }

  private static String abbreviate(String input) {
    return input.length() <= 300
        ? input
        : input.substring(0, 300) + "... (" + input.length() + " chars)";
  }
}
