package io.migrationmanager.lang.starlark;

/** The implementation of a built-in method of a core type. */
@FunctionalInterface
interface BuiltinMethod {
  Object call(StarlarkThread th, Object receiver, Arguments args);
}
