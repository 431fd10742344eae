package io.migrationmanager.lang.starlark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.migrationmanager.domain.error.ValidationException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Static errors: the scanner, the parser and the resolver report the first problem with its position. */
class StarlarkSyntaxTest {

  private static StarlarkException compileError(String source, StarlarkOptions options) {
    StarlarkException e =
        catchThrowableOfType(
            StarlarkException.class,
            () -> Starlark.compile("t.star", source.replace("\\n", "\n"), Set.of("host_fn"), options));
    assertThat(e).as("expected a compile error for %s", source).isNotNull();
    assertThat(e).isInstanceOf(ValidationException.class);
    assertThat(e.isSyntaxError()).isTrue();
    assertThat(e.callStack()).isEmpty();
    return e;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "x = y                                   | t.star:1:5: undefined: y",
        "x = lenn([])                            | t.star:1:5: undefined: lenn (did you mean len?)",
        "def f():\\n  return g()                 | t.star:2:10: undefined: g",
        "x = [1 for y in z]                      | t.star:1:17: undefined: z",
        "x = 1\\nx = 2 | t.star:2:1: cannot reassign global x declared at t.star:1:1",
        "x = 1\\ndef x(): pass | t.star:2:5: cannot reassign global x declared at t.star:1:1",
        "x = 1\\nx += 1 | t.star:2:1: cannot reassign global x declared at t.star:1:1",
        "def f(a, a): pass                       | t.star:1:10: duplicate parameter: a",
        "f = 1\\nf(x=1, x=2)                     | t.star:2:8: keyword argument \"x\" is repeated",
        "return 1                                | t.star:1:1: return statement not within a function",
        "break                                   | t.star:1:1: break not in a loop",
        "def f():\\n  continue                   | t.star:2:3: continue not in a loop",
        "for x in []: pass                       | t.star:1:1: for loop not within a function",
        "if True: pass                           | t.star:1:1: if statement not within a function",
        "def f():\\n  while True: pass | t.star:2:3: this Starlark dialect does not support while loops",
        "load('a.star', 'x') | t.star:1:1: load statement not supported by this application",
        "def f():\\n  load('a.star', 'x')        | t.star:2:3: load statement within a function",
        "def f(a, b=1, c): pass                  | t.star:1:15: required parameter may not follow optional",
        "def f(*): pass | t.star:1:7: bare * must be followed by keyword-only parameters",
        "def f(*a, *b): pass                     | t.star:1:11: multiple * parameters not allowed",
        "def f(**k, a): pass                     | t.star:1:12: parameter may not follow **k",
        "host_fn(a=1, 2)                         | t.star:1:14: positional argument may not follow named",
        "host_fn(*[1], 2)                        | t.star:1:15: positional argument may not follow *args",
        "host_fn(**{}, *[])                      | t.star:1:15: *args may not follow **kwargs",
        "host_fn(*[], *[])                       | t.star:1:14: multiple *args not allowed",
        "host_fn(*[], c=3)                       | t.star:1:14: keyword argument c may not follow *args",
        "x = 1,                                  | t.star:1:6: unparenthesized tuple with trailing comma",
        "x = [2*x for x in 1, 2]                 | t.star:1:20: got ',', want ']', for, or if",
        "x = [x for x in lambda: 0]              | t.star:1:17: got 'lambda', want primary expression",
        "a < b < c                               | t.star:1:7: < does not associate with < (use parens)",
        "x = 1 if 2                              | t.star:1:7: conditional expression without else clause",
        "1 = 2                                   | t.star:1:1: can't assign to literal",
        "host_fn() = 1                           | t.star:1:8: can't assign to function call",
        "(a, b) += 1 | t.star:1:1: can't use tuple expression in augmented assignment",
        "x = 1 +                                 | t.star:1:8: got newline, want primary expression",
        "`  x = 1`                               | t.star:1:3: got indent, want primary expression",
        "def f():\\n    x = 1\\n  y = 2 | t.star:3:3: unindent does not match any outer indentation level",
        "x = (1,                                 | t.star:1:8: got end of file, want ')'",
        "x = \"abc                               | t.star:1:5: unexpected EOF in string",
        "x = \"a\\nb\"                           | t.star:1:5: unexpected newline in string",
        "x = $                                   | t.star:1:5: unexpected input character '$'",
        "x = 1e                                  | t.star:1:5: invalid float literal",
        "x = 0x                                  | t.star:1:5: invalid hex literal",
        "x = 0755                                | t.star:1:5: obsolete form of octal literal; use 0o755",
        "x = 08                                  | t.star:1:5: invalid int literal",
        "x = 1e400                               | t.star:1:5: floating-point literal too large: 1e400",
        "x = '\\q'                               | t.star:1:5: invalid escape sequence \\q",
        "x = '\\x80' | t.star:1:5: non-ASCII hex escape \\x80 (use \\u0080 for the UTF-8 encoding of U+0080)",
        "x = '\\400' | t.star:1:5: non-ASCII octal escape \\400 "
            + "(use \\u0100 for the UTF-8 encoding of U+0100)",
        "x = '\\ud800'                           | t.star:1:5: invalid Unicode code point U+D800",
        "x = b'\\400'                            | t.star:1:5: invalid escape sequence \\400",
      })
  void staticErrors(String source, String message) {
    assertThat(compileError(source, StarlarkOptions.DEFAULT).getMessage()).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "x = 1\\nx = 2",
        "for x in [1]: pass",
        "if True: pass",
        "def f():\\n  while False: pass",
        "def f(n):\\n  return f(n - 1) if n else 0\\nf(3)",
      })
  void dialectOptionsAllowMore(String source) {
    Starlark.compile("t.star", source.strip().replace("\\n", "\n"), Set.of(), StarlarkOptions.ALL);
  }

  @ParameterizedTest(name = "set enabled: {0}")
  @CsvSource({"true", "false"})
  void setIsADialectOption(boolean enabled) {
    String src = "s = set([1])";
    StarlarkOptions options = StarlarkOptions.DEFAULT.withSet(enabled);
    if (enabled) {
      Starlark.compile("t.star", src, Set.of(), options);
    } else {
      assertThat(compileError(src, options).getMessage()).isEqualTo("t.star:1:5: undefined: set");
    }
  }

  @ParameterizedTest(name = "nesting {0}")
  @CsvSource({"'('", "'['", "'{1: '", "'-'", "'not '", "'lambda: '"})
  void deepNestingIsASyntaxErrorNotAStackOverflow(String opener) {
    StringBuilder sb = new StringBuilder("x = ");
    for (int i = 0; i < 5000; i++) {
      sb.append(opener);
    }
    sb.append('1');
    StarlarkException e = compileError(sb.toString(), StarlarkOptions.DEFAULT);
    assertThat(e.errorMessage()).containsAnyOf("nested too deeply", "too complex");
  }

  @ParameterizedTest(name = "long chain of {0}")
  @CsvSource({"+", ".a", "[0]", "()"})
  void longLeftAssociativeChainsAreBounded(String link) {
    StringBuilder sb = new StringBuilder("x = host_fn");
    for (int i = 0; i < 5000; i++) {
      sb.append(link.equals("+") ? " + 1" : link);
    }
    assertThat(compileError(sb.toString(), StarlarkOptions.DEFAULT).errorMessage()).contains("too complex");
  }
}
