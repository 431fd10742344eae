package io.migrationmanager.lang.starlark.syntax;

import java.util.List;

/** Statement nodes of the syntax tree. */
public abstract class Stmt {
  public final Position pos;

  Stmt(Position pos) {
    this.pos = pos;
  }

  /** An expression evaluated for its effect. */
  public static final class ExprStmt extends Stmt {
    public final Expr x;

    ExprStmt(Position pos, Expr x) {
      super(pos);
      this.x = x;
    }
  }

  /** {@code lhs = rhs} or an augmented assignment {@code lhs op= rhs}; the position is the operator. */
  public static final class Assign extends Stmt {
    /** {@link TokenKind#EQ} or an augmented operator such as {@link TokenKind#PLUS_EQ}. */
    public final TokenKind op;

    public final Expr lhs;
    public final Expr rhs;

    Assign(Position pos, TokenKind op, Expr lhs, Expr rhs) {
      super(pos);
      this.op = op;
      this.lhs = lhs;
      this.rhs = rhs;
    }
  }

  /** {@code def name(params): body}. */
  public static final class Def extends Stmt {
    public final Expr.Ident name;
    public final Function function;

    Def(Position pos, Expr.Ident name, Function function) {
      super(pos);
      this.name = name;
      this.function = function;
    }
  }

  /** {@code if c1: b1 elif c2: b2 ... else: e}. */
  public static final class If extends Stmt {
    public final List<Expr> conds;
    public final List<List<Stmt>> bodies;

    /** The else suite; empty if absent. */
    public final List<Stmt> otherwise;

    If(Position pos, List<Expr> conds, List<List<Stmt>> bodies, List<Stmt> otherwise) {
      super(pos);
      this.conds = conds;
      this.bodies = bodies;
      this.otherwise = otherwise;
    }
  }

  /** {@code for vars in x: body}. */
  public static final class For extends Stmt {
    public final Expr vars;
    public final Expr x;
    public final List<Stmt> body;

    For(Position pos, Expr vars, Expr x, List<Stmt> body) {
      super(pos);
      this.vars = vars;
      this.x = x;
      this.body = body;
    }
  }

  /** {@code while cond: body} (only in dialects that allow it). */
  public static final class While extends Stmt {
    public final Expr cond;
    public final List<Stmt> body;

    While(Position pos, Expr cond, List<Stmt> body) {
      super(pos);
      this.cond = cond;
      this.body = body;
    }
  }

  /** {@code return [x]}. */
  public static final class Return extends Stmt {
    /** The result, or null. */
    public final Expr result;

    Return(Position pos, Expr result) {
      super(pos);
      this.result = result;
    }
  }

  /** {@code break}, {@code continue} or {@code pass}. */
  public static final class Branch extends Stmt {
    public final TokenKind kind;

    Branch(Position pos, TokenKind kind) {
      super(pos);
      this.kind = kind;
    }
  }

  /** {@code load(...)}: parsed so that it can be reported clearly, never executed. */
  public static final class Load extends Stmt {
    Load(Position pos) {
      super(pos);
    }
  }
}
