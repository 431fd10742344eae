package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Binding;
import io.migrationmanager.lang.starlark.syntax.Expr;
import io.migrationmanager.lang.starlark.syntax.FileNode;
import io.migrationmanager.lang.starlark.syntax.Function;
import io.migrationmanager.lang.starlark.syntax.Position;
import io.migrationmanager.lang.starlark.syntax.Stmt;
import io.migrationmanager.lang.starlark.syntax.TokenKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a resolved syntax tree into the executable node tree ({@link Eval}, {@link Exec}). Small
 * constant numeric sub-expressions such as {@code 1024 * 1024 * 100} are folded.
 */
final class Compiler {
  private final boolean recursion;

  private Compiler(boolean recursion) {
    this.recursion = recursion;
  }

  /** Compiles the top level of a resolved file. */
  static FunctionCode compileFile(FileNode file, boolean recursion) {
    return new Compiler(recursion).function(file.toplevel);
  }

  private FunctionCode function(Function fn) {
    String[] paramNames = new String[fn.numNamedParams];
    for (int i = 0; i < paramNames.length; i++) {
      paramNames[i] = fn.locals.get(i).name();
    }
    List<Integer> cells = new ArrayList<>();
    for (int i = 0; i < fn.locals.size(); i++) {
      if (fn.locals.get(i).scope() == Binding.Scope.CELL) {
        cells.add(i);
      }
    }
    int[] captures = new int[fn.freevars.size()];
    for (int i = 0; i < captures.length; i++) {
      Binding b = fn.freevars.get(i);
      captures[i] = b.scope() == Binding.Scope.FREE ? -1 - b.index() : b.index();
    }
    FunctionCode code =
        new FunctionCode(
            fn.name,
            fn.pos,
            paramNames,
            fn.numKwonlyParams,
            fn.hasVarargs,
            fn.hasKwargs,
            fn.locals.size(),
            cells.stream().mapToInt(Integer::intValue).toArray(),
            captures,
            recursion);
    code.body = block(fn.body);
    return code;
  }

  private Eval makeFunction(Position pos, Function fn) {
    Eval[] defaults = new Eval[fn.numNamedParams];
    int i = 0;
    for (Function.Param p : fn.params) {
      if (p.kind == Function.Param.Kind.REQUIRED || p.kind == Function.Param.Kind.OPTIONAL) {
        defaults[i++] = p.defaultValue == null ? null : expr(p.defaultValue);
      }
    }
    return new Eval.MakeFunction(pos, function(fn), defaults);
  }

  // ---- statements

  private Exec[] block(List<Stmt> stmts) {
    List<Exec> out = new ArrayList<>(stmts.size());
    for (Stmt s : stmts) {
      Exec e = stmt(s);
      if (e != null) {
        out.add(e);
      }
    }
    return out.toArray(new Exec[0]);
  }

  private Exec stmt(Stmt s) {
    if (s instanceof Stmt.ExprStmt) {
      return new Exec.ExprStmt(s.pos, expr(((Stmt.ExprStmt) s).x));
    }
    if (s instanceof Stmt.Assign) {
      return assign((Stmt.Assign) s);
    }
    if (s instanceof Stmt.Def) {
      Stmt.Def d = (Stmt.Def) s;
      return new Exec.Assign(s.pos, target(d.name), makeFunction(d.pos, d.function));
    }
    if (s instanceof Stmt.If) {
      Stmt.If i = (Stmt.If) s;
      Eval[] conds = new Eval[i.conds.size()];
      Exec[][] bodies = new Exec[conds.length][];
      for (int k = 0; k < conds.length; k++) {
        conds[k] = expr(i.conds.get(k));
        bodies[k] = block(i.bodies.get(k));
      }
      return new Exec.If(s.pos, conds, bodies, block(i.otherwise));
    }
    if (s instanceof Stmt.For) {
      Stmt.For f = (Stmt.For) s;
      return new Exec.For(s.pos, target(f.vars), expr(f.x), block(f.body));
    }
    if (s instanceof Stmt.While) {
      Stmt.While w = (Stmt.While) s;
      return new Exec.While(s.pos, expr(w.cond), block(w.body));
    }
    if (s instanceof Stmt.Return) {
      Expr r = ((Stmt.Return) s).result;
      return new Exec.Return(s.pos, r == null ? null : expr(r));
    }
    if (s instanceof Stmt.Branch) {
      TokenKind k = ((Stmt.Branch) s).kind;
      if (k == TokenKind.PASS) {
        return null;
      }
      return new Exec.Branch(s.pos, k == TokenKind.BREAK ? Exec.BREAK : Exec.CONTINUE);
    }
    throw new IllegalStateException("unexpected statement " + s.getClass().getSimpleName());
  }

