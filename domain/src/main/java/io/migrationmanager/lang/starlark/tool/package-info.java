/** Command-line tools for scriptlet authors: the Starlark test runner. */
package io.migrationmanager.lang.starlark.tool;
