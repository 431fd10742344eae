package io.migrationmanager.lang.starlark.syntax;

import io.migrationmanager.lang.starlark.StarlarkException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static checks and name resolution. Every identifier gets a {@link Binding}; every function gets its frame
 * layout and its free variables. Reports the static errors of the specification: undefined names,
 * reassigned globals, {@code break}/{@code continue} outside a loop, {@code return} or control flow at top
 * level, duplicate parameters, and {@code while} or {@code load} where the dialect does not allow them.
 *
 * <p>Blocks follow the specification: a name bound anywhere in a function (or comprehension) is local to the
 * whole block; a comprehension is its own block, except for the operand of its first {@code for} clause;
 * comprehension variables live in the enclosing function's frame.
 */
public final class Resolver {

  /**
   * Dialect switches that affect resolution.
   *
   * @param whileLoops allow {@code while} statements
   * @param topLevelControl allow {@code if}, {@code for} and {@code while} outside functions
   * @param globalReassign allow binding a global name more than once
   */
  public record Options(boolean whileLoops, boolean topLevelControl, boolean globalReassign) {}

  private static final class Block {
    final Block parent;
    final Function fn;
    final Map<String, Binding> bindings = new HashMap<>();

    Block(Block parent, Function fn) {
      this.parent = parent;
      this.fn = fn;
    }
  }

  private final FileNode file;
  private final Set<String> predeclared;
  private final Set<String> universal;
  private final Options options;
  private final Map<String, Binding> globals = new LinkedHashMap<>();
  private final Map<String, Binding> predeclaredBindings = new HashMap<>();
  private final Map<String, Binding> universalBindings = new HashMap<>();
  private final Map<Function, Map<Binding, Binding>> captured = new IdentityHashMap<>();

  private Block block;
  private Function fn;
  private int loops;

  private Resolver(FileNode file, Set<String> predeclared, Set<String> universal, Options options) {
    this.file = file;
    this.predeclared = predeclared;
    this.universal = universal;
    this.options = options;
  }

  /**
   * Resolves a parsed file in place.
   *
   * @param predeclared names the host application will provide
   * @param universal names of the universal builtins
   */
  public static void resolve(FileNode file, Set<String> predeclared, Set<String> universal, Options options) {
    Resolver r = new Resolver(file, predeclared, universal, options);
    r.fn = file.toplevel;
    r.bindGlobals(file.stmts);
    file.globals.addAll(r.globals.values());
    r.stmts(file.stmts);
  }

  private static StarlarkException error(Position pos, String msg) {
    return StarlarkException.syntaxError(pos, msg);
  }

  // ---- binding pre-passes

