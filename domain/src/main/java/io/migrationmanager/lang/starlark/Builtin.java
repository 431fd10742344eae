package io.migrationmanager.lang.starlark;

import java.util.Objects;

/**
 * A function implemented in Java: a universal builtin, a host builtin, or a method bound to its receiver
 * ({@code "abc".upper}). Its type is {@code builtin_function_or_method}.
 */
public final class Builtin extends StarlarkValue {
  private final String name;
  private final BuiltinFunction fn;
  private final BuiltinMethod method;
  private final Object receiver;

  /** A host builtin with the given name. */
  public Builtin(String name, BuiltinFunction fn) {
    this.name = Objects.requireNonNull(name);
    this.fn = Objects.requireNonNull(fn);
    this.method = null;
    this.receiver = null;
  }

  Builtin(String name, BuiltinMethod method, Object receiver) {
    this.name = name;
    this.fn = null;
    this.method = method;
    this.receiver = receiver;
  }

  public String name() {
    return name;
  }

  @Override
  public String type() {
    return "builtin_function_or_method";
  }

  @Override
  void repr(Printer p) {
    if (receiver == null) {
      p.append("<built-in function ").append(name).append('>');
    } else {
      p.append("<built-in method ").append(name).append(" of ").append(Ops.type(receiver)).append(" value>");
    }
  }

  @Override
  boolean isHashable() {
    return true;
  }

  @Override
  int hash(StarlarkThread th) {
    return System.identityHashCode(this);
  }

  @Override
  void freeze(Freezer f) {
    f.add(receiver);
  }

  /** Runs the builtin; the result is a Starlark value. */
  Object invoke(StarlarkThread th, Arguments args) {
    Object result = method != null ? method.call(th, receiver, args) : fn.call(th, args);
    return result == null ? NoneType.NONE : Interop.fromJava(result);
  }
}
