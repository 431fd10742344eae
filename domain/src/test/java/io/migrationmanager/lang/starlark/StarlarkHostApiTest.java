package io.migrationmanager.lang.starlark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import io.migrationmanager.domain.error.ValidationException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedding API the placement layer uses: compile, execute, call, Java objects, errors, limits. */
class StarlarkHostApiTest {

  enum Kind {
    @JsonProperty("virtual-machine")
    VM,
    CONTAINER
  }

  record Disk(
      @JsonProperty("name") String name,
      @JsonProperty("capacity") long capacity,
      @JsonProperty("supported") boolean supported) {}

  record Location(@JsonProperty("site") String site, @JsonProperty("rack") int rack) {}

  record Secret(@JsonValue String masked) {}

  record Properties(
      @JsonProperty("os_version") String osVersion,
      @JsonProperty("disks") List<Disk> disks,
      @JsonProperty("config") Map<String, String> config) {}

  record Instance(
      @JsonProperty("name") String name,
      @JsonProperty("uuid") UUID uuid,
      @JsonProperty("kind") Kind kind,
      @JsonProperty("last_update") Instant lastUpdate,
      @JsonProperty("interval") Duration interval,
      @JsonProperty("secret") Secret secret,
      @JsonIgnore String internal,
      @JsonUnwrapped Location location,
      @JsonProperty("properties") Properties properties) {}

  private static final UUID ID = UUID.fromString("3f0c7c9e-5d0e-4a59-9a0e-0d2f4c1b2a11");

  private static Instance instance(String os, long... diskSizes) {
    List<Disk> disks = new ArrayList<>();
    for (int i = 0; i < diskSizes.length; i++) {
      disks.add(new Disk("disk" + i, diskSizes[i], true));
    }
    return new Instance(
        "vm1",
        ID,
        Kind.VM,
        Instant.parse("2025-01-02T03:04:05Z"),
        Duration.ofSeconds(2),
        new Secret("***"),
        "hidden",
        new Location("par1", 7),
        new Properties(os, disks, Map.of("tag.env", "prod")));
  }

  /** Runs {@code expr} with {@code x} bound to {@code value}, returning the Starlark result. */
  private static Object eval(String expr, Object value) {
    StarlarkProgram p = Starlark.compile("expr.star", "def f(x):\n  return " + expr + "\n", Set.of());
    StarlarkThread th = new StarlarkThread("t");
    StarlarkModule m = p.execute(th, Map.of());
    return th.call(m.get("f"), List.of(value), Map.of());
  }

  @Test
  void placementScriptletsRunAgainstRecordsAndRecordIntoJava() {
    String src =
        "def placement(instance, batch):\n"
            + "    if instance.properties.os_version.startswith(\"CentOS\"):\n"
            + "        set_target(\"incus02\")\n"
            + "    for disk in instance.properties.disks:\n"
            + "        if disk.capacity >= (1024 * 1024 * 1024 * 100):\n"
            + "            set_pool(disk.name, 'pool02')\n";
    StarlarkProgram program = Starlark.compile("placement.star", src, Set.of("set_target", "set_pool"));
    Map<String, String> pools = new LinkedHashMap<>();
    List<String> targets = new ArrayList<>();
    Map<String, Object> builtins = new LinkedHashMap<>();
    builtins.put("set_target", (BuiltinFunction) (th, args) -> {
      Object[] a = args.unpack("set_target", "target_name");
      targets.add(Arguments.string("set_target", "target_name", a[0]));
      return null;
    });
    builtins.put("set_pool", (BuiltinFunction) (th, args) -> {
      Object[] a = args.unpack("set_pool", "disk_name", "pool_name");
      pools.put((String) Starlark.toJava(a[0]), (String) Starlark.toJava(a[1]));
      return null;
    });
    StarlarkThread thread = new StarlarkThread("placement");
    StarlarkModule module = program.execute(thread, builtins);
    StarlarkFunction placement = module.function("placement");
    assertThat(placement.parameterNames()).containsExactly("instance", "batch");

    long gib = 1024L * 1024 * 1024;
    Object result =
        thread.call(
            placement,
            List.of(),
            Map.of(
                "instance",
                instance("CentOS 7", 10 * gib, 200 * gib),
                "batch",
                StructValue.of("batch", Map.of())));
    assertThat(result).isSameAs(Starlark.NONE);
    assertThat(targets).containsExactly("incus02");
    assertThat(pools).containsExactly(Map.entry("disk1", "pool02"));
  }

