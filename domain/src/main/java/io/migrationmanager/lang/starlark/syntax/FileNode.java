package io.migrationmanager.lang.starlark.syntax;

import java.util.ArrayList;
import java.util.List;

/** A parsed file; after {@link Resolver#resolve} also its global and predeclared name tables. */
public final class FileNode {
  public final String name;
  public final List<Stmt> stmts;

  /** The top-level code as a function (its locals are the variables of top-level comprehensions). */
  public final Function toplevel;

  /** Global variables by index. */
  public final List<Binding> globals = new ArrayList<>();

  /** Predeclared names the file refers to, by index. */
  public final List<String> predeclared = new ArrayList<>();

  FileNode(String name, List<Stmt> stmts) {
    this.name = name;
    this.stmts = stmts;
    this.toplevel = new Function(new Position(name, 1, 1), "<toplevel>", List.of(), stmts);
  }
}