  private Exec assign(Stmt.Assign a) {
    Eval rhs = expr(a.rhs);
    if (a.op == TokenKind.EQ) {
      return new Exec.Assign(a.pos, target(a.lhs), rhs);
    }
    TokenKind op = a.op.binaryOfAugmented();
    if (a.lhs instanceof Expr.Ident) {
      return new Exec.AugAssign(a.pos, op, expr(a.lhs), target(a.lhs), null, null, null, rhs);
    }
    if (a.lhs instanceof Expr.Index) {
      Expr.Index ix = (Expr.Index) a.lhs;
      return new Exec.AugAssign(a.pos, op, null, null, expr(ix.x), expr(ix.index), null, rhs);
    }
    Expr.Dot d = (Expr.Dot) a.lhs;
    return new Exec.AugAssign(a.pos, op, null, null, expr(d.x), null, d.name, rhs);
  }

  private Exec.Target target(Expr e) {
    if (e instanceof Expr.Ident) {
      Binding b = ((Expr.Ident) e).binding;
      switch (b.scope()) {
        case LOCAL:
          return new Exec.SetLocal(e.pos, b.index());
        case CELL:
          return new Exec.SetCell(e.pos, b.index());
        case GLOBAL:
          return new Exec.SetGlobal(e.pos, b.index());
        default:
          throw new IllegalStateException("cannot assign to " + b.scope() + " " + b.name());
      }
    }
    if (e instanceof Expr.Index) {
      Expr.Index ix = (Expr.Index) e;
      return new Exec.SetIndex(e.pos, expr(ix.x), expr(ix.index));
    }
    if (e instanceof Expr.Dot) {
      Expr.Dot d = (Expr.Dot) e;
      return new Exec.SetField(e.pos, expr(d.x), d.name);
    }
    List<Expr> elems =
        e instanceof Expr.TupleExpr ? ((Expr.TupleExpr) e).elems : ((Expr.ListExpr) e).elems;
    Exec.Target[] ts = new Exec.Target[elems.size()];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = target(elems.get(i));
    }
    return new Exec.Unpack(e.pos, ts);
  }

  // ---- expressions

  private Eval[] exprs(List<Expr> list) {
    Eval[] out = new Eval[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = expr(list.get(i));
    }
    return out;
  }

  private Eval expr(Expr e) {
    if (e instanceof Expr.Ident) {
      return ident((Expr.Ident) e);
    }
    if (e instanceof Expr.Literal) {
      return new Eval.Const(e.pos, literal((Expr.Literal) e));
    }
    if (e instanceof Expr.ListExpr) {
      return new Eval.ListLit(e.pos, exprs(((Expr.ListExpr) e).elems));
    }
    if (e instanceof Expr.TupleExpr) {
      return new Eval.TupleLit(e.pos, exprs(((Expr.TupleExpr) e).elems));
    }
    if (e instanceof Expr.DictExpr) {
      Expr.DictExpr d = (Expr.DictExpr) e;
      return new Eval.DictLit(e.pos, exprs(d.keys), exprs(d.values));
    }
    if (e instanceof Expr.Comprehension) {
      Expr.Comprehension c = (Expr.Comprehension) e;
      Eval.Clause[] clauses = new Eval.Clause[c.clauses.size()];
      for (int i = 0; i < clauses.length; i++) {
        Expr.Clause cl = c.clauses.get(i);
        clauses[i] = new Eval.Clause(cl.isFor() ? target(cl.vars) : null, expr(cl.expr));
      }
      return new Eval.Comprehension(e.pos, clauses, c.key == null ? null : expr(c.key), expr(c.body));
    }
    if (e instanceof Expr.Unary) {
      return unary((Expr.Unary) e);
    }
    if (e instanceof Expr.Binary) {
      return binary((Expr.Binary) e);
    }
    if (e instanceof Expr.Cond) {
      Expr.Cond c = (Expr.Cond) e;
      return new Eval.Cond(e.pos, expr(c.cond), expr(c.then), expr(c.otherwise));
    }
    if (e instanceof Expr.Call) {
      return call((Expr.Call) e);
    }
    if (e instanceof Expr.Dot) {
      Expr.Dot d = (Expr.Dot) e;
      return new Eval.Dot(e.pos, expr(d.x), d.name);
    }
    if (e instanceof Expr.Index) {
      Expr.Index ix = (Expr.Index) e;
      return new Eval.Index(e.pos, expr(ix.x), expr(ix.index));
    }
    if (e instanceof Expr.Slice) {
      Expr.Slice s = (Expr.Slice) e;
      return new Eval.Slice(
          e.pos,
          expr(s.x),
          s.lo == null ? null : expr(s.lo),
          s.hi == null ? null : expr(s.hi),
          s.step == null ? null : expr(s.step));
    }
    if (e instanceof Expr.Lambda) {
      return makeFunction(e.pos, ((Expr.Lambda) e).function);
    }
    throw new IllegalStateException("unexpected expression " + e.getClass().getSimpleName());
  }

  private Eval ident(Expr.Ident id) {
    Binding b = id.binding;
    switch (b.scope()) {
      case LOCAL:
        return new Eval.Local(id.pos, b.index(), id.name);
      case CELL:
        return new Eval.CellLocal(id.pos, b.index(), id.name);
      case FREE:
        return new Eval.Free(id.pos, b.index(), id.name);
      case GLOBAL:
        return new Eval.Global(id.pos, b.index(), id.name);
      case PREDECLARED:
        return new Eval.Predeclared(id.pos, b.index(), id.name);
      default:
        return new Eval.Const(id.pos, Universe.BUILTINS.get(id.name));
    }
  }

  private static Object literal(Expr.Literal lit) {
    switch (lit.kind) {
      case STRING:
        return StarlarkString.ofBytes((String) lit.value);
      case BYTES:
        return StarlarkBytes.ofBytes((String) lit.value);
      default:
        return lit.value;
    }
  }

  private Eval unary(Expr.Unary u) {
    Eval x = expr(u.x);
    if (u.op == TokenKind.NOT) {
      return new Eval.Not(u.pos, x);
    }
    Object c = x.constant();
    if (c != null && Ops.isNumber(c)) {
      try {
        return new Eval.Const(u.pos, Ops.unary(u.op, c));
      } catch (EvalException e) {
        return new Eval.Unary(u.pos, u.op, x);
      }
    }
    return new Eval.Unary(u.pos, u.op, x);
  }

  private Eval binary(Expr.Binary b) {
    Eval x = expr(b.x);
    Eval y = expr(b.y);
    switch (b.op) {
      case AND:
        return new Eval.And(b.pos, x, y);
      case OR:
        return new Eval.Or(b.pos, x, y);
      default:
        break;
    }
    Object cx = x.constant();
    Object cy = y.constant();
    if (foldable(b.op) && cx != null && cy != null && Ops.isNumber(cx) && Ops.isNumber(cy)) {
      try {
        Object v = Ops.binary(null, b.op, cx, cy);
        if (!(v instanceof BigInteger) || ((BigInteger) v).bitLength() <= 256) {
          return new Eval.Const(b.pos, v);
        }
      } catch (EvalException e) {
        return new Eval.Binary(b.pos, b.op, x, y);
      }
    }
    return new Eval.Binary(b.pos, b.op, x, y);
  }

  private static boolean foldable(TokenKind op) {
    switch (op) {
      case PLUS:
      case MINUS:
      case STAR:
      case SLASH:
      case SLASHSLASH:
      case PERCENT:
      case AMP:
      case PIPE:
      case CIRCUMFLEX:
        return true;
      default:
        return false;
    }
  }

  private Eval call(Expr.Call c) {
    List<Eval> positional = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Eval> named = new ArrayList<>();
    Eval star = null;
    Eval starstar = null;
    for (Expr.Arg a : c.args) {
      switch (a.kind) {
        case POSITIONAL:
          positional.add(expr(a.value));
          break;
        case NAMED:
          names.add(a.name);
          named.add(expr(a.value));
          break;
        case STAR:
          star = expr(a.value);
          break;
        default:
          starstar = expr(a.value);
          break;
      }
    }
    Eval.ArgList args =
        new Eval.ArgList(
            positional.toArray(new Eval[0]),
            names.toArray(new String[0]),
            named.toArray(new Eval[0]),
            star,
            starstar);
    if (c.fn instanceof Expr.Dot) {
      Expr.Dot d = (Expr.Dot) c.fn;
      return new Eval.MethodCall(c.pos, d.pos, expr(d.x), d.name, args);
    }
    return new Eval.Call(c.pos, expr(c.fn), args);
  }
}
