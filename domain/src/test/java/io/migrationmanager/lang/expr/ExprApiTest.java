package io.migrationmanager.lang.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.migrationmanager.domain.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public API: compiling, running, environments, accessors, errors and the safety limits. */
class ExprApiTest {
  private static final Env INSTANCE_ENV = Env.fromRecord(ExprFixtures.Instance.class);

  private static List<String> selected(String expression) {
    Program program = Expr.compile(expression, INSTANCE_ENV);
    List<String> locations = new ArrayList<>();
    for (ExprFixtures.Instance instance : ExprFixtures.seedInstances()) {
      if (program.runBool(instance)) {
        locations.add(instance.location());
      }
    }
    return locations;
  }

  @Test
  void seedBatchesSelectTheDocumentedInstances() {
    assertThat(selected("location matches '/Incus migrations/' and source == 'vcenter01'"))
        .containsExactly(
            "/vc01/vm/Incus migrations/Ubuntu 2404",
            "/vc01/vm/Incus migrations/Debian Bookworm",
            "/vc01/vm/Incus migrations/Cent OS 9 UEFI");
    assertThat(selected("background_import"))
        .containsExactly(
            "/ha-datacenter/vm/Win2016",
            "/ha-datacenter/vm/SuseUEFI",
            "/vc01/vm/Incus migrations/Ubuntu 2404",
            "/vc01/vm/Incus migrations/Cent OS 9 UEFI",
            "/vc01/vm/other/CentOS9");
    assertThat(selected("background_import == false"))
        .containsExactly("/vc01/vm/Incus migrations/Debian Bookworm");
    assertThat(selected("source == 'esxi01'"))
        .containsExactly("/ha-datacenter/vm/Win2016", "/ha-datacenter/vm/SuseUEFI");
  }

  @Test
  void unbalancedSeedExpressionIsACompileErrorWithPosition() {
    String expression = "(location matches '/Incus migrations/' and source == 'vcenter01'";
    assertThatThrownBy(() -> Expr.compile(expression, INSTANCE_ENV))
        .isInstanceOfSatisfying(
            ExprException.class,
            e -> {
              assertThat(e.plainMessage()).isEqualTo("unexpected token EOF");
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(64);
              assertThat(e.getMessage())
                  .startsWith("unexpected token EOF (1:64)\n | (location matches");
            });
  }

