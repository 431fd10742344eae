package io.migrationmanager.domain.placement;

import io.migrationmanager.api.Batch;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.domain.Names;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.OsClassifier;
import io.migrationmanager.domain.instance.Overrides;
import io.migrationmanager.domain.network.NetworkViews;
import io.migrationmanager.lang.starlark.Arguments;
import io.migrationmanager.lang.starlark.BuiltinFunction;
import io.migrationmanager.lang.starlark.Starlark;
import io.migrationmanager.lang.starlark.StarlarkException;
import io.migrationmanager.lang.starlark.StarlarkFunction;
import io.migrationmanager.lang.starlark.StarlarkLimits;
import io.migrationmanager.lang.starlark.StarlarkModule;
import io.migrationmanager.lang.starlark.StarlarkProgram;
import io.migrationmanager.lang.starlark.StarlarkThread;
import io.migrationmanager.lang.starlark.StructValue;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Placement scriptlets on our Starlark interpreter (spec §7). A scriptlet defines
 * {@code placement(instance, batch)} and calls {@code set_target}, {@code set_project}, {@code set_pool},
 * {@code set_network} and {@code log_info|log_warn|log_error}; what it sets overrides the batch defaults.
 *
 * <p>{@code instance} shows the instance as its source reported it (overrides not applied): every property at
 * the top level and again under {@code properties} (the user's document reads both
 * {@code instance.os_version} and {@code instance.properties.disks}), the newer name {@code os_description}
 * beside {@code os_version}, plus {@code overrides}, {@code source}, {@code source_type}, {@code os_type},
 * {@code distribution}, {@code distribution_version} and {@code last_update_from_source}. {@code batch} is the
 * batch with JSON field names. Unlike the original, {@code set_vlan} does not exist (the original accepts it at
 * compile time and fails when it is called); VLANs are set with {@code set_network}.
 *
 * <p>Compiled scriptlets are cached by their text; each run gets its own thread with a step budget and a
 * deadline.
 */
public final class StarlarkPlacementScripts implements PlacementScripts {
  private static final System.Logger LOG = System.getLogger(StarlarkPlacementScripts.class.getName());
  private static final String FILE = "placement.star";
  private static final String RESULT = "placement-result";
  private static final Set<String> BUILTINS =
      Set.of("log_info", "log_warn", "log_error", "set_target", "set_project", "set_pool", "set_network");
  private static final StarlarkLimits LIMITS = StarlarkLimits.DEFAULT.withMaxSteps(1_000_000).withTimeout(Duration.ofSeconds(5));
  private static final int CACHE_SIZE = 64;