  @Test
  void recordsBecomeReadOnlyAttributeObjectsNamedByJsonProperty() {
    Instance vm = instance("Ubuntu", 1, 2);
    assertThat(eval("x.name", vm)).isEqualTo(StarlarkString.of("vm1"));
    assertThat(eval("x.uuid", vm)).isEqualTo(StarlarkString.of(ID.toString()));
    assertThat(eval("x.kind", vm)).isEqualTo(StarlarkString.of("virtual-machine"));
    assertThat(eval("x.last_update", vm)).isEqualTo(StarlarkString.of("2025-01-02T03:04:05Z"));
    assertThat(eval("x.interval", vm)).isEqualTo(2_000_000_000L);
    assertThat(eval("x.secret", vm)).isEqualTo(StarlarkString.of("***"));
    assertThat(eval("x.site + str(x.rack)", vm)).isEqualTo(StarlarkString.of("par17"));
    assertThat(eval("x.properties.config['tag.env']", vm)).isEqualTo(StarlarkString.of("prod"));
    assertThat(eval("[d.capacity for d in x.properties.disks]", vm).toString()).isEqualTo("[1, 2]");
    assertThat(eval("type(x)", vm)).isEqualTo(StarlarkString.of("Instance"));
    assertThat(eval("hasattr(x, 'internal')", vm)).isEqualTo(false);
    assertThat(Starlark.toJava(eval("dir(x)", vm)))
        .isEqualTo(
            List.of(
                "interval", "kind", "last_update", "name", "properties", "rack", "secret", "site", "uuid"));
    assertThat(Starlark.toJava(eval("x", vm))).isSameAs(vm);

    assertThatThrownBy(() -> eval("x.os_versoin", vm.properties()))
        .isInstanceOf(StarlarkException.class)
        .hasMessage(
            "expr.star:2:11: Invalid field \"os_versoin\" of Properties (did you mean \"os_version\"?)");
    assertThatThrownBy(() -> eval("x.properties.disks.append(1)", vm))
        .hasMessageContaining("cannot append to frozen list");
    assertThatThrownBy(() -> eval("x.properties.config.clear()", vm))
        .hasMessageContaining("cannot clear frozen hash table");
  }

  @Test
  void assigningToAnAttributeFails() {
    StarlarkProgram p =
        Starlark.compile("a.star", "def f(x):\n  x.name = 'other'\n", Set.of());
    StarlarkThread th = new StarlarkThread("t");
    StarlarkModule m = p.execute(th, Map.of());
    assertThatThrownBy(() -> th.call(m.get("f"), List.of(instance("x")), Map.of()))
        .hasMessage("a.star:2:4: can't assign to .name field of Instance");
  }

  @Test
  void structValuesCarryAliasesNextToTheRecordFields() {
    Instance vm = instance("Debian 12", 5);
    Map<String, Object> fields = new LinkedHashMap<>(Starlark.attributesOf(vm.properties()));
    fields.put("properties", vm.properties());
    fields.put("os_description", vm.properties().osVersion());
    StructValue s = StructValue.of("instance", fields);
    assertThat(eval("(x.os_version, x.os_description, x.properties.os_version)", s).toString())
        .isEqualTo("(\"Debian 12\", \"Debian 12\", \"Debian 12\")");
    assertThat(eval("type(x)", s)).isEqualTo(StarlarkString.of("instance"));
    assertThat(s.toString())
        .startsWith("instance(os_version = \"Debian 12\", disks = [Disk(name = \"disk0\"");
    assertThatThrownBy(() -> eval("x.nope", s))
        .hasMessageEndingWith("Invalid field \"nope\" of instance");
    assertThat(eval("x == x", s)).isEqualTo(true);
  }

