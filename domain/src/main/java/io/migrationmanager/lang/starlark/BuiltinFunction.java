package io.migrationmanager.lang.starlark;

/**
 * A function implemented in Java and made available to scripts, for example as a predeclared name.
 *
 * <p>Arguments arrive as Starlark values ({@link Arguments#positional()}, {@link Arguments#named()}); use
 * {@link Arguments#unpack} and {@link Starlark#toJava} to read them. The result may be a Starlark value or
 * any Java value {@link Starlark#fromJava} accepts; null means {@code None}. To fail, throw a {@code
 * DomainException} (such as {@code ValidationException}), an {@code IllegalArgumentException} or an {@code
 * IllegalStateException}: its message becomes the Starlark error ({@code Error in set_target: Target name is
 * empty}). Other exceptions are reported as internal errors of the builtin.
 */
@FunctionalInterface
public interface BuiltinFunction {
  Object call(StarlarkThread thread, Arguments args);
}