  @Test
  void errorsCarryLineColumnAndCaretSnippet() {
    assertThatThrownBy(() -> Expr.compile("a == (", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("unexpected token EOF (1:6)\n | a == (\n | .....^");
    assertThatThrownBy(() -> Expr.compile("1 +\n\n2 +", null))
        .isInstanceOfSatisfying(
            ExprException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(3);
              assertThat(e.snippet()).isEqualTo("\n | 2 +\n | ..^");
              assertThat(e.httpStatus()).isEqualTo(400);
            });
    assertThatThrownBy(() -> Expr.compile("", null)).hasMessage("unexpected token EOF");
  }

  @Test
  void strictEnvironmentRejectsUnknownNamesAndLenientAcceptsThem() {
    assertThatThrownBy(() -> Expr.compile("foo == 1", INSTANCE_ENV))
        .hasMessage("unknown name foo (1:1)\n | foo == 1\n | ^");
    assertThat(Expr.compile("foo == 1", null).run(Map.of())).isEqualTo(false);
    assertThat(Expr.compile("foo == 1", INSTANCE_ENV.allowUndefined()).run(Map.of("foo", 1)))
        .isEqualTo(true);
    assertThat(INSTANCE_ENV.isStrict()).isTrue();
    assertThat(INSTANCE_ENV.allowUndefined().isStrict()).isFalse();
  }

  @Test
  void declaredTypesAreCheckedAtCompileTime() {
    Env env =
        Env.of(
            Map.of(
                "cpus",
                ExprType.INT,
                "tags",
                ExprType.arrayOf(ExprType.STRING),
                "config",
                ExprType.mapOf(ExprType.STRING)));
    assertThat(Expr.compile("cpus + 1", env).run(Map.of("cpus", 3))).isEqualTo(4L);
    assertThatThrownBy(() -> Expr.compile("cpus + 'a'", env))
        .hasMessageStartingWith("invalid operation: + (mismatched types int and string) (1:6)");
    assertThatThrownBy(() -> Expr.compile("tags[0] > 1", env))
        .hasMessageStartingWith("invalid operation: > (mismatched types string and int)");
    assertThat(Expr.compile("config.missing", env).run(Map.of("config", Map.of()))).isEqualTo("");
  }

  @Test
  void runBoolRequiresABoolean() {
    assertThat(Expr.compile("1 < 2", null).runBool(Map.of())).isTrue();
    assertThatThrownBy(() -> Expr.compile("1 + 1", null).runBool(Map.of()))
        .isInstanceOf(ExprException.class)
        .hasMessage("expected bool, but got int");
    assertThatThrownBy(() -> Expr.compile("nil", null).runBool(Map.of()))
        .hasMessage("expected bool, but got nil");
    assertThatThrownBy(() -> Expr.compile("'x'", null).runBool(Map.of()))
        .hasMessage("expected bool, but got string");
  }

  @Test
  void resultsUseJavaTypes() {
    assertThat(Expr.eval("[1, 2.5, 'a', true, nil, {k: 1}]", Map.of()))
        .isEqualTo(java.util.Arrays.asList(1L, 2.5, "a", true, null, Map.of("k", 1L)));
    assertThat(Expr.eval("7 / 2", Map.of())).isEqualTo(3.5);
    assertThat(Expr.eval("7 % 2", Map.of())).isEqualTo(1L);
  }

  /** A record with Java names, wire names and the value kinds the accessor converts. */
  record Machine(
      UUID id,
      @JsonProperty("display_name") String displayName,
      int cores,
      Short slots,
      Float load,
      double weight,
      Instant seen,
      State state,
      String[] labels,
      long[] sizes,
      List<Integer> counts,
      Map<String, Integer> limits) {}

  enum State {
    RUNNING("running"),
    STOPPED("stopped");

    private final String wire;

    State(String wire) {
      this.wire = wire;
    }

    @JsonValue
    String wire() {
      return wire;
    }
  }

  private static Machine machine() {
    return new Machine(
        UUID.fromString("52cfcb6b-20ee-add3-adc9-68c63ca9adfd"),
        "web 1",
        4,
        (short) 2,
        0.5f,
        1.25,
        Instant.parse("2025-11-18T23:47:23.992054737Z"),
        State.RUNNING,
        new String[] {"a", "b"},
        new long[] {10, 20},
        List.of(1, 2, 3),
        Map.of("cpu", 8));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "id == '52cfcb6b-20ee-add3-adc9-68c63ca9adfd'",
        "id startsWith '52cf' and len(id) == 36 and type(id) == 'string'",
        "display_name == 'web 1' and displayName == display_name",
        "cores == 4 and type(cores) == 'int' and cores * 2 == 8",
        "slots == 2 and type(slots) == 'int'",
        "load == 0.5 and type(load) == 'float' and weight / 0.25 == 5",
        "seen == seen and !(seen < seen) and string(seen) == '2025-11-18 23:47:23.992054737 +0000"
            + " UTC'",
        "type(seen) == 'time.Time' and toJSON(seen) == '\"2025-11-18T23:47:23.992054737Z\"'",
        "state == 'running' and state in ['running', 'paused']",
        "labels == ['a', 'b'] and join(labels, '+') == 'a+b'",
        "sum(sizes) == 30 and sizes[-1] == 20",
        "counts == [1, 2, 3] and all(counts, # > 0)",
        "limits.cpu == 8 and limits['cpu'] + 1 == 9 and 'cpu' in limits",
        "'cores' in $env and 'display_name' in $env and !('nope' in $env)",
      })
  void recordsExposeComponentsAndWireNamesWithConvertedValues(String expression) {
    Env env = Env.fromRecord(Machine.class);
    assertThat(env.variables()).containsKeys("id", "displayName", "display_name", "cores");
    assertThat(Expr.compile(expression, env).runBool(machine())).isTrue();
    assertThat(Expr.compile(expression, null).runBool(machine())).isTrue();
  }

