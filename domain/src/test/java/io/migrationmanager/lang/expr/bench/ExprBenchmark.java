package io.migrationmanager.lang.expr.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.re2j.Pattern;
import io.migrationmanager.lang.expr.Env;
import io.migrationmanager.lang.expr.Expr;
import io.migrationmanager.lang.expr.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Benchmark (not a test): compiles one include expression and evaluates it over 10,000
 * instance-like records, against a hand-written Java predicate doing the same thing in the same
 * run. Prints the time per 10,000 evaluations and the ratio. Run with {@code java -cp <test
 * classpath> io.migrationmanager.lang.expr.bench.ExprBenchmark [rounds]}.
 */
public final class ExprBenchmark {
  private ExprBenchmark() {}

  /** A disk of an instance. */
  public record Disk(long capacity, String name, boolean supported) {}

  /** An instance as the filter environment sees it. */
  public record Instance(
      UUID uuid,
      String name,
      String location,
      String source,
      long cpus,
      long memory,
      @JsonProperty("background_import") boolean backgroundImport,
      @JsonProperty("os_description") String osDescription,
      Map<String, String> config,
      List<Disk> disks) {}

  /** A filter as a batch would use it: a location pattern, the source and a few properties. */
  static final String WITH_REGEX =
      "location matches '/Incus migrations/' and source == 'vcenter01'"
          + " and cpus >= 2 and background_import"
          + " and any(disks, .capacity > 100 * 1024 * 1024 * 1024)";

  /** The same without the regular expression, which otherwise dominates both timings. */
  static final String WITHOUT_REGEX =
      "source == 'vcenter01' and cpus >= 2 and background_import"
          + " and any(disks, .capacity > 100 * 1024 * 1024 * 1024) and config['tag.env'] == 'prod'";

  private static final long GIB = 1024L * 1024 * 1024;

  static List<Instance> instances(int count) {
    Random random = new Random(42);
    String[] folders = {"/vc01/vm/Incus migrations/", "/vc01/vm/other/", "/ha-datacenter/vm/"};
    String[] sources = {"vcenter01", "esxi01"};
    List<Instance> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<Disk> disks = new ArrayList<>();
      int diskCount = 1 + random.nextInt(3);
      for (int d = 0; d < diskCount; d++) {
        disks.add(new Disk((10 + random.nextInt(200)) * GIB, "disk" + d, true));
      }
      out.add(
          new Instance(
              new UUID(random.nextLong(), random.nextLong()),
              "vm" + i,
              folders[random.nextInt(folders.length)] + "vm" + i,
              sources[random.nextInt(sources.length)],
              1 + random.nextInt(8),
              (1 + random.nextInt(16)) * GIB,
              random.nextBoolean(),
              "Linux",
              Map.of("tag.env", random.nextBoolean() ? "prod" : "test"),
              disks));
    }
    return out;
  }

  /** {@link #WITH_REGEX}, written by hand. */
  static Predicate<Instance> withRegexByHand() {
    Pattern location = Pattern.compile("/Incus migrations/");
    return instance ->
        location.matcher(instance.location()).find()
            && instance.source().equals("vcenter01")
            && instance.cpus() >= 2
            && instance.backgroundImport()
            && instance.disks().stream().anyMatch(d -> d.capacity() > 100 * GIB);
  }

  /** {@link #WITHOUT_REGEX}, written by hand. */
  static Predicate<Instance> withoutRegexByHand() {
    return instance ->
        instance.source().equals("vcenter01")
            && instance.cpus() >= 2
            && instance.backgroundImport()
            && instance.disks().stream().anyMatch(d -> d.capacity() > 100 * GIB)
            && "prod".equals(instance.config().get("tag.env"));
  }

  private static long time(Runnable body) {
    long start = System.nanoTime();
    body.run();
    return System.nanoTime() - start;
  }

  /** Runs the benchmark; the optional argument is the number of measured rounds (default 20). */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<Instance> instances = instances(10_000);
    measure(WITH_REGEX, withRegexByHand(), instances, rounds);
    measure(WITHOUT_REGEX, withoutRegexByHand(), instances, rounds);
  }

  private static int count(List<Instance> instances, Predicate<Instance> filter) {
    int matched = 0;
    for (Instance instance : instances) {
      if (filter.test(instance)) {
        matched++;
      }
    }
    return matched;
  }

  private static void measure(
      String expression, Predicate<Instance> byHand, List<Instance> instances, int rounds) {
    Program program = Expr.compile(expression, Env.fromRecord(Instance.class));
    Predicate<Instance> viaExpr = program::runBool;
    int[] counts = new int[2];
    Runnable exprRound = () -> counts[0] = count(instances, viaExpr);
    Runnable javaRound = () -> counts[1] = count(instances, byHand);
    for (int i = 0; i < 30; i++) {
      exprRound.run();
      javaRound.run();
    }
    if (counts[0] != counts[1]) {
      throw new IllegalStateException("expression matched " + counts[0] + ", Java " + counts[1]);
    }
    long bestExpr = Long.MAX_VALUE;
    long bestJava = Long.MAX_VALUE;
    long totalExpr = 0;
    long totalJava = 0;
    for (int i = 0; i < rounds; i++) {
      long e = time(exprRound);
      long j = time(javaRound);
      bestExpr = Math.min(bestExpr, e);
      bestJava = Math.min(bestJava, j);
      totalExpr += e;
      totalJava += j;
    }
    System.out.printf("expression: %s%n", expression);
    System.out.printf("  matched %d of %d instances%n", counts[0], instances.size());
    System.out.printf(
        "  expr-lang port:    %6.2f ms per 10k (best), %6.2f ms (mean)%n",
        bestExpr / 1e6, totalExpr / 1e6 / rounds);
    System.out.printf(
        "  hand-written Java: %6.2f ms per 10k (best), %6.2f ms (mean)%n",
        bestJava / 1e6, totalJava / 1e6 / rounds);
    System.out.printf("  ratio (best): %.1fx%n", (double) bestExpr / bestJava);
  }
}