  private void bindGlobals(List<Stmt> stmts) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Assign) {
        bindGlobalTargets(((Stmt.Assign) s).lhs);
      } else if (s instanceof Stmt.Def) {
        bindGlobal(((Stmt.Def) s).name);
      } else if (s instanceof Stmt.For) {
        checkTopLevelControl(s, "for loop");
        bindGlobalTargets(((Stmt.For) s).vars);
        bindGlobals(((Stmt.For) s).body);
      } else if (s instanceof Stmt.While) {
        checkWhile(s);
        checkTopLevelControl(s, "while loop");
        bindGlobals(((Stmt.While) s).body);
      } else if (s instanceof Stmt.If) {
        checkTopLevelControl(s, "if statement");
        for (List<Stmt> body : ((Stmt.If) s).bodies) {
          bindGlobals(body);
        }
        bindGlobals(((Stmt.If) s).otherwise);
      } else if (s instanceof Stmt.Load) {
        throw error(s.pos, "load statement not supported by this application");
      }
    }
  }

  private void checkWhile(Stmt s) {
    if (!options.whileLoops()) {
      throw error(s.pos, "this Starlark dialect does not support while loops");
    }
  }

  private void checkTopLevelControl(Stmt s, String what) {
    if (!options.topLevelControl()) {
      throw error(s.pos, what + " not within a function");
    }
  }

  private void bindGlobalTargets(Expr target) {
    if (target instanceof Expr.Ident) {
      bindGlobal((Expr.Ident) target);
    } else if (target instanceof Expr.TupleExpr) {
      for (Expr e : ((Expr.TupleExpr) target).elems) {
        bindGlobalTargets(e);
      }
    } else if (target instanceof Expr.ListExpr) {
      for (Expr e : ((Expr.ListExpr) target).elems) {
        bindGlobalTargets(e);
      }
    }
  }

  private void bindGlobal(Expr.Ident id) {
    Binding prev = globals.get(id.name);
    if (prev != null) {
      if (!options.globalReassign()) {
        throw error(id.pos, "cannot reassign global " + id.name + " declared at " + prev.declared());
      }
      return;
    }
    globals.put(id.name, new Binding(Binding.Scope.GLOBAL, globals.size(), id.name, id.pos));
  }

  private void bindLocals(List<Stmt> stmts, Block b) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Assign) {
        bindLocalTargets(((Stmt.Assign) s).lhs, b);
      } else if (s instanceof Stmt.Def) {
        bindLocal(((Stmt.Def) s).name, b);
      } else if (s instanceof Stmt.For) {
        bindLocalTargets(((Stmt.For) s).vars, b);
        bindLocals(((Stmt.For) s).body, b);
      } else if (s instanceof Stmt.While) {
        bindLocals(((Stmt.While) s).body, b);
      } else if (s instanceof Stmt.If) {
        for (List<Stmt> body : ((Stmt.If) s).bodies) {
          bindLocals(body, b);
        }
        bindLocals(((Stmt.If) s).otherwise, b);
      }
    }
  }

  private void bindLocalTargets(Expr target, Block b) {
    if (target instanceof Expr.Ident) {
      bindLocal((Expr.Ident) target, b);
    } else if (target instanceof Expr.TupleExpr) {
      for (Expr e : ((Expr.TupleExpr) target).elems) {
        bindLocalTargets(e, b);
      }
    } else if (target instanceof Expr.ListExpr) {
      for (Expr e : ((Expr.ListExpr) target).elems) {
        bindLocalTargets(e, b);
      }
    }
  }

  private Binding bindLocal(Expr.Ident id, Block b) {
    Binding existing = b.bindings.get(id.name);
    if (existing != null) {
      return existing;
    }
    Binding bd = new Binding(Binding.Scope.LOCAL, b.fn.locals.size(), id.name, id.pos);
    b.fn.locals.add(bd);
    b.bindings.put(id.name, bd);
    return bd;
  }

  // ---- lookup

  private void use(Expr.Ident id) {
    id.binding = lookup(id);
  }

  private Binding lookup(Expr.Ident id) {
    String name = id.name;
    for (Block b = block; b != null; b = b.parent) {
      Binding bd = b.bindings.get(name);
      if (bd != null) {
        return b.fn == fn ? bd : capture(fn, bd, b.fn);
      }
    }
    Binding g = globals.get(name);
    if (g != null) {
      return g;
    }
    if (predeclared.contains(name)) {
      return predeclaredBindings.computeIfAbsent(
          name,
          k -> {
            file.predeclared.add(k);
            return new Binding(Binding.Scope.PREDECLARED, file.predeclared.size() - 1, k, null);
          });
    }
    if (universal.contains(name)) {
      return universalBindings.computeIfAbsent(
          name, k -> new Binding(Binding.Scope.UNIVERSAL, 0, k, null));
    }
    throw error(id.pos, "undefined: " + name + suggestion(name));
  }

  private String suggestion(String name) {
    List<String> candidates = new ArrayList<>();
    for (Block b = block; b != null; b = b.parent) {
      candidates.addAll(b.bindings.keySet());
    }
    candidates.addAll(globals.keySet());
    candidates.addAll(predeclared);
    candidates.addAll(universal);
    String best = Spelling.nearest(name, candidates);
    return best == null ? "" : " (did you mean " + best + "?)";
  }

  /** The free-variable binding in {@code f} for {@code outer}, a variable of the enclosing {@code owner}. */
  private Binding capture(Function f, Binding outer, Function owner) {
    Map<Binding, Binding> mine = captured.computeIfAbsent(f, k -> new IdentityHashMap<>());
    Binding free = mine.get(outer);
    if (free != null) {
      return free;
    }
    if (outer.scope() == Binding.Scope.LOCAL) {
      outer.setScope(Binding.Scope.CELL);
    }
    Binding source = f.parent == owner ? outer : capture(f.parent, outer, owner);
    free = new Binding(Binding.Scope.FREE, f.freevars.size(), outer.name(), outer.declared());
    f.freevars.add(source);
    mine.put(outer, free);
    return free;
  }

  // ---- statements

  private void stmts(List<Stmt> stmts) {
    for (Stmt s : stmts) {
      stmt(s);
    }
  }

  private boolean atTopLevel() {
    return fn == file.toplevel;
  }

  private void stmt(Stmt s) {
    if (s instanceof Stmt.ExprStmt) {
      expr(((Stmt.ExprStmt) s).x);
    } else if (s instanceof Stmt.Assign) {
      Stmt.Assign a = (Stmt.Assign) s;
      expr(a.rhs);
      expr(a.lhs);
    } else if (s instanceof Stmt.Def) {
      Stmt.Def d = (Stmt.Def) s;
      function(d.function);
      use(d.name);
    } else if (s instanceof Stmt.If) {
      Stmt.If i = (Stmt.If) s;
      if (atTopLevel()) {
        checkTopLevelControl(s, "if statement");
      }
      for (int k = 0; k < i.conds.size(); k++) {
        expr(i.conds.get(k));
        stmts(i.bodies.get(k));
      }
      stmts(i.otherwise);
    } else if (s instanceof Stmt.For) {
      Stmt.For f = (Stmt.For) s;
      if (atTopLevel()) {
        checkTopLevelControl(s, "for loop");
      }
      expr(f.x);
      expr(f.vars);
      loops++;
      stmts(f.body);
      loops--;
    } else if (s instanceof Stmt.While) {
      Stmt.While w = (Stmt.While) s;
      checkWhile(s);
      if (atTopLevel()) {
        checkTopLevelControl(s, "while loop");
      }
      expr(w.cond);
      loops++;
      stmts(w.body);
      loops--;
    } else if (s instanceof Stmt.Return) {
      if (atTopLevel()) {
        throw error(s.pos, "return statement not within a function");
      }
      Expr result = ((Stmt.Return) s).result;
      if (result != null) {
        expr(result);
      }
    } else if (s instanceof Stmt.Branch) {
      TokenKind k = ((Stmt.Branch) s).kind;
      if (k != TokenKind.PASS && loops == 0) {
        throw error(s.pos, k + " not in a loop");
      }
    } else if (s instanceof Stmt.Load) {
      throw error(
          s.pos,
          atTopLevel()
              ? "load statement not supported by this application"
              : "load statement within a function");
    }
  }

  private void function(Function f) {
    for (Function.Param prm : f.params) {
      if (prm.defaultValue != null) {
        expr(prm.defaultValue);
      }
    }
    f.parent = fn;
    Block b = new Block(block, f);
    Map<String, Position> seen = new HashMap<>();
    boolean afterStar = false;
    Function.Param star = null;
    Function.Param starstar = null;
    for (Function.Param prm : f.params) {
      if (prm.name != null && seen.putIfAbsent(prm.name.name, prm.pos) != null) {
        throw error(prm.pos, "duplicate parameter: " + prm.name.name);
      }
      switch (prm.kind) {
        case REQUIRED:
        case OPTIONAL:
          prm.name.binding = bindLocal(prm.name, b);
          f.numNamedParams++;
          if (afterStar) {
            f.numKwonlyParams++;
          }
          break;
        case BARE_STAR:
          afterStar = true;
          break;
        case STAR:
          afterStar = true;
          star = prm;
          break;
        case STARSTAR:
          starstar = prm;
          break;
        default:
          throw new IllegalStateException(prm.kind.name());
      }
    }
    if (star != null) {
      f.hasVarargs = true;
      star.name.binding = bindLocal(star.name, b);
    }
    if (starstar != null) {
      f.hasKwargs = true;
      starstar.name.binding = bindLocal(starstar.name, b);
    }
    bindLocals(f.body, b);

    Block savedBlock = block;
    Function savedFn = fn;
    int savedLoops = loops;
    block = b;
    fn = f;
    loops = 0;
    stmts(f.body);
    block = savedBlock;
    fn = savedFn;
    loops = savedLoops;
  }

  // ---- expressions

  private void exprs(List<Expr> list) {
    for (Expr e : list) {
      expr(e);
    }
  }

  private void expr(Expr e) {
    if (e instanceof Expr.Ident) {
      use((Expr.Ident) e);
    } else if (e instanceof Expr.Literal) {
      return;
    } else if (e instanceof Expr.ListExpr) {
      exprs(((Expr.ListExpr) e).elems);
    } else if (e instanceof Expr.TupleExpr) {
      exprs(((Expr.TupleExpr) e).elems);
    } else if (e instanceof Expr.DictExpr) {
      Expr.DictExpr d = (Expr.DictExpr) e;
      for (int k = 0; k < d.keys.size(); k++) {
        expr(d.keys.get(k));
        expr(d.values.get(k));
      }
    } else if (e instanceof Expr.Comprehension) {
      comprehension((Expr.Comprehension) e);
    } else if (e instanceof Expr.Unary) {
      expr(((Expr.Unary) e).x);
    } else if (e instanceof Expr.Binary) {
      expr(((Expr.Binary) e).x);
      expr(((Expr.Binary) e).y);
    } else if (e instanceof Expr.Cond) {
      Expr.Cond c = (Expr.Cond) e;
      expr(c.cond);
      expr(c.then);
      expr(c.otherwise);
    } else if (e instanceof Expr.Call) {
      Expr.Call c = (Expr.Call) e;
      expr(c.fn);
      for (Expr.Arg a : c.args) {
        expr(a.value);
      }
    } else if (e instanceof Expr.Dot) {
      expr(((Expr.Dot) e).x);
    } else if (e instanceof Expr.Index) {
      expr(((Expr.Index) e).x);
      expr(((Expr.Index) e).index);
    } else if (e instanceof Expr.Slice) {
      Expr.Slice s = (Expr.Slice) e;
      expr(s.x);
      for (Expr part : new Expr[] {s.lo, s.hi, s.step}) {
        if (part != null) {
          expr(part);
        }
      }
    } else if (e instanceof Expr.Lambda) {
      function(((Expr.Lambda) e).function);
    } else {
      throw new IllegalStateException(e.getClass().getName());
    }
  }

  private void comprehension(Expr.Comprehension c) {
    Expr.Clause first = c.clauses.get(0);
    expr(first.expr);
    Block b = new Block(block, fn);
    for (Expr.Clause cl : c.clauses) {
      if (cl.isFor()) {
        bindLocalTargets(cl.vars, b);
      }
    }
    Block saved = block;
    block = b;
    for (Expr.Clause cl : c.clauses) {
      if (cl.isFor()) {
        if (cl != first) {
          expr(cl.expr);
        }
        expr(cl.vars);
      } else {
        expr(cl.expr);
      }
    }
    if (c.key != null) {
      expr(c.key);
    }
    expr(c.body);
    block = saved;
  }
}