  @Test
  void javaValuesConvertBothWays() {
    assertThat(Starlark.fromJava(null)).isSameAs(Starlark.NONE);
    assertThat(Starlark.fromJava(3)).isEqualTo(3L);
    assertThat(Starlark.fromJava(2.5f)).isEqualTo(2.5);
    assertThat(Starlark.fromJava("é")).isEqualTo(StarlarkString.of("é"));
    assertThat(((StarlarkString) Starlark.fromJava("é")).length()).isEqualTo(2);
    assertThat(Starlark.fromJava(BigInteger.ONE.shiftLeft(80))).isEqualTo(BigInteger.ONE.shiftLeft(80));
    assertThat(Starlark.fromJava(new byte[] {1, 2})).isInstanceOf(StarlarkBytes.class);
    assertThat(Starlark.type(Starlark.fromJava(Map.of("a", 1)))).isEqualTo("dict");
    assertThat(Starlark.type(Starlark.fromJava(Set.of(1)))).isEqualTo("list");
    assertThat(Starlark.type(Starlark.fromJava(new int[] {1}))).isEqualTo("list");
    assertThatThrownBy(() -> Starlark.fromJava(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot convert Java value of type java.lang.Object");

    Object v = eval("[None, True, 1, 1 << 70, 1.5, 'é', b'\\x01', (1,), {'k': [2]}, set([3])]", 0);
    List<?> list = (List<?>) Starlark.toJava(v);
    assertThat(list.get(0)).isNull();
    assertThat(list.get(5)).isEqualTo("é");
    assertThat(list.subList(1, 6)).isEqualTo(List.of(true, 1L, BigInteger.ONE.shiftLeft(70), 1.5, "é"));
    assertThat((byte[]) list.get(6)).containsExactly(1);
    assertThat(list.get(7)).isEqualTo(List.of(1L));
    assertThat(list.get(8)).isEqualTo(Map.of("k", List.of(2L)));
    assertThat(list.get(9)).isEqualTo(Set.of(3L));
    assertThat(Starlark.repr(v)).isEqualTo(
        "[None, True, 1, 1180591620717411303424, 1.5, \"é\", b\"\\x01\", (1,), {\"k\": [2]}, set([3])]");
    assertThat(Starlark.str(StarlarkString.of("é"))).isEqualTo("é");
  }

  @Test
  void builtinArgumentsAreCheckedAndHostErrorsBecomeStarlarkErrors() {
    String src = "def f():\n  set_target('')\n\ndef g():\n  set_target(1, 2)\n\ndef h():\n  set_vlan('x')\n";
    StarlarkProgram p = Starlark.compile("b.star", src, Set.of("set_target", "set_vlan"));
    StarlarkThread th = new StarlarkThread("t");
    BuiltinFunction setTarget =
        (thread, args) -> {
          Object arg = args.unpack("set_target", "target_name")[0];
          String name = Arguments.string("set_target", "target_name", arg);
          if (name.isEmpty()) {
            throw new ValidationException("Target name is empty");
          }
          return null;
        };
    StarlarkModule m = p.execute(th, Map.of("set_target", setTarget));
    StarlarkException e = catchStarlark(() -> th.call(m.get("f"), List.of(), Map.of()));
    assertThat(e.errorMessage()).isEqualTo("Target name is empty");
    assertThat(e.builtin()).isEqualTo("set_target");
    assertThat(e.getCause()).isInstanceOf(ValidationException.class);
    assertThat(e.backtrace())
        .isEqualTo(
            "Traceback (most recent call last):\n"
                + "  b.star:2:13: in f\n"
                + "Error in set_target: Target name is empty");
    assertThat(catchStarlark(() -> th.call(m.get("g"), List.of(), Map.of())).errorMessage())
        .isEqualTo("set_target: got 2 arguments, want 1");
    assertThat(catchStarlark(() -> th.call(m.get("h"), List.of(), Map.of())).getMessage())
        .isEqualTo("b.star:8:3: set_vlan is declared but not available at run time");
  }

  @Test
  void runtimeErrorsCarryPositionAndTraceback() {
    String src =
        "def inner(x):\n"
            + "    return x[3]\n"
            + "\n"
            + "def outer():\n"
            + "    return inner([1, 2])\n"
            + "\n"
            + "def failing():\n"
            + "    fail('oops', 42)\n";
    StarlarkProgram p = Starlark.compile("tb.star", src, Set.of());
    StarlarkThread th = new StarlarkThread("t");
    StarlarkModule m = p.execute(th, Map.of());
    StarlarkException e = catchStarlark(() -> th.call(m.get("outer"), List.of(), Map.of()));
    assertThat(e).isInstanceOf(ValidationException.class);
    assertThat(e.kind()).isEqualTo(StarlarkException.Kind.RUNTIME);
    assertThat(e.getMessage()).isEqualTo("tb.star:2:13: list index 3 out of range [-2:1]");
    assertThat(e.position().line()).isEqualTo(2);
    assertThat(e.backtrace())
        .isEqualTo(
            "Traceback (most recent call last):\n"
                + "  tb.star:5:17: in outer\n"
                + "  tb.star:2:13: in inner\n"
                + "Error: list index 3 out of range [-2:1]");
    StarlarkException f = catchStarlark(() -> th.call(m.get("failing"), List.of(), Map.of()));
    assertThat(f.errorMessage()).isEqualTo("fail: oops 42");
    assertThat(f.backtrace()).endsWith("  tb.star:8:9: in failing\nError in fail: fail: oops 42");

    StarlarkException top =
        catchStarlark(
            () -> Starlark.compile("top.star", "x = 1\ny = x + 'a'\n", Set.of()).execute(th, Map.of()));
    assertThat(top.backtrace())
        .isEqualTo(
            "Traceback (most recent call last):\n"
                + "  top.star:2:7: in <toplevel>\n"
                + "Error: unknown binary op: int + string");
  }

  @Test
  void globalsAreFrozenAfterExecution() {
    StarlarkProgram p =
        Starlark.compile(
            "g.star", "items = [1]\nconfig = {'a': 1}\ndef add(x):\n  items.append(x)\n", Set.of());
    StarlarkThread th = new StarlarkThread("t");
    StarlarkModule m = p.execute(th, Map.of());
    assertThat(m.globals().keySet()).containsExactly("items", "config", "add");
    assertThat(((StarlarkList) m.get("items")).isFrozen()).isTrue();
    assertThat(((StarlarkDict) m.get("config")).isFrozen()).isTrue();
    assertThat(catchStarlark(() -> th.call(m.get("add"), List.of(2), Map.of())).errorMessage())
        .isEqualTo("append: cannot append to frozen list");
    assertThat(p.globalNames()).containsExactly("items", "config", "add");
    assertThat(m.function("items")).isNull();
  }

  @Test
  void programsAndModulesAreSharedAcrossThreads() throws Exception {
    StarlarkProgram p =
        Starlark.compile(
            "c.star",
            "def f(n):\n  return sum_to(n)\n\n"
                + "def sum_to(n):\n  t = 0\n  for i in range(n + 1):\n    t += i\n  return t\n",
            Set.of());
    StarlarkModule m = p.execute(new StarlarkThread("init"), Map.of());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        long n = i * 100;
        results.add(pool.submit(() -> new StarlarkThread("w").call(m.get("f"), List.of(n), Map.of())));
      }
      for (int i = 0; i < 32; i++) {
        long n = i * 100;
        assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(n * (n + 1) / 2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void stepBudgetAppliesPerOutermostCall() {
    StarlarkProgram p =
        Starlark.compile("s.star", "def f(n):\n  for i in range(n):\n    pass\n", Set.of());
    StarlarkThread th = new StarlarkThread("t", StarlarkLimits.DEFAULT.withMaxSteps(10_000));
    StarlarkModule m = p.execute(th, Map.of());
    for (int i = 0; i < 5; i++) {
      th.call(m.get("f"), List.of(4000), Map.of());
    }
    assertThat(th.steps()).isBetween(4000L, 10_000L);
    StarlarkException e = catchStarlark(() -> th.call(m.get("f"), List.of(20_000), Map.of()));
    assertThat(e.isCancelled()).isTrue();
    assertThat(e.errorMessage()).isEqualTo("Starlark computation cancelled: too many steps (limit 10000)");
    th.call(m.get("f"), List.of(10), Map.of());
  }

  @Test
  void deadlineAndCancellationStopRunawayCode() throws Exception {
    String src = "def spin():\n  while True:\n    pass\n";
    StarlarkOptions opts = StarlarkOptions.DEFAULT.withWhileLoops(true);
    StarlarkProgram p = Starlark.compile("w.star", src, Set.of(), opts);
    StarlarkLimits limits =
        StarlarkLimits.DEFAULT.withMaxSteps(Long.MAX_VALUE / 2).withTimeout(Duration.ofMillis(200));
    StarlarkThread th = new StarlarkThread("t", limits);
    StarlarkModule m = p.execute(th, Map.of());
    long start = System.nanoTime();
    StarlarkException e = catchStarlark(() -> th.call(m.get("spin"), List.of(), Map.of()));
    assertThat(e.isCancelled()).isTrue();
    assertThat(e.errorMessage()).startsWith("Starlark computation cancelled: timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

    StarlarkThread other = new StarlarkThread("c", limits.withTimeout(Duration.ofMinutes(1)));
    StarlarkModule m2 = p.execute(other, Map.of());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<StarlarkException> f =
          pool.submit(() -> catchStarlark(() -> other.call(m2.get("spin"), List.of(), Map.of())));
      Thread.sleep(100);
      other.cancel("context done");
      StarlarkException c = f.get(10, TimeUnit.SECONDS);
      assertThat(c.errorMessage()).isEqualTo("Starlark computation cancelled: context done");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void memoryAndDepthLimitsAreConfigurable() {
    StarlarkLimits limits =
        StarlarkLimits.DEFAULT.withMaxStringLength(1000).withMaxCollectionSize(50).withMaxCallDepth(3);
    String src =
        "def s():\n  return 'x' * 2000\n"
            + "def l():\n  return list(range(100))\n"
            + "def d():\n  return {i: i for i in range(60)}\n"
            + "def a():\n  return b()\ndef b():\n  return c()\n"
            + "def c():\n  return e()\ndef e():\n  return 1\n";
    StarlarkProgram p = Starlark.compile("lim.star", src, Set.of("unused_host_name"));
    assertThat(p.referencedPredeclared()).isEmpty();
    StarlarkThread th = new StarlarkThread("t", limits);
    StarlarkModule m = p.execute(th, Map.of());
    assertThat(catchStarlark(() -> th.call(m.get("s"), List.of(), Map.of())).errorMessage())
        .isEqualTo("repeat count 2000 too large: result would exceed the limit of 1000 bytes");
    assertThat(catchStarlark(() -> th.call(m.get("l"), List.of(), Map.of())).errorMessage())
        .isEqualTo("range too large: 100 elements exceeds the limit of 50");
    assertThat(catchStarlark(() -> th.call(m.get("d"), List.of(), Map.of())).errorMessage())
        .isEqualTo("hash table too large: 51 elements exceeds the limit of 50");
    assertThat(catchStarlark(() -> th.call(m.get("a"), List.of(), Map.of())).errorMessage())
        .isEqualTo("call stack too deep: more than 3 nested calls");
  }

  @Test
  void builtinsSeeNamedArguments() {
    BuiltinFunction echo =
        (th, args) -> args.hasNamed() ? args.named().keySet().toString() : args.positional().size();
    StarlarkThread th = new StarlarkThread("t");
    StarlarkProgram p = Starlark.compile("e.star", "a = echo(1, 2)\nb = echo(x=1, y=2)\n", Set.of("echo"));
    assertThat(p.referencedPredeclared()).containsExactly("echo");
    StarlarkModule m = p.execute(th, Map.of("echo", echo));
    assertThat(m.get("a")).isEqualTo(2L);
    assertThat(m.get("b")).isEqualTo(StarlarkString.of("[x, y]"));
  }

  @Test
  void printGoesToTheHostHandler() {
    List<String> lines = new ArrayList<>();
    StarlarkThread th = new StarlarkThread("t");
    th.setPrintHandler(lines::add);
    Starlark.compile("p.star", "print('a', 1, 'é', sep='|')\n", Set.of()).execute(th, Map.of());
    assertThat(lines).containsExactly("a|1|é");
  }

  @Test
  void threadLocalsReachBuiltins() {
    StarlarkThread th = new StarlarkThread("t");
    th.setLocal("result", new ArrayList<String>());
    BuiltinFunction log =
        (thread, args) -> {
          @SuppressWarnings("unchecked")
          List<String> out = (List<String>) thread.getLocal("result");
          out.add(Starlark.str(args.get(0)));
          return null;
        };
    Starlark.compile("l.star", "log_info('hi')\n", Set.of("log_info")).execute(th, Map.of("log_info", log));
    assertThat(th.getLocal("result")).isEqualTo(List.of("hi"));
  }

  @Test
  void deeplyNestedDataAndCodeFailCleanly() {
    StarlarkThread th = new StarlarkThread("t");
    String nest = "def f():\n  x = []\n  for i in range(100000):\n    x = [x]\n  return x\n";
    StarlarkModule m = Starlark.compile("n.star", nest, Set.of()).execute(th, Map.of());
    Object deep = th.call(m.get("f"), List.of(), Map.of());
    assertThatThrownBy(() -> Starlark.repr(deep)).hasMessageContaining("nested too deeply");
    assertThatThrownBy(() -> Starlark.toJava(deep)).hasMessageContaining("nested too deeply");
    StringBuilder expr = new StringBuilder("x = 1");
    for (int i = 0; i < 900; i++) {
      expr.append(" + 1");
    }
    Object sum = Starlark.compile("e.star", expr + "\n", Set.of()).execute(th, Map.of()).get("x");
    assertThat(sum).isEqualTo(901L);
  }

  private static StarlarkException catchStarlark(Runnable r) {
    try {
      r.run();
    } catch (StarlarkException e) {
      return e;
    }
    throw new AssertionError("expected a StarlarkException");
  }
}