  /** A record whose components were left null. */
  record Sparse(
      String name,
      UUID id,
      Integer count,
      Boolean flag,
      List<String> items,
      Map<String, String> config,
      Instant when,
      Sparse parent) {}

  @Test
  void nullComponentsReadAsGoZeroValues() {
    Sparse sparse = new Sparse(null, null, null, null, null, null, null, null);
    Program program =
        Expr.compile(
            "name == '' && id == '00000000-0000-0000-0000-000000000000' && count == 0 && flag =="
                + " false && items == [] && len(config) == 0 && when == nil && parent == nil",
            Env.fromRecord(Sparse.class));
    assertThat(program.runBool(sparse)).isTrue();
    assertThatThrownBy(() -> Expr.compile("parent.name", Env.fromRecord(Sparse.class)).run(sparse))
        .hasMessageStartingWith("cannot fetch name from <nil> (1:8)");
  }

  /** A plain class exposed through a custom accessor. */
  static final class Pojo {
    private final String label;

    Pojo(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  @Test
  void customAccessorsExposeOtherClasses() {
    ObjectAccessor pojos =
        new ObjectAccessor() {
          @Override
          public boolean supports(Class<?> type) {
            return type == Pojo.class;
          }

          @Override
          public FieldReader reader(Class<?> type, String field) {
            return field.equals("label") ? target -> ((Pojo) target).label() : null;
          }

          @Override
          public List<String> fieldNames(Class<?> type) {
            return List.of("label");
          }
        };
    ObjectAccessor accessor = ObjectAccessor.records().orElse(pojos);
    Program program =
        Expr.compile("label + '!' == 'hi!' and toJSON(item) contains 'hi'", null, accessor);
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("label", "hi");
    env.put("item", new Pojo("hi"));
    assertThat(program.runBool(env)).isTrue();
    assertThat(Expr.compile("label", null, accessor).run(new Pojo("x"))).isEqualTo("x");
    assertThatThrownBy(() -> Expr.compile("missing", null, accessor).run(new Pojo("x")))
        .hasMessageStartingWith("cannot fetch missing from expr.Pojo");
  }

  @Test
  void programsAreThreadSafe() throws Exception {
    Program program =
        Expr.compile(
            "let big = filter(disks, .capacity > 30 * 1024 * 1024 * 1024); "
                + "source + ':' + string(len(big)) + ':' + join(map(big, .name), ',')",
            INSTANCE_ENV);
    List<ExprFixtures.Instance> instances = ExprFixtures.seedInstances();
    List<Object> expected = new ArrayList<>();
    for (ExprFixtures.Instance instance : instances) {
      expected.add(program.run(instance));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Object>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(
            pool.submit(
                () -> {
                  List<Object> results = new ArrayList<>();
                  for (int round = 0; round < 500; round++) {
                    results.clear();
                    for (ExprFixtures.Instance instance : instances) {
                      results.add(program.run(instance));
                    }
                  }
                  return results;
                }));
      }
      for (Future<List<Object>> future : futures) {
        assertThat(future.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tagFunctionsUseTheDocumentedMeaning() {
    Map<String, Object> env =
        Map.of("config", Map.of("tag.env", "prod, web", "tag.team", "db-admins", "other", "prod"));
    assertThat(Expr.eval("has_tag('env', 'web')", env)).isEqualTo(true);
    assertThat(Expr.eval("has_tag('env', 'we')", env)).isEqualTo(false);
    assertThat(Expr.eval("matches_tag('env', 'we')", env)).isEqualTo(true);
    assertThat(Expr.eval("has_tag('team', 'db')", env)).isEqualTo(false);
    assertThat(Expr.eval("matches_tag('team', 'db')", env)).isEqualTo(true);
    assertThat(Expr.eval("has_tag('*', 'db-admins')", env)).isEqualTo(true);
    assertThat(Expr.eval("has_tag('*', 'prod, web')", env)).isEqualTo(false);
    assertThat(Expr.eval("matches_tag('*', 'admin')", env)).isEqualTo(true);
    assertThat(Expr.eval("has_tag('other', 'prod')", env)).isEqualTo(false);
    assertThat(Expr.eval("has_tag('env', 'prod')", Map.of())).isEqualTo(false);
  }

  @Test
  void pathFunctionsFollowGoPath() {
    assertThat(Expr.eval("path_base('/vc01/vm/Incus migrations/Ubuntu 2404')", Map.of()))
        .isEqualTo("Ubuntu 2404");
    assertThat(Expr.eval("path_dir('/vc01/vm/Incus migrations/Ubuntu 2404')", Map.of()))
        .isEqualTo("/vc01/vm/Incus migrations");
    assertThat(
            Expr.eval(
                "[path_base(''), path_base('/'), path_dir('x'), path_dir('/a/../b/c')]", Map.of()))
        .isEqualTo(List.of(".", "/", ".", "/b"));
  }

  @Test
  void dateFunctionsAreNotSupported() {
    assertThatThrownBy(() -> Expr.compile("now()", null))
        .hasMessageStartingWith("builtin now is not supported (1:1)");
    assertThatThrownBy(() -> Expr.compile("duration('1h')", null))
        .hasMessageStartingWith("builtin duration is not supported");
  }

  @Test
  void nestingAndSizeAreBounded() {
    assertThat(Expr.eval("(".repeat(200) + "1" + ")".repeat(200), Map.of())).isEqualTo(1L);
    assertThatThrownBy(() -> Expr.compile("(".repeat(300) + "1" + ")".repeat(300), null))
        .hasMessageContaining("expression is nested too deeply (more than 256 levels)");
    assertThatThrownBy(() -> Expr.compile("[".repeat(5000) + "]".repeat(5000), null))
        .isInstanceOf(ExprException.class);
    assertThat(Expr.eval("1" + " + 1".repeat(900), Map.of())).isEqualTo(901L);
    assertThatThrownBy(() -> Expr.compile("1" + " + 1".repeat(1000), null))
        .hasMessageContaining("expression is too deep (more than 1000 levels)");
    assertThatThrownBy(() -> Expr.compile("[" + "1, ".repeat(10_001) + "]", null))
        .hasMessageContaining("compilation failed: expression exceeds maximum allowed nodes");
  }

  @Test
  void evaluationIsBounded() {
    assertThatThrownBy(() -> Expr.eval("1..1000000", Map.of()))
        .hasMessageStartingWith("memory budget exceeded (1:2)");
    assertThatThrownBy(() -> Expr.eval("repeat('x', 2000000)", Map.of()))
        .hasMessageStartingWith("memory budget exceeded");
    assertThatThrownBy(() -> Expr.eval("len(reduce(1..30, #acc + #acc, 'x'))", Map.of()))
        .hasMessageStartingWith("memory budget exceeded");
    assertThatThrownBy(() -> Expr.eval("let r = 1..999; all(r, all(r, all(r, true)))", Map.of()))
        .hasMessageStartingWith("evaluation exceeds the step budget");
    assertThatThrownBy(() -> Expr.eval("let r = 1..99999; len(uniq(r))", Map.of()))
        .hasMessageStartingWith("evaluation exceeds the step budget");
    assertThatThrownBy(() -> Expr.eval("let d = reduce(1..5000, [#acc], []); toJSON(d)", Map.of()))
        .isInstanceOf(ExprException.class);
    assertThatThrownBy(() -> Expr.eval("let d = reduce(1..5000, [#acc], []); d == d", Map.of()))
        .hasMessageStartingWith("recursion depth exceeded");
  }

  @Test
  void regexErrorsAreExprExceptions() {
    assertThatThrownBy(() -> Expr.compile("'a' matches '('", null))
        .hasMessageStartingWith("error parsing regexp: missing closing ): `(` (1:5)");
    assertThatThrownBy(() -> Expr.eval("'a' matches p", Map.of("p", "[")))
        .hasMessageStartingWith("error parsing regexp: missing closing ]: `[` (1:5)");
  }
}
