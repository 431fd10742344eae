package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.FileNode;
import io.migrationmanager.lang.starlark.syntax.Parser;
import io.migrationmanager.lang.starlark.syntax.Position;
import io.migrationmanager.lang.starlark.syntax.Resolver;
import io.migrationmanager.lang.starlark.syntax.Utf8;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of the Starlark interpreter: compilation and conversions between Java and Starlark values.
 *
 * <pre>
 * StarlarkProgram program = Starlark.compile("placement.star", source, Set.of("set_target"));
 * StarlarkThread thread = new StarlarkThread("placement");
 * StarlarkModule module = program.execute(thread, Map.of("set_target", setTarget));
 * thread.call(module.get("placement"), List.of(), Map.of("instance", instance, "batch", batch));
 * </pre>
 *
 * <p>Values: {@code None} is {@link #NONE}; bool, int and float are {@link Boolean}, {@link Long} (or {@link
 * java.math.BigInteger} beyond 64 bits) and {@link Double}; other values extend {@link StarlarkValue}.
 */
public final class Starlark {
  /** The value {@code None}. */
  public static final StarlarkValue NONE = NoneType.NONE;

  private Starlark() {}

  /** Compiles a file in the default dialect. */
  public static StarlarkProgram compile(String fileName, String source, Set<String> predeclared) {
    return compile(fileName, source, predeclared, StarlarkOptions.DEFAULT);
  }

  /**
   * Parses, resolves and compiles a file.
   *
   * @param predeclared names the host will provide at execution (in addition to the universal builtins)
   * @throws StarlarkException with {@link StarlarkException#isSyntaxError()} if the file is not valid
   */
  public static StarlarkProgram compile(
      String fileName, String source, Set<String> predeclared, StarlarkOptions options) {
    try {
      FileNode file = Parser.parse(fileName, source);
      Resolver.resolve(
          file,
          predeclared,
          universeNames(options),
          new Resolver.Options(options.whileLoops(), options.topLevelControl(), options.globalReassign()));
      FunctionCode toplevel = Compiler.compileFile(file, options.recursion());
      String[] globals = file.globals.stream().map(b -> b.name()).toArray(String[]::new);
      return new StarlarkProgram(
          fileName, toplevel, globals, file.predeclared.toArray(new String[0]), options);
    } catch (StackOverflowError e) {
      throw StarlarkException.syntaxError(
          new Position(fileName, 1, 1), "program too deeply nested");
    }
  }

  /** The names of the universal builtins in a dialect. */
  public static Set<String> universeNames(StarlarkOptions options) {
    Set<String> names = new HashSet<>(Universe.BUILTINS.keySet());
    if (!options.set()) {
      names.remove("set");
    }
    return names;
  }

  /**
   * Converts a Java value to a Starlark value: null to None; Boolean, Long, BigInteger, Double unchanged;
   * other numbers to int or float; CharSequence, Character, UUID and java.time values ({@code toString()},
   * RFC 3339 for instants) to strings; enums to their JSON name; {@code Duration} to int nanoseconds;
   * byte[] to bytes; Optional to its value; Maps to frozen dicts; Collections and arrays to frozen lists;
   * classes with a {@code @JsonValue} method to the converted result; records to read-only attribute objects
   * named by their {@code @JsonProperty} names; {@link BuiltinFunction} to a builtin; Starlark values
   * unchanged.
   *
   * @throws IllegalArgumentException if the value cannot be represented
   */
  public static Object fromJava(Object o) {
    try {
      return Interop.fromJava(o);
    } catch (EvalException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Converts a Starlark value to Java: None to null; bool, int, float unchanged; string to String; bytes to
   * byte[]; list and tuple to List; dict to LinkedHashMap; set to LinkedHashSet; a record attribute object to
   * its record; a struct to a map of its fields; anything else (functions) unchanged.
   */
  public static Object toJava(Object v) {
    try {
      return Interop.toJava(v);
    } catch (EvalException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The raw attribute values of a record by JSON name, e.g. to build a {@link StructValue} with aliases. */
  public static Map<String, Object> attributesOf(Record record) {
    return RecordValue.rawAttributes(record);
  }

  /** {@code type(x)}. */
  public static String type(Object v) {
    return Ops.type(v);
  }

  /**
   * {@code repr(x)} as Java text.
   *
   * @throws IllegalArgumentException if the value is nested too deeply or its text would be too long
   */
  public static String repr(Object v) {
    try {
      return Utf8.toJava(new Printer(null).repr(v).toString());
    } catch (EvalException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * {@code str(x)} as Java text.
   *
   * @throws IllegalArgumentException if the value is nested too deeply or its text would be too long
   */
  public static String str(Object v) {
    try {
      return Utf8.toJava(new Printer(null).str(v).toString());
    } catch (EvalException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** {@code bool(x)}. */
  public static boolean truth(Object v) {
    return Ops.truth(v);
  }

  /** {@code repr(x)} in byte form, for error messages inside the interpreter. */
  static String repr(StarlarkThread th, Object v) {
    return new Printer(th).repr(v).toString();
  }
}
