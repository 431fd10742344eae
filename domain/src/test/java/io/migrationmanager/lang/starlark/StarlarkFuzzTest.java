package io.migrationmanager.lang.starlark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds the scanner, parser, resolver and evaluator with random and mutated programs under tight budgets.
 * Whatever the input, the only exception allowed out of the interpreter is {@link StarlarkException}, no
 * input may run long, and memory stays bounded by the limits. The seed is fixed, so a failure reproduces;
 * {@code -Dstarlark.fuzz.seed=N} picks another one and {@code -Dstarlark.fuzz.scale=K} runs K times as many
 * inputs.
 */
class StarlarkFuzzTest {
  private static final long SEED = Long.getLong("starlark.fuzz.seed", 0x5EED_57A2L);
  private static final int SCALE = Integer.getInteger("starlark.fuzz.scale", 1);
  private static final StarlarkLimits LIMITS =
      new StarlarkLimits(3_000, Duration.ofMillis(250), 100_000, 10_000, 40);

  private static final String[] NAMES = {"x", "y", "z", "s", "l", "d", "t", "n", "e", "b"};
  private static final String[] BUILTINS = {
    "abs", "all", "any", "bool", "bytes", "chr", "dict", "dir", "enumerate", "fail", "float", "getattr",
    "hasattr", "hash", "int", "len", "list", "max", "min", "ord", "print", "range", "repr", "reversed", "set",
    "sorted", "str", "tuple", "type", "zip", "freeze"
  };
  private static final String[] METHODS = {
    "append", "clear", "extend", "index", "insert", "pop", "remove", "get", "items", "keys", "popitem",
    "setdefault", "update", "values", "add", "discard", "difference", "union", "intersection", "issubset",
    "symmetric_difference_update", "capitalize", "count", "elems", "endswith", "find", "format", "isalnum",
    "join", "lower", "lstrip", "partition", "removeprefix", "replace", "rfind", "rsplit", "split",
    "splitlines", "startswith", "strip", "title", "upper", "codepoints", "elem_ords", "istitle"
  };
  private static final String[] BINARY = {
    "+", "-", "*", "/", "//", "%", "&", "|", "^", "<<", ">>", "==", "!=", "<", ">", "<=", ">=", "in",
    "not in", "and", "or"
  };
  private static final String[] LEAVES = {
    "0", "1", "-1", "7", "255", "1 << 70", "-(1 << 64)", "0.0", "-0.0", "2.5", "1e300", "float('nan')", "'a'",
    "''", "'héllo'", "'%s-%d'", "'{}{}'", "'{x}'", "b'\\x00\\xff'", "None", "True", "False", "[]", "[1, 2]",
    "{}", "{'k': 1}", "()", "(1, 'a')", "range(5)", "range(10, 0, -3)", "'a,b,,c'", "' x y '", "set([1, 2])",
    "'é'.codepoints()", "[[1], [2]]", "{1: [2]}", "lambda: 1", "len", "'ab'.upper"
  };
  private static final String[] TOKENS = {
    "def", "if", "elif", "else", "for", "in", "while", "return", "break", "continue", "pass", "lambda", "and",
    "or", "not", "load", "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "+=", "-=", "*=", "|=", "==", "!=",
    "<", ">", "+", "-", "*", "**", "/", "//", "%", "~", "&", "|", "^", "<<", ">>", ";", "\n", "\n    ",
    "\n        ", "\\\n", "x", "y", "f", "len", "range", "None", "True", "0", "1", "0x1F", "0o7", "1.5",
    "1e10", "'s'", "\"é\"", "'''t'''", "b'b'", "r'\\d'", "#c\n", "\t", " "
  };
  private static final String CHARS = "()[]{}:,.=+-*/%<>!&|^~\"'\\# \n\t_abcxyz019éλ😀";

  /** Values for the predeclared names; execution converts and freezes them, so all runs can share them. */
  private static final Map<String, Object> PREDECLARED = predeclared();

  private final Random rnd = new Random(SEED);
  private final List<String> failures = new ArrayList<>();
  private long runs;
  private long slowest;

