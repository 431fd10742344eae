package io.migrationmanager.lang.starlark.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * A function literal: the body of a {@code def}, a {@code lambda}, or the top level of a file. The resolver
 * fills in the frame layout: the first slots hold the parameters (ordinary and keyword-only ones in order of
 * declaration, then {@code *args}, then {@code **kwargs}), the rest hold other locals, including the loop
 * variables of comprehensions.
 */
public final class Function {

  /** One parameter of a function. */
  public static final class Param {
    /** The kinds of parameter. */
    public enum Kind {
      /** {@code x}. */
      REQUIRED,
      /** {@code x=default}. */
      OPTIONAL,
      /** {@code *} without a name. */
      BARE_STAR,
      /** {@code *args}. */
      STAR,
      /** {@code **kwargs}. */
      STARSTAR
    }

    public final Position pos;
    public final Kind kind;

    /** Null for a bare star. */
    public final Expr.Ident name;

    /** Only for optional parameters. */
    public final Expr defaultValue;

    Param(Position pos, Kind kind, Expr.Ident name, Expr defaultValue) {
      this.pos = pos;
      this.kind = kind;
      this.name = name;
      this.defaultValue = defaultValue;
    }
  }

  public final Position pos;
  public final String name;
  public final List<Param> params;
  public final List<Stmt> body;

  /** All frame slots, parameters first. */
  public final List<Binding> locals = new ArrayList<>();

  /** Bindings of the enclosing function that this one captures, in free-variable index order. */
  public final List<Binding> freevars = new ArrayList<>();

  /** Number of ordinary and keyword-only parameters (the named, non-star ones). */
  public int numNamedParams;

  /** Number of keyword-only parameters (after {@code *} or {@code *args}). */
  public int numKwonlyParams;

  public boolean hasVarargs;
  public boolean hasKwargs;

  /** The enclosing function, or null for the top level. */
  public Function parent;

  Function(Position pos, String name, List<Param> params, List<Stmt> body) {
    this.pos = pos;
    this.name = name;
    this.params = params;
    this.body = body;
  }
}
