/**
 * The front end of the Starlark interpreter: {@link io.migrationmanager.lang.starlark.syntax.Lexer},
 * {@link io.migrationmanager.lang.starlark.syntax.Parser} (producing {@link
 * io.migrationmanager.lang.starlark.syntax.Expr} and {@link io.migrationmanager.lang.starlark.syntax.Stmt}
 * trees) and {@link io.migrationmanager.lang.starlark.syntax.Resolver} (static checks and variable
 * bindings). All errors are {@link io.migrationmanager.lang.starlark.StarlarkException}s with a position.
 */
package io.migrationmanager.lang.starlark.syntax;
