package io.migrationmanager.lang.starlark.syntax;

/** What an identifier refers to, filled in by the {@link Resolver}. */
public final class Binding {

  /** Where the variable lives. */
  public enum Scope {
    /** A slot in the current function's frame. */
    LOCAL,
    /** A frame slot that holds a cell because a nested function captures it. */
    CELL,
    /** A captured variable of an enclosing function, by index into the function's free variables. */
    FREE,
    /** A module global, by index. */
    GLOBAL,
    /** A name the host application predeclared, by index into the program's predeclared names. */
    PREDECLARED,
    /** A universal builtin such as {@code len}. */
    UNIVERSAL
  }

  private Scope scope;
  private final int index;
  private final String name;
  private final Position declared;

  Binding(Scope scope, int index, String name, Position declared) {
    this.scope = scope;
    this.index = index;
    this.name = name;
    this.declared = declared;
  }

  public Scope scope() {
    return scope;
  }

  void setScope(Scope scope) {
    this.scope = scope;
  }

  /** The slot, free-variable, global or predeclared index (unused for universal names). */
  public int index() {
    return index;
  }

  public String name() {
    return name;
  }

  /** Where the name was first bound, or null for predeclared and universal names. */
  public Position declared() {
    return declared;
  }
}
