/**
 * A Starlark interpreter written from the Starlark language specification, for scriptlets such as batch
 * placement ({@code def placement(instance, batch): ...}).
 *
 * <h2>Embedding</h2>
 *
 * <pre>
 * StarlarkProgram program = Starlark.compile("placement.star", source, Set.of("set_target", "set_pool"));
 * StarlarkThread thread = new StarlarkThread("placement");           // StarlarkLimits.DEFAULT
 * StarlarkModule module = program.execute(thread, Map.of("set_target", setTarget, "set_pool", setPool));
 * thread.call(module.get("placement"), List.of(), Map.of("instance", instance, "batch", batch));
 * </pre>
 *
 * <p>A {@link io.migrationmanager.lang.starlark.StarlarkProgram} is immutable and may be executed many
 * times; the globals of a {@link io.migrationmanager.lang.starlark.StarlarkModule} are frozen after
 * execution, so its functions may be called from several threads, each with its own {@link
 * io.migrationmanager.lang.starlark.StarlarkThread}. Host functions implement {@link
 * io.migrationmanager.lang.starlark.BuiltinFunction}; Java values cross the boundary through {@link
 * io.migrationmanager.lang.starlark.Starlark#fromJava} and {@link
 * io.migrationmanager.lang.starlark.Starlark#toJava}: records become read-only attribute objects named by
 * their {@code @JsonProperty} names, and {@link io.migrationmanager.lang.starlark.StructValue} builds
 * attribute objects with any field names. Every failure reaches the host as a {@link
 * io.migrationmanager.lang.starlark.StarlarkException} (a {@code ValidationException}) with position and
 * traceback.
 *
 * <h2>Dialect</h2>
 *
 * <p>The language is the specification's, with {@code set}; {@code while}, top-level control flow, global
 * rebinding and recursion are {@link io.migrationmanager.lang.starlark.StarlarkOptions} switches, off by
 * default, as in go.starlark.net. {@code load} is rejected statically. Deliberate choices where the
 * specification leaves room or go.starlark.net differs:
 *
 * <ul>
 *   <li>Strings are UTF-8 byte sequences, as in go.starlark.net: {@code len("é") == 2}, indexing and
 *       slicing count bytes, {@code s.codepoints()} iterates characters. Host strings are encoded on the
 *       way in and decoded (invalid bytes as U+FFFD) on the way out.
 *   <li>Like go.starlark.net, tabs may indent (to the next multiple of 8 columns) and the words the
 *       specification reserves for future use ({@code assert}, {@code from}, ...) are identifiers.
 *   <li>go.starlark.net extensions are present: {@code chr}, {@code ord}, {@code fail(sep=)}, {@code
 *       %(name)s}, {@code %c}, {@code elem_ords}, {@code codepoints}, {@code codepoint_ords}, {@code 0b}
 *       literals.
 *   <li>Where go.starlark.net departs from the specification, the specification wins: bytes index to ints,
 *       {@code splitlines} also splits on {@code \r}, sets have all their methods and are not ordered,
 *       augmented set assignment works in place, {@code %F} is supported, {@code br""} is a raw bytes
 *       literal, {@code dict.update(None)} is allowed, and a keyword argument after {@code *args} in a call
 *       is a syntax error.
 * </ul>
 *
 * <h2>Sandbox</h2>
 *
 * <p>Scripts reach only the values they are given: no I/O, no reflection. {@link
 * io.migrationmanager.lang.starlark.StarlarkLimits} bound each outermost call: steps (one per statement,
 * loop iteration and call, plus work proportional to the data that bulk operations produce or scan),
 * wall-clock time, string and collection sizes, ints (65536 bits) and call depth; recursion is an error
 * unless enabled. Parsing bounds nesting; printing, comparing and hashing bound the depth of nested data.
 * The interpreter walks a tree of resolved nodes whose variables are frame slots.
 */
package io.migrationmanager.lang.starlark;