  private final Map<String, StarlarkModule> cache =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StarlarkModule> eldest) {
              return size() > CACHE_SIZE;
            }
          });

  @Override
  public void validate(String batchName, String script) {
    if (script == null || script.isBlank()) {
      return;
    }
    module(script);
  }

  @Override
  public PlacementOverrides run(Batch batch, InstanceRecord instance) {
    String script = batch.config().placementScriptlet();
    if (script == null || script.isBlank()) {
      return PlacementOverrides.NONE;
    }
    StarlarkModule module = module(script);
    StarlarkThread thread = new StarlarkThread(batch.name() + "_placement", LIMITS);
    Result result = new Result(instance);
    thread.setLocal(RESULT, result);
    Object returned;
    try {
      returned =
          thread.call(
              module.function("placement"), List.of(), Map.of("instance", instanceValue(instance), "batch", batch));
    } catch (StarlarkException e) {
      throw new ValidationException(e.getMessage());
    }
    if (returned != Starlark.NONE) {
      throw new ValidationException("Failed with unexpected return value: " + Starlark.repr(returned));
    }
    return new PlacementOverrides(result.target, result.project, result.pools, result.networks);
  }

  /** Compiles and runs the scriptlet's top level once, checking that it defines the placement function. */
  private StarlarkModule module(String script) {
    StarlarkModule cached = cache.get(script);
    if (cached != null) {
      return cached;
    }
    StarlarkProgram program;
    StarlarkModule module;
    try {
      program = Starlark.compile(FILE, script, BUILTINS);
      module = program.execute(new StarlarkThread("placement-load", LIMITS), builtins());
    } catch (StarlarkException e) {
      throw new ValidationException("Invalid placement scriptlet: " + e.getMessage());
    }
    StarlarkFunction placement = module.function("placement");
    if (placement == null
        || !placement.parameterNames().equals(List.of("instance", "batch"))
        || placement.hasVarargs()
        || placement.hasKwargs()) {
      throw new ValidationException(
          "Invalid placement scriptlet: it must define a function \"placement(instance, batch)\"");
    }
    cache.put(script, module);
    return module;
  }

  /** What one run chose. */
  private static final class Result {
    final InstanceRecord instance;
    String target = "";
    String project = "";
    final Map<String, String> pools = new LinkedHashMap<>();
    final Map<String, NetworkPlacement> networks = new LinkedHashMap<>();

    Result(InstanceRecord instance) {
      this.instance = instance;
    }

    String location() {
      return instance.properties().location();
    }
  }

  private static Result result(StarlarkThread thread) {
    Object r = thread.getLocal(RESULT);
    if (!(r instanceof Result result)) {
      throw new IllegalStateException("placement builtins can only be called while placing an instance");
    }
    return result;
  }

  private static Map<String, BuiltinFunction> builtins() {
    Map<String, BuiltinFunction> b = new LinkedHashMap<>();
    b.put("log_info", log(Level.INFO));
    b.put("log_warn", log(Level.WARNING));
    b.put("log_error", log(Level.ERROR));
    b.put(
        "set_target",
        (thread, args) -> {
          String name = string(args.unpack("set_target", "target_name")[0]);
          if (name.isEmpty()) {
            throw new ValidationException("Target name is empty");
          }
          result(thread).target = name;
          return null;
        });
    b.put(
        "set_project",
        (thread, args) -> {
          String name = string(args.unpack("set_project", "project_name")[0]);
          if (name.isEmpty()) {
            throw new ValidationException("Project name is empty");
          }
          result(thread).project = name;
          return null;
        });
    b.put(
        "set_pool",
        (thread, args) -> {
          Object[] a = args.unpack("set_pool", "disk_name", "pool_name");
          String disk = string(a[0]);
          String pool = string(a[1]);
          if (pool.isEmpty()) {
            throw new ValidationException("Storage pool name is empty");
          }
          Result r = result(thread);
          boolean known =
              r.instance.properties().disks().stream().filter(InstanceDisk::supported).anyMatch(d -> d.name().equals(disk));
          if (!known) {
            throw new ValidationException("No disk found with name \"" + disk + "\" on instance \"" + r.location() + "\"");
          }
          r.pools.put(disk, pool);
          return null;
        });
    b.put(
        "set_network",
        (thread, args) -> {
          Object[] a = args.unpack("set_network", "nic_hwaddr", "network_name", "nic_type", "vlan_id");
          String mac = string(a[0]);
          String network = string(a[1]);
          String nictype = string(a[2]).isEmpty() ? "managed" : string(a[2]);
          String vlan = string(a[3]);
          if (!NetworkViews.NIC_TYPES.contains(nictype)) {
            throw new ValidationException("Unknown NIC type \"" + nictype + "\"");
          }
          if (network.isEmpty()) {
            throw new ValidationException("Network name is empty");
          }
          Names.apiNameProblem(network)
              .ifPresent(
                  p -> {
                    throw new ValidationException("Invalid network name \"" + network + "\": " + p);
                  });
          if (!vlan.isEmpty()) {
            if (nictype.equals("managed")) {
              throw new ValidationException("Cannot set VLAN ID with NIC type \"" + nictype + "\"");
            }
            NetworkViews.validateVlans(vlan);
          }
          Result r = result(thread);
          boolean known = r.instance.properties().nics().stream().map(InstanceNic::hardwareAddress).anyMatch(mac::equals);
          if (!known) {
            throw new ValidationException(
                "No NIC found with hardware address \"" + mac + "\" on instance \"" + r.location() + "\"");
          }
          r.networks.put(mac, new NetworkPlacement(network, nictype, vlan));
          return null;
        });
    return b;
  }

  private static BuiltinFunction log(Level level) {
    return (thread, args) -> {
      String message = args.positional().stream().map(Starlark::str).collect(Collectors.joining(" "));
      LOG.log(level, "Batch placement scriptlet: " + message);
      return null;
    };
  }

  private static String string(Object v) {
    if (!(Starlark.toJava(v) instanceof String s)) {
      throw new ValidationException("expected a string, got " + Starlark.type(v));
    }
    return s;
  }

  /** The {@code instance} argument (see the class comment). */
  static StructValue instanceValue(InstanceRecord instance) {
    InstanceProperties p = instance.properties();
    Map<String, Object> props = new LinkedHashMap<>(Starlark.attributesOf(p));
    props.put("os_description", p.osVersion());
    Map<String, Object> fields = new LinkedHashMap<>(props);
    fields.put("properties", StructValue.of("properties", props));
    fields.put("overrides", instance.overrides());
    fields.put("source", instance.source());
    fields.put("source_type", instance.sourceType());
    InstanceProperties effective = Overrides.apply(p, instance.overrides());
    fields.put("os_type", OsClassifier.osType(effective));
    fields.put("distribution", OsClassifier.distribution(effective));
    fields.put("distribution_version", OsClassifier.distributionVersion(effective));
    fields.put("last_update_from_source", instance.lastUpdateFromSource() == null ? "" : instance.lastUpdateFromSource().toString());
    return StructValue.of("instance", fields);
  }
}
