package io.migrationmanager.lang.starlark.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.migrationmanager.lang.starlark.Arguments;
import io.migrationmanager.lang.starlark.BuiltinFunction;
import io.migrationmanager.lang.starlark.Starlark;
import io.migrationmanager.lang.starlark.StarlarkFunction;
import io.migrationmanager.lang.starlark.StarlarkModule;
import io.migrationmanager.lang.starlark.StarlarkProgram;
import io.migrationmanager.lang.starlark.StarlarkThread;
import io.migrationmanager.lang.starlark.StructValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Measures the placement scriptlet path: one {@code placement(instance, batch)} call per instance, for
 * 10,000 instance records with 1-3 disks, with {@code set_pool} recording into a Java map; compared with a
 * hand-written Java loop doing the same work in the same run. Two ways of passing the instance are timed:
 * the record itself, and a {@link StructValue} with the properties both at top level and under
 * {@code .properties} (as the placement layer exposes them).
 *
 * <p>Run: {@code java -cp <test classpath> io.migrationmanager.lang.starlark.bench.StarlarkBenchmark}.
 */
public final class StarlarkBenchmark {
  private static final int INSTANCES = 10_000;
  private static final int WARMUP_ROUNDS = 10;
  private static final int ROUNDS = 10;
  private static final long LIMIT = 1024L * 1024 * 1024 * 100;

  private static final String SCRIPTLET =
      "def placement(instance, batch):\n"
          + "    for disk in instance.properties.disks:\n"
          + "        if disk.capacity >= (1024 * 1024 * 1024 * 100):\n"
          + "            set_pool(disk.name, 'pool02')\n";

  /** A disk as the API shows it. */
  public record Disk(@JsonProperty("name") String name, @JsonProperty("capacity") long capacity) {}

  /** Instance properties as the API shows them. */
  public record Properties(
      @JsonProperty("name") String name,
      @JsonProperty("os_version") String osVersion,
      @JsonProperty("disks") List<Disk> disks) {}

  /** An instance with its properties. */
  public record Instance(@JsonProperty("properties") Properties properties) {}

  private StarlarkBenchmark() {}

  public static void main(String[] args) {
    List<Instance> instances = instances();
    StarlarkProgram program =
        Starlark.compile("placement.star", SCRIPTLET, Set.of("set_target", "set_pool"));
    StarlarkThread thread = new StarlarkThread("placement");
    Map<String, String> pools = new HashMap<>();
    BuiltinFunction setPool =
        (th, a) -> {
          Object[] v = a.unpack("set_pool", "disk_name", "pool_name");
          pools.put(
              th.getLocal("instance") + "/" + Arguments.string("set_pool", "disk_name", v[0]),
              Arguments.string("set_pool", "pool_name", v[1]));
          return null;
        };
    BuiltinFunction setTarget = (th, a) -> null;
    StarlarkModule module = program.execute(thread, Map.of("set_pool", setPool, "set_target", setTarget));
    StarlarkFunction placement = module.function("placement");
    Object batch = StructValue.of("batch", Map.of("name", "batch1"));

    Runnable records =
        () -> {
          for (Instance inst : instances) {
            thread.setLocal("instance", inst.properties().name());
            thread.call(placement, List.of(), Map.of("instance", inst, "batch", batch));
          }
        };
    Runnable structs =
        () -> {
          for (Instance inst : instances) {
            Map<String, Object> fields = new HashMap<>(Starlark.attributesOf(inst.properties()));
            fields.put("properties", inst.properties());
            thread.setLocal("instance", inst.properties().name());
            thread.call(
                placement, List.of(), Map.of("instance", StructValue.of("instance", fields), "batch", batch));
          }
        };
    Map<String, String> javaPools = new HashMap<>();
    Runnable java =
        () -> {
          for (Instance inst : instances) {
            Properties p = inst.properties();
            for (Disk d : p.disks()) {
              if (d.capacity() >= LIMIT) {
                javaPools.put(p.name() + "/" + d.name(), "pool02");
              }
            }
          }
        };

    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      records.run();
      structs.run();
      java.run();
    }
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] total = new double[3];
    Runnable[] variants = {records, structs, java};
    for (int i = 0; i < ROUNDS; i++) {
      for (int v = 0; v < 3; v++) {
        double t = time(variants[v]);
        best[v] = Math.min(best[v], t);
        total[v] += t;
      }
    }
    if (!pools.equals(javaPools)) {
      throw new IllegalStateException("Starlark and Java placements differ");
    }
    System.out.printf(
        "placement of %d instances (%d pools set), mean of %d rounds after %d warm-up rounds:%n",
        INSTANCES, pools.size(), ROUNDS, WARMUP_ROUNDS);
    String[] names = {"Starlark, record argument", "Starlark, struct argument", "hand-written Java"};
    for (int v = 0; v < 3; v++) {
      System.out.printf(
          "  %-26s %8.2f ms (best %8.2f ms)  %5.0fx Java%n",
          names[v], total[v] / ROUNDS, best[v], total[v] / total[2]);
    }
  }

  private static double time(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e6;
  }

  private static List<Instance> instances() {
    Random rnd = new Random(1);
    String[] oses = {"CentOS 7", "Ubuntu 22.04", "Windows Server 2019", "CentOS Stream 9", "Debian 12"};
    List<Instance> out = new ArrayList<>(INSTANCES);
    for (int i = 0; i < INSTANCES; i++) {
      List<Disk> disks = new ArrayList<>();
      int n = 1 + rnd.nextInt(3);
      for (int k = 0; k < n; k++) {
        disks.add(new Disk("[ds1] vm" + i + "/disk" + k + ".vmdk", (1L + rnd.nextInt(300)) << 30));
      }
      out.add(new Instance(new Properties("vm" + i, oses[rnd.nextInt(oses.length)], disks)));
    }
    return out;
  }
}
