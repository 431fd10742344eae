package io.migrationmanager.lang.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The location alias of {@code GET /1.0/instances?include_expression=}. */
class LocationAliasTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Ubuntu 2404|location matches \"Ubuntu 2404\"",
        "/vc01/vm|location matches \"/vc01/vm\"",
        "CentOS9|location matches \"CentOS9\"",
        "(CentOS9)|location matches \"(CentOS9)\"",
        "2404|location matches \"2404\"",
        "Incus migrations/Cent OS|location matches \"Incus migrations/Cent OS\"",
        "say \"hi\"|location matches \"say \\\"hi\\\"\"",
        "C:\\dir|location matches \"C:\\\\dir\"",
        "vm-01|vm-01",
        "location matches 'foo'|location matches 'foo'",
        "source == 'esxi01'|source == 'esxi01'",
        "'abc'|'abc'",
        "1.5|1.5",
        "-1|-1",
        "foo > 1|foo > 1",
      })
  void rewritesWhatIsNotAnExpressionOfItsOwn(String expression, String rewritten) {
    assertThat(LocationAlias.rewrite(expression)).isEqualTo(rewritten);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Ubuntu 2404",
        "a\"b",
        "a\\b",
        "tab\there",
        "new\nline",
        "é ü 😀",
        "ctl\u0001x",
        "$ ^ [x]",
        "/vc01/vm/Incus migrations/"
      })
  void rewrittenExpressionMatchesTheTextLiterally(String text) {
    String rewritten = LocationAlias.rewrite(text);
    assertThat(rewritten).startsWith("location matches ");
    String literal = rewritten.substring("location matches ".length());
    assertThat(Expr.eval(literal, Map.of())).isEqualTo(text);
  }

  @org.junit.jupiter.api.Test
  void checksAgainstTheEnvironmentWithUndefinedVariablesAllowed() {
    Env env = Env.fromRecord(ExprFixtures.Instance.class);
    assertThat(LocationAlias.rewrite("cpus > 2", env)).isEqualTo("cpus > 2");
    assertThat(LocationAlias.rewrite("unknown > 2", env)).isEqualTo("unknown > 2");
    assertThat(LocationAlias.rewrite("cpus + 'a'", env))
        .isEqualTo("location matches \"cpus + 'a'\"");
    assertThat(LocationAlias.rewrite("location", env)).isEqualTo("location matches \"location\"");
  }

  @org.junit.jupiter.api.Test
  void rewrittenRegexStillHasToCompile() {
    String rewritten = LocationAlias.rewrite("(");
    assertThat(rewritten).isEqualTo("location matches \"(\"");
    assertThatThrownBy(() -> Expr.compile(rewritten, null))
        .hasMessageStartingWith("error parsing regexp: missing closing ): `(`");
  }
}