  @Test
  void onlyStarlarkExceptionsEscapeAndNothingHangs() throws Exception {
    List<String> files = corpus();
    List<String> lines = new ArrayList<>();
    for (String f : files) {
      lines.addAll(List.of(f.split("\n")));
    }
    long start = System.nanoTime();
    phase("mutated windows", 45_000, () -> run(mutateWindow(files.get(rnd.nextInt(files.size())), lines)));
    phase("generated programs", 25_000, () -> run(program()));
    phase("token soup", 20_000, () -> run(tokenSoup()));
    phase("random characters", 12_000, () -> run(randomChars()));
    phase("deep nesting", 500, () -> run(deepNesting()));
    int[] next = {0};
    phase("whole files", files.size(), () -> run(files.get(next[0]++ % files.size())));
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("fuzz: %d inputs in %d ms, slowest %d ms%n", runs, elapsedMs, slowest / 1_000_000);

    assertThat(failures).isEmpty();
    assertThat(runs).isGreaterThanOrEqualTo(100_000L * SCALE);
    assertThat(slowest).isLessThan(Duration.ofSeconds(3).toNanos());
  }

  private void phase(String name, int count, Runnable input) {
    long t0 = System.nanoTime();
    for (int i = 0; i < count * SCALE; i++) {
      input.run();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("fuzz: %-18s %7d inputs in %5d ms%n", name, count * SCALE, ms);
  }

  private static List<String> corpus() throws IOException {
    Path dir;
    try {
      dir = Path.of(StarlarkFuzzTest.class.getResource("/starlark").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".star"))
          .sorted()
          .map(
              p -> {
                try {
                  return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  private static Map<String, Object> predeclared() {
    Map<String, Object> m = new LinkedHashMap<>(StarlarkAssert.predeclared((pos, msg) -> {}));
    m.put("x", 1L);
    m.put("y", 2.5);
    m.put("z", Starlark.NONE);
    m.put("s", "héllo, world");
    m.put("l", List.of(1L, 2L, 3L));
    m.put("d", Map.of("a", 1L, "b", List.of(2L)));
    m.put("t", List.of("a", 1L));
    m.put("n", java.math.BigInteger.ONE.shiftLeft(70));
    m.put("e", StructValue.of("entry", Map.of("name", "disk0", "capacity", 1L << 40)));
    m.put("b", new byte[] {0, 1, (byte) 0xff});
    return m;
  }

  private void run(String src) {
    runs++;
    StarlarkOptions options = rnd.nextBoolean() ? StarlarkOptions.ALL : StarlarkOptions.DEFAULT;
    Map<String, Object> pre = PREDECLARED;
    long t0 = System.nanoTime();
    try {
      StarlarkProgram p = Starlark.compile("fuzz.star", src, pre.keySet(), options);
      StarlarkThread th = new StarlarkThread("fuzz", LIMITS);
      StarlarkModule m = p.execute(th, pre);
      for (Object g : m.globals().values()) {
        if (g instanceof StarlarkFunction && ((StarlarkFunction) g).positionalParameterCount() == 0) {
          th.call(g, List.of(), Map.of());
        }
        Starlark.repr(g);
      }
    } catch (StarlarkException e) {
      if (e.getMessage() == null || e.backtrace().isEmpty()) {
        failures.add("StarlarkException without message for:\n" + src);
      } else if (e.errorMessage().startsWith("internal error: ")) {
        failures.add(e.backtrace() + "\n" + e.getCause() + " for:\n" + src);
      }
    } catch (IllegalArgumentException e) {
      if (!String.valueOf(e.getMessage()).contains("nested too deeply")
          && !String.valueOf(e.getMessage()).contains("string too large")) {
        failures.add(e + " for:\n" + src);
      }
    } catch (Throwable e) {
      if (failures.size() < 20) {
        java.io.StringWriter sw = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(sw));
        failures.add(sw.toString().lines().limit(12).reduce("", (a, b) -> a + b + "\n") + " for:\n" + src);
      }
    }
    slowest = Math.max(slowest, System.nanoTime() - t0);
  }

  // ---- mutations of conformance files

  private String mutateWindow(String file, List<String> allLines) {
    String[] lines = file.split("\n");
    int from = rnd.nextInt(lines.length);
    int len = 1 + rnd.nextInt(12);
    List<String> window = new ArrayList<>();
    for (int i = from; i < Math.min(lines.length, from + len); i++) {
      window.add(lines[i]);
    }
    int indent = Integer.MAX_VALUE;
    for (String l : window) {
      if (!l.isBlank()) {
        indent = Math.min(indent, l.length() - l.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String l : window) {
      out.add(l.isBlank() || indent == Integer.MAX_VALUE ? l : l.substring(Math.min(indent, l.length())));
    }
    if (rnd.nextInt(3) == 0) {
      List<String> wrapped = new ArrayList<>();
      wrapped.add("def f():");
      for (String l : out) {
        wrapped.add("    " + l);
      }
      out = wrapped;
    }
    int edits = rnd.nextInt(4);
    for (int k = 0; k < edits && !out.isEmpty(); k++) {
      int at = rnd.nextInt(out.size());
      switch (rnd.nextInt(6)) {
        case 0:
          out.remove(at);
          break;
        case 1:
          out.add(at, out.get(rnd.nextInt(out.size())));
          break;
        case 2:
          out.add(at, allLines.get(rnd.nextInt(allLines.size())).strip());
          break;
        default:
          out.set(at, mutateChars(out.get(at)));
          break;
      }
    }
    return String.join("\n", out) + (rnd.nextBoolean() ? "\n" : "");
  }

  private String mutateChars(String line) {
    StringBuilder sb = new StringBuilder(line);
    int edits = 1 + rnd.nextInt(3);
    for (int k = 0; k < edits; k++) {
      int at = sb.length() == 0 ? 0 : rnd.nextInt(sb.length() + 1);
      char c = CHARS.charAt(rnd.nextInt(CHARS.length()));
      switch (rnd.nextInt(3)) {
        case 0:
          if (at < sb.length()) {
            sb.deleteCharAt(at);
          }
          break;
        case 1:
          sb.insert(at, c);
          break;
        default:
          if (at < sb.length()) {
            sb.setCharAt(at, c);
          }
          break;
      }
    }
    return sb.toString();
  }

  // ---- generated programs that mostly parse, to exercise the evaluator

  private String program() {
    StringBuilder sb = new StringBuilder();
    int defs = 1 + rnd.nextInt(3);
    for (int i = 0; i < defs; i++) {
      sb.append("def f").append(i).append("():\n");
      statements(sb, "    ", 2);
    }
    for (int i = 0; i < defs; i++) {
      sb.append("r").append(i).append(" = f").append(i).append("()\n");
    }
    return sb.toString();
  }

  private void statements(StringBuilder sb, String indent, int depth) {
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      String v = "v" + rnd.nextInt(3);
      sb.append(indent);
      switch (rnd.nextInt(depth > 0 ? 10 : 6)) {
        case 0:
          sb.append(v).append(" = ").append(expr(3)).append('\n');
          break;
        case 1:
          sb.append(v).append(" = ").append(expr(2)).append('\n');
          sb.append(indent).append(v).append(' ').append(pick(BINARY).length() < 3 ? "+" : "|")
              .append("= ").append(expr(2)).append('\n');
          break;
        case 2:
          sb.append(expr(3)).append('\n');
          break;
        case 3:
          sb.append("return ").append(expr(3)).append('\n');
          break;
        case 4:
          sb.append(v).append(" = [").append(expr(1)).append(", ").append(expr(1)).append("]\n");
          sb.append(indent).append(v).append('[').append(expr(1)).append("] = ").append(expr(2)).append('\n');
          break;
        case 5:
          sb.append(v).append(", w = ").append(expr(2)).append('\n');
          break;
        case 6:
          sb.append("for ").append(v).append(" in ").append(expr(2)).append(":\n");
          statements(sb, indent + "    ", depth - 1);
          break;
        case 7:
          sb.append("if ").append(expr(2)).append(":\n");
          statements(sb, indent + "    ", depth - 1);
          sb.append(indent).append("else:\n");
          statements(sb, indent + "    ", depth - 1);
          break;
        case 8:
          sb.append("while ").append(expr(2)).append(":\n");
          sb.append(indent).append("    ").append("if ").append(expr(1)).append(":\n");
          sb.append(indent).append("        break\n");
          statements(sb, indent + "    ", depth - 1);
          break;
        default:
          sb.append("def g(a, b=").append(expr(1)).append(", *c, **k):\n");
          statements(sb, indent + "    ", depth - 1);
          sb.append(indent).append("g(").append(expr(1)).append(")\n");
          break;
      }
    }
  }

  private String pick(String[] a) {
    return a[rnd.nextInt(a.length)];
  }

  private String expr(int depth) {
    if (depth <= 0 || rnd.nextInt(4) == 0) {
      return rnd.nextBoolean() ? pick(NAMES) : pick(LEAVES);
    }
    int d = depth - 1;
    switch (rnd.nextInt(13)) {
      case 0:
      case 1:
        return "(" + expr(d) + " " + pick(BINARY) + " " + expr(d) + ")";
      case 2:
        return "(" + pick(new String[] {"-", "+", "~", "not "}) + expr(d) + ")";
      case 3:
        return pick(BUILTINS) + "(" + args(d) + ")";
      case 4:
        return expr(d) + "." + pick(METHODS) + "(" + args(d) + ")";
      case 5:
        return expr(d) + "[" + expr(d) + "]";
      case 6:
        String step = rnd.nextBoolean() ? ":" + optional(d) : "";
        return expr(d) + "[" + optional(d) + ":" + optional(d) + step + "]";
      case 7:
        return "[" + expr(d) + " for q in " + expr(d) + (rnd.nextBoolean() ? " if " + expr(d) : "") + "]";
      case 8:
        return "{" + expr(d) + ": " + expr(d) + " for q in " + expr(d) + "}";
      case 9:
        return "(lambda q, *r: " + expr(d) + ")(" + args(d) + ")";
      case 10:
        return "(" + expr(d) + " if " + expr(d) + " else " + expr(d) + ")";
      case 11:
        return pick(new String[] {"'%s'", "'%d %r'", "'%(a)s'", "'%x%c'", "'{} {}'", "'{0}{q}'"})
            + (rnd.nextBoolean() ? " % " + expr(d) : ".format(" + args(d) + ")");
      default:
        return "[" + expr(d) + ", " + expr(d) + "]" + (rnd.nextBoolean() ? " * " + rnd.nextInt(5) : "");
    }
  }

  private String optional(int depth) {
    return rnd.nextBoolean() ? "" : expr(depth);
  }

  private String args(int depth) {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(expr(depth));
    }
    if (rnd.nextInt(5) == 0) {
      sb.append(n > 0 ? ", " : "").append(pick(new String[] {"key", "reverse", "sep", "q"}))
          .append('=').append(expr(depth));
    }
    if (rnd.nextInt(8) == 0) {
      sb.append(sb.length() > 0 ? ", " : "").append("*").append(expr(depth));
    }
    return sb.toString();
  }

  // ---- unstructured input

  private String tokenSoup() {
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(40);
    for (int i = 0; i < n; i++) {
      sb.append(pick(TOKENS)).append(rnd.nextInt(3) == 0 ? "" : " ");
    }
    return sb.toString();
  }

  private String randomChars() {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(60);
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(10) == 0) {
        sb.append((char) rnd.nextInt(0x3000));
      } else {
        sb.append(CHARS.charAt(rnd.nextInt(CHARS.length())));
      }
    }
    return sb.toString();
  }

  private String deepNesting() {
    String[][] pairs = {
      {"(", ")"}, {"[", "]"}, {"{1: ", "}"}, {"-", ""}, {"not ", ""}, {"lambda: ", ""}, {"f(", ")"},
      {"[x for x in ", "]"}, {"1 if ", " else 2"}, {"x.y", ""}
    };
    int depth = 50 + rnd.nextInt(3000);
    StringBuilder open = new StringBuilder("z = ");
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      String[] p = pairs[rnd.nextInt(pairs.length)];
      open.append(p[0]);
      close.insert(0, p[1]);
    }
    return open + "1" + close + "\n";
  }
}
