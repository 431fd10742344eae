package io.migrationmanager.lang.starlark.syntax;

import java.util.List;

/** Expression nodes of the syntax tree. {@link #height} bounds the recursion any tree walk needs. */
public abstract class Expr {
  /** The position errors about this expression are reported at (operator, bracket or first token). */
  public final Position pos;

  /** 1 for a leaf, else 1 + the greatest height of the children. */
  public final int height;

  Expr(Position pos, int height) {
    this.pos = pos;
    this.height = height;
  }

  static int heightOf(Expr... children) {
    int h = 0;
    for (Expr e : children) {
      if (e != null && e.height > h) {
        h = e.height;
      }
    }
    return h + 1;
  }

  static int heightOf(List<? extends Expr> children) {
    int h = 0;
    for (Expr e : children) {
      if (e != null && e.height > h) {
        h = e.height;
      }
    }
    return h + 1;
  }

  /** A name. */
  public static final class Ident extends Expr {
    public final String name;

    /** Set by the resolver. */
    public Binding binding;

    Ident(Position pos, String name) {
      super(pos, 1);
      this.name = name;
    }
  }

  /** An int, float, string or bytes literal. */
  public static final class Literal extends Expr {
    /** The literal's token kind: INT, FLOAT, STRING or BYTES. */
    public final TokenKind kind;

    /** As in {@link Token#value()}. */
    public final Object value;

    Literal(Position pos, TokenKind kind, Object value) {
      super(pos, 1);
      this.kind = kind;
      this.value = value;
    }
  }

  /** {@code [a, b]}. */
  public static final class ListExpr extends Expr {
    public final List<Expr> elems;

    ListExpr(Position pos, List<Expr> elems) {
      super(pos, heightOf(elems));
      this.elems = elems;
    }
  }

  /** {@code (a, b)} or {@code a, b}. */
  public static final class TupleExpr extends Expr {
    public final List<Expr> elems;

    TupleExpr(Position pos, List<Expr> elems) {
      super(pos, heightOf(elems));
      this.elems = elems;
    }
  }

  /** {@code {k: v, ...}}. */
  public static final class DictExpr extends Expr {
    public final List<Expr> keys;
    public final List<Expr> values;

    DictExpr(Position pos, List<Expr> keys, List<Expr> values) {
      super(pos, Math.max(heightOf(keys), heightOf(values)));
      this.keys = keys;
      this.values = values;
    }
  }

  /** A {@code for} or {@code if} clause of a comprehension. */
  public static final class Clause {
    public final Position pos;

    /** For a {@code for} clause the loop variables, else null. */
    public final Expr vars;

    /** The iterable of a {@code for} clause or the condition of an {@code if} clause. */
    public final Expr expr;

    Clause(Position pos, Expr vars, Expr expr) {
      this.pos = pos;
      this.vars = vars;
      this.expr = expr;
    }

    public boolean isFor() {
      return vars != null;
    }
  }

  /** A list or dict comprehension. */
  public static final class Comprehension extends Expr {
    /** For a dict comprehension the key, else null. */
    public final Expr key;

    /** The element (list) or value (dict). */
    public final Expr body;

    public final List<Clause> clauses;

    Comprehension(Position pos, Expr key, Expr body, List<Clause> clauses, int height) {
      super(pos, height);
      this.key = key;
      this.body = body;
      this.clauses = clauses;
    }
  }

  /** {@code -x}, {@code +x}, {@code ~x}, {@code not x}. */
  public static final class Unary extends Expr {
    public final TokenKind op;
    public final Expr x;

    Unary(Position pos, TokenKind op, Expr x) {
      super(pos, heightOf(x));
      this.op = op;
      this.x = x;
    }
  }

  /** {@code x op y}, including {@code and}, {@code or}, {@code in}, {@code not in}. */
  public static final class Binary extends Expr {
    public final TokenKind op;
    public final Expr x;
    public final Expr y;

    Binary(Position pos, TokenKind op, Expr x, Expr y) {
      super(pos, heightOf(x, y));
      this.op = op;
      this.x = x;
      this.y = y;
    }
  }

  /** {@code a if cond else b}. */
  public static final class Cond extends Expr {
    public final Expr cond;
    public final Expr then;
    public final Expr otherwise;

    Cond(Position pos, Expr cond, Expr then, Expr otherwise) {
      super(pos, heightOf(cond, then, otherwise));
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }
  }

  /** One argument of a call. */
  public static final class Arg {
    /** What kind of argument. */
    public enum Kind {
      POSITIONAL,
      NAMED,
      STAR,
      STARSTAR
    }

    public final Position pos;
    public final Kind kind;

    /** For a named argument the name, else null. */
    public final String name;

    public final Expr value;

    Arg(Position pos, Kind kind, String name, Expr value) {
      this.pos = pos;
      this.kind = kind;
      this.name = name;
      this.value = value;
    }
  }

  /** {@code fn(args)}; the position is the opening parenthesis. */
  public static final class Call extends Expr {
    public final Expr fn;
    public final List<Arg> args;

    Call(Position pos, Expr fn, List<Arg> args, int height) {
      super(pos, height);
      this.fn = fn;
      this.args = args;
    }
  }

  /** {@code x.name}; the position is the dot. */
  public static final class Dot extends Expr {
    public final Expr x;
    public final String name;

    Dot(Position pos, Expr x, String name) {
      super(pos, heightOf(x));
      this.x = x;
      this.name = name;
    }
  }

  /** {@code x[index]}; the position is the bracket. */
  public static final class Index extends Expr {
    public final Expr x;
    public final Expr index;

    Index(Position pos, Expr x, Expr index) {
      super(pos, heightOf(x, index));
      this.x = x;
      this.index = index;
    }
  }

  /** {@code x[lo:hi:step]}; absent parts are null. */
  public static final class Slice extends Expr {
    public final Expr x;
    public final Expr lo;
    public final Expr hi;
    public final Expr step;

    Slice(Position pos, Expr x, Expr lo, Expr hi, Expr step) {
      super(pos, heightOf(x, lo, hi, step));
      this.x = x;
      this.lo = lo;
      this.hi = hi;
      this.step = step;
    }
  }

  /** {@code lambda params: body}. */
  public static final class Lambda extends Expr {
    public final Function function;

    Lambda(Position pos, Function function, int height) {
      super(pos, height);
      this.function = function;
    }
  }
}
