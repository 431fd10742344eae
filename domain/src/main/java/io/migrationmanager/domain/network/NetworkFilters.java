package io.migrationmanager.domain.network;

import io.migrationmanager.lang.expr.Env;
import io.migrationmanager.lang.expr.Expr;
import io.migrationmanager.lang.expr.LocationAlias;
import io.migrationmanager.lang.expr.Program;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What include expressions see of a network (spec §2.5, §6.3): {@code uuid}, {@code source_specific_id},
 * {@code source}, {@code type} (the wire value, e.g. {@code nsx-distributed}) and {@code location}. The functions
 * {@code path_base} and {@code path_dir} are available as in every expression.
 */
public final class NetworkFilters {
  private static final Env ENV = Env.fromValues(environment(sample()));

  private NetworkFilters() {}

  /** The variables and their types, for compile-time checks ("unknown name foo"). */
  public static Env env() {
    return ENV;
  }

  /** Compiles a filter against the network environment. */
  public static Program compile(String expression) {
    return Expr.compile(expression, ENV);
  }

  /**
   * The networks a filter of {@code GET /1.0/networks?include_expression=} selects, in their order. A filter that
   * is not an expression of its own (or is a bare word or number) matches locations ({@link LocationAlias}).
   *
   * @throws io.migrationmanager.lang.expr.ExprException when the filter does not compile or evaluate to a bool
   */
  public static List<NetworkRecord> select(String expression, List<NetworkRecord> networks) {
    Program program = compile(LocationAlias.rewrite(expression, ENV));
    return networks.stream().filter(n -> program.runBool(environment(n))).toList();
  }

  /** The variables of one network. */
  public static Map<String, Object> environment(NetworkRecord n) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("uuid", n.uuid() == null ? "" : n.uuid().toString());
    env.put("source_specific_id", n.sourceSpecificId());
    env.put("source", n.source());
    env.put("type", n.type() == null ? "" : n.type().wire());
    env.put("location", n.location());
    return env;
  }

  private static NetworkRecord sample() {
    return new NetworkRecord(UUID.randomUUID(), "", NetworkType.STANDARD, "", "", null, null);
  }
}
