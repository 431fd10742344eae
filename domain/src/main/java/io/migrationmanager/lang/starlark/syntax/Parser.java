package io.migrationmanager.lang.starlark.syntax;

import io.migrationmanager.lang.starlark.StarlarkException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the Starlark grammar of the specification. Operator precedence, from
 * loosest to tightest: {@code or}, {@code and}, {@code not}, comparisons (non-associative), {@code |},
 * {@code ^}, {@code &}, shifts, {@code + -}, {@code * / // %}, unary {@code + - ~}, then primary
 * expressions with their suffixes.
 *
 * <p>Recursion is bounded: bracket nesting by the lexer, prefix and nested-expression depth by {@link
 * #MAX_DEPTH}, and the height of any expression tree (long left-associative chains) by {@link #MAX_HEIGHT}.
 */
public final class Parser {
  /** Maximum nesting of sub-expressions and unary operators. */
  public static final int MAX_DEPTH = 100;

  /** Maximum height of an expression tree. */
  public static final int MAX_HEIGHT = 1000;

  private static final int PREC_OR = 1;
  private static final int PREC_AND = 2;
  private static final int PREC_NOT = 3;
  private static final int PREC_CMP = 4;
  private static final int PREC_PIPE = 5;
  private static final int PREC_XOR = 6;
  private static final int PREC_AMP = 7;
  private static final int PREC_SHIFT = 8;
  private static final int PREC_ADD = 9;
  private static final int PREC_MUL = 10;

  private final List<Token> tokens;
  private int p;
  private Token tok;
  private int depth;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
    this.tok = tokens.get(0);
  }

  /** Parses a whole file. */
  public static FileNode parse(String file, String source) {
    Parser ps = new Parser(Lexer.tokenize(file, source));
    List<Stmt> stmts = new ArrayList<>();
    while (ps.tok.kind() != TokenKind.EOF) {
      if (ps.tok.kind() == TokenKind.NEWLINE) {
        ps.next();
        continue;
      }
      ps.parseStatement(stmts);
    }
    return new FileNode(file, stmts);
  }

  // ---- helpers

  private Position next() {
    Position pos = tok.pos();
    if (p < tokens.size() - 1) {
      p++;
    }
    tok = tokens.get(p);
    return pos;
  }

  private TokenKind peekKind() {
    return p + 1 < tokens.size() ? tokens.get(p + 1).kind() : TokenKind.EOF;
  }

  private static StarlarkException error(Position pos, String msg) {
    return StarlarkException.syntaxError(pos, msg);
  }

  private StarlarkException unexpected(String want) {
    return error(tok.pos(), "got " + tok.describe() + ", want " + want);
  }

  private Position expect(TokenKind kind) {
    if (tok.kind() != kind) {
      boolean layout = kind == TokenKind.NEWLINE || kind == TokenKind.INDENT;
      throw unexpected(layout ? kind.text() : "'" + kind + "'");
    }
    return next();
  }

  private Expr.Ident parseIdent() {
    if (tok.kind() != TokenKind.IDENT) {
      throw unexpected("identifier");
    }
    String name = (String) tok.value();
    return new Expr.Ident(next(), name);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error(tok.pos(), "expression nested too deeply (limit " + MAX_DEPTH + ")");
    }
  }

  private void leave() {
    depth--;
  }

  private static <T extends Expr> T checkHeight(T e) {
    if (e.height > MAX_HEIGHT) {
      throw error(e.pos, "expression too complex (tree height exceeds " + MAX_HEIGHT + ")");
    }
    return e;
  }

  // ---- statements

  private void parseStatement(List<Stmt> out) {
    switch (tok.kind()) {
      case DEF:
        out.add(parseDef());
        break;
      case IF:
        out.add(parseIf());
        break;
      case FOR:
        out.add(parseFor());
        break;
      case WHILE:
        out.add(parseWhile());
        break;
      default:
        parseSimpleStatements(out);
        break;
    }
  }

  private void parseSimpleStatements(List<Stmt> out) {
    while (true) {
      out.add(parseSmallStatement());
      if (tok.kind() != TokenKind.SEMI) {
        break;
      }
      next();
      if (tok.kind() == TokenKind.NEWLINE || tok.kind() == TokenKind.EOF) {
        break;
      }
    }
    if (tok.kind() != TokenKind.EOF) {
      expect(TokenKind.NEWLINE);
    }
  }

  private Stmt parseSmallStatement() {
    switch (tok.kind()) {
      case RETURN:
        {
          Position pos = next();
          Expr result = null;
          TokenKind k = tok.kind();
          if (k != TokenKind.NEWLINE && k != TokenKind.SEMI && k != TokenKind.EOF) {
            result = parseExpr(false);
          }
          return new Stmt.Return(pos, result);
        }
      case BREAK:
      case CONTINUE:
      case PASS:
        {
          TokenKind k = tok.kind();
          return new Stmt.Branch(next(), k);
        }
      case LOAD:
        return parseLoad();
      default:
        break;
    }
    Expr x = parseExpr(false);
    TokenKind op = tok.kind();
    if (op == TokenKind.EQ || op.binaryOfAugmented() != null) {
      checkAssignable(x, op != TokenKind.EQ);
      Position pos = next();
      Expr rhs = parseExpr(false);
      return new Stmt.Assign(pos, op, x, rhs);
    }
    return new Stmt.ExprStmt(x.pos, x);
  }

  private Stmt parseLoad() {
    Position pos = next();
    expect(TokenKind.LPAREN);
    if (tok.kind() != TokenKind.STRING) {
      throw unexpected("string literal (module name)");
    }
    next();
    while (tok.kind() != TokenKind.RPAREN) {
      expect(TokenKind.COMMA);
      if (tok.kind() == TokenKind.RPAREN) {
        break;
      }
      if (tok.kind() == TokenKind.IDENT) {
        next();
        expect(TokenKind.EQ);
      }
      if (tok.kind() != TokenKind.STRING) {
        throw unexpected("string literal");
      }
      next();
    }
    next();
    return new Stmt.Load(pos);
  }

  private List<Stmt> parseSuite() {
    List<Stmt> body = new ArrayList<>();
    if (tok.kind() == TokenKind.NEWLINE) {
      next();
      expect(TokenKind.INDENT);
      while (tok.kind() != TokenKind.OUTDENT && tok.kind() != TokenKind.EOF) {
        if (tok.kind() == TokenKind.NEWLINE) {
          next();
          continue;
        }
        parseStatement(body);
      }
      expect(TokenKind.OUTDENT);
    } else {
      parseSimpleStatements(body);
    }
    return body;
  }

  private Stmt parseDef() {
    Position pos = next();
    Expr.Ident name = parseIdent();
    expect(TokenKind.LPAREN);
    List<Function.Param> params = parseParams(TokenKind.RPAREN);
    expect(TokenKind.RPAREN);
    expect(TokenKind.COLON);
    List<Stmt> body = parseSuite();
    return new Stmt.Def(pos, name, new Function(pos, name.name, params, body));
  }

  private Stmt parseIf() {
    Position pos = next();
    List<Expr> conds = new ArrayList<>();
    List<List<Stmt>> bodies = new ArrayList<>();
    conds.add(parseTest());
    expect(TokenKind.COLON);
    bodies.add(parseSuite());
    List<Stmt> otherwise = List.of();
    while (true) {
      if (tok.kind() == TokenKind.ELIF) {
        next();
        conds.add(parseTest());
        expect(TokenKind.COLON);
        bodies.add(parseSuite());
      } else if (tok.kind() == TokenKind.ELSE) {
        next();
        expect(TokenKind.COLON);
        otherwise = parseSuite();
        break;
      } else {
        break;
      }
    }
    return new Stmt.If(pos, conds, bodies, otherwise);
  }

  private Stmt parseFor() {
    Position pos = next();
    Expr vars = parseLoopVariables();
    expect(TokenKind.IN);
    Expr x = parseExpr(false);
    expect(TokenKind.COLON);
    return new Stmt.For(pos, vars, x, parseSuite());
  }

  private Stmt parseWhile() {
    Position pos = next();
    Expr cond = parseTest();
    expect(TokenKind.COLON);
    return new Stmt.While(pos, cond, parseSuite());
  }

  private Expr parseLoopVariables() {
    Expr first = parsePrimaryWithSuffix();
    if (tok.kind() != TokenKind.COMMA) {
      checkAssignable(first, false);
      return first;
    }
    List<Expr> vars = new ArrayList<>();
    vars.add(first);
    while (tok.kind() == TokenKind.COMMA) {
      next();
      vars.add(parsePrimaryWithSuffix());
    }
    Expr t = checkHeight(new Expr.TupleExpr(first.pos, vars));
    checkAssignable(t, false);
    return t;
  }

  private List<Function.Param> parseParams(TokenKind end) {
    List<Function.Param> params = new ArrayList<>();
    boolean seenOptional = false;
    boolean seenStar = false;
    boolean seenStarStar = false;
    boolean bareStar = false;
    boolean kwonlyAfterStar = false;
    Position bareStarPos = null;
    while (tok.kind() != end) {
      if (!params.isEmpty()) {
        expect(TokenKind.COMMA);
        if (tok.kind() == end) {
          break;
        }
      }
      Position pos = tok.pos();
      if (seenStarStar) {
        throw error(pos, "parameter may not follow **" + lastName(params));
      }
      if (tok.kind() == TokenKind.STAR) {
        next();
        if (seenStar) {
          throw error(pos, "multiple * parameters not allowed");
        }
        seenStar = true;
        if (tok.kind() == TokenKind.IDENT) {
          params.add(new Function.Param(pos, Function.Param.Kind.STAR, parseIdent(), null));
        } else {
          bareStar = true;
          bareStarPos = pos;
          params.add(new Function.Param(pos, Function.Param.Kind.BARE_STAR, null, null));
        }
      } else if (tok.kind() == TokenKind.STARSTAR) {
        next();
        seenStarStar = true;
        params.add(new Function.Param(pos, Function.Param.Kind.STARSTAR, parseIdent(), null));
      } else {
        Expr.Ident name = parseIdent();
        if (tok.kind() == TokenKind.EQ) {
          next();
          enter();
          Expr dflt = parseTest();
          leave();
          seenOptional = true;
          params.add(new Function.Param(pos, Function.Param.Kind.OPTIONAL, name, dflt));
        } else {
          if (seenOptional && !seenStar) {
            throw error(pos, "required parameter may not follow optional");
          }
          params.add(new Function.Param(pos, Function.Param.Kind.REQUIRED, name, null));
        }
        if (seenStar) {
          kwonlyAfterStar = true;
        }
      }
    }
    if (bareStar && !kwonlyAfterStar) {
      throw error(bareStarPos, "bare * must be followed by keyword-only parameters");
    }
    return params;
  }

  private static String lastName(List<Function.Param> params) {
    Function.Param last = params.get(params.size() - 1);
    return last.name == null ? "" : last.name.name;
  }

  // ---- expressions

  private static boolean startsExpression(TokenKind k) {
    switch (k) {
      case IDENT:
      case INT:
      case FLOAT:
      case STRING:
      case BYTES:
      case LPAREN:
      case LBRACK:
      case LBRACE:
      case MINUS:
      case PLUS:
      case TILDE:
      case NOT:
      case LAMBDA:
        return true;
      default:
        return false;
    }
  }

  /** Parses {@code Test {',' Test}}; a comma list becomes a tuple. */
  private Expr parseExpr(boolean inParens) {
    Expr first = parseTest();
    if (tok.kind() != TokenKind.COMMA) {
      return first;
    }
    List<Expr> elems = new ArrayList<>();
    elems.add(first);
    while (tok.kind() == TokenKind.COMMA) {
      Position comma = next();
      if (!startsExpression(tok.kind())) {
        if (inParens) {
          break;
        }
        throw error(comma, "unparenthesized tuple with trailing comma");
      }
      elems.add(parseTest());
    }
    return checkHeight(new Expr.TupleExpr(first.pos, elems));
  }

  private Expr parseTest() {
    enter();
    try {
      if (tok.kind() == TokenKind.LAMBDA) {
        return parseLambda(true);
      }
      Expr x = parseBinary(PREC_OR);
      if (tok.kind() == TokenKind.IF) {
        Position pos = next();
        Expr cond = parseBinary(PREC_OR);
        if (tok.kind() != TokenKind.ELSE) {
          throw error(pos, "conditional expression without else clause");
        }
        next();
        Expr otherwise = parseTest();
        x = checkHeight(new Expr.Cond(pos, cond, x, otherwise));
      }
      return x;
    } finally {
      leave();
    }
  }

  private Expr parseTestNoCond() {
    if (tok.kind() == TokenKind.LAMBDA) {
      enter();
      Expr x = parseLambda(false);
      leave();
      return x;
    }
    return parseBinary(PREC_OR);
  }

  private Expr parseLambda(boolean allowCond) {
    Position pos = next();
    List<Function.Param> params = parseParams(TokenKind.COLON);
    expect(TokenKind.COLON);
    Expr body = allowCond ? parseTest() : parseTestNoCond();
    List<Stmt> stmts = List.of(new Stmt.Return(body.pos, body));
    int h = body.height;
    for (Function.Param prm : params) {
      if (prm.defaultValue != null) {
        h = Math.max(h, prm.defaultValue.height);
      }
    }
    return checkHeight(new Expr.Lambda(pos, new Function(pos, "lambda", params, stmts), h + 1));
  }

  private static int precedence(TokenKind k) {
    switch (k) {
      case OR:
        return PREC_OR;
      case AND:
        return PREC_AND;
      case EQL:
      case NEQ:
      case LT:
      case GT:
      case LE:
      case GE:
      case IN:
      case NOT_IN:
        return PREC_CMP;
      case PIPE:
        return PREC_PIPE;
      case CIRCUMFLEX:
        return PREC_XOR;
      case AMP:
        return PREC_AMP;
      case LTLT:
      case GTGT:
        return PREC_SHIFT;
      case PLUS:
      case MINUS:
        return PREC_ADD;
      case STAR:
      case SLASH:
      case SLASHSLASH:
      case PERCENT:
        return PREC_MUL;
      default:
        return -1;
    }
  }

  /** Precedence climbing over the binary operators, with prefix {@code not} at its own level. */
  private Expr parseBinary(int minPrec) {
    Expr x;
    if (tok.kind() == TokenKind.NOT && minPrec <= PREC_NOT) {
      Position pos = next();
      enter();
      Expr operand = parseBinary(PREC_NOT);
      leave();
      x = checkHeight(new Expr.Unary(pos, TokenKind.NOT, operand));
    } else {
      x = parseUnary();
    }
    boolean comparison = false;
    while (true) {
      TokenKind op = tok.kind();
      if (op == TokenKind.NOT) {
        if (peekKind() != TokenKind.IN) {
          if (minPrec > PREC_CMP) {
            return x;
          }
          next();
          throw unexpected("'in'");
        }
        op = TokenKind.NOT_IN;
      }
      int prec = precedence(op);
      if (prec < minPrec) {
        return x;
      }
      if (prec == PREC_CMP && comparison) {
        throw error(
            tok.pos(), ((Expr.Binary) x).op + " does not associate with " + op + " (use parens)");
      }
      Position pos = next();
      if (op == TokenKind.NOT_IN) {
        next();
      }
      Expr y = parseBinary(prec + 1);
      x = checkHeight(new Expr.Binary(pos, op, x, y));
      comparison = prec == PREC_CMP;
    }
  }

  private Expr parseUnary() {
    TokenKind k = tok.kind();
    if (k == TokenKind.MINUS || k == TokenKind.PLUS || k == TokenKind.TILDE) {
      Position pos = next();
      enter();
      Expr x = parseUnary();
      leave();
      return checkHeight(new Expr.Unary(pos, k, x));
    }
    return parsePrimaryWithSuffix();
  }

  private Expr parsePrimaryWithSuffix() {
    Expr x = parseOperand();
    while (true) {
      switch (tok.kind()) {
        case DOT:
          {
            Position pos = next();
            Expr.Ident name = parseIdent();
            x = checkHeight(new Expr.Dot(pos, x, name.name));
            break;
          }
        case LPAREN:
          x = parseCall(x);
          break;
        case LBRACK:
          x = parseIndexOrSlice(x);
          break;
        default:
          return x;
      }
    }
  }

  private Expr parseOperand() {
    switch (tok.kind()) {
      case IDENT:
        return parseIdent();
      case INT:
      case FLOAT:
      case STRING:
      case BYTES:
        {
          Token t = tok;
          next();
          return new Expr.Literal(t.pos(), t.kind(), t.value());
        }
      case LPAREN:
        {
          Position pos = next();
          if (tok.kind() == TokenKind.RPAREN) {
            next();
            return new Expr.TupleExpr(pos, List.of());
          }
          enter();
          Expr x = parseExpr(true);
          leave();
          expect(TokenKind.RPAREN);
          if (x instanceof Expr.TupleExpr) {
            return new Expr.TupleExpr(pos, ((Expr.TupleExpr) x).elems);
          }
          return x;
        }
      case LBRACK:
        return parseList();
      case LBRACE:
        return parseDict();
      default:
        throw unexpected("primary expression");
    }
  }

  private Expr parseList() {
    Position pos = next();
    if (tok.kind() == TokenKind.RBRACK) {
      next();
      return new Expr.ListExpr(pos, List.of());
    }
    enter();
    Expr first = parseTest();
    if (tok.kind() == TokenKind.FOR) {
      Expr c = parseComprehension(pos, null, first, TokenKind.RBRACK);
      leave();
      return c;
    }
    List<Expr> elems = new ArrayList<>();
    elems.add(first);
    while (tok.kind() == TokenKind.COMMA) {
      next();
      if (tok.kind() == TokenKind.RBRACK) {
        break;
      }
      elems.add(parseTest());
    }
    leave();
    if (tok.kind() != TokenKind.RBRACK) {
      throw unexpected("',', for, or ']'");
    }
    next();
    return checkHeight(new Expr.ListExpr(pos, elems));
  }

  private Expr parseDict() {
    Position pos = next();
    if (tok.kind() == TokenKind.RBRACE) {
      next();
      return new Expr.DictExpr(pos, List.of(), List.of());
    }
    enter();
    Expr k = parseTest();
    expect(TokenKind.COLON);
    Expr v = parseTest();
    if (tok.kind() == TokenKind.FOR) {
      Expr c = parseComprehension(pos, k, v, TokenKind.RBRACE);
      leave();
      return c;
    }
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    keys.add(k);
    values.add(v);
    while (tok.kind() == TokenKind.COMMA) {
      next();
      if (tok.kind() == TokenKind.RBRACE) {
        break;
      }
      keys.add(parseTest());
      expect(TokenKind.COLON);
      values.add(parseTest());
    }
    leave();
    if (tok.kind() != TokenKind.RBRACE) {
      throw unexpected("',', for, or '}'");
    }
    next();
    return checkHeight(new Expr.DictExpr(pos, keys, values));
  }

  private Expr parseComprehension(Position pos, Expr key, Expr body, TokenKind end) {
    List<Expr.Clause> clauses = new ArrayList<>();
    int h = Math.max(body.height, key == null ? 0 : key.height);
    while (true) {
      if (tok.kind() == TokenKind.FOR) {
        Position cpos = next();
        Expr vars = parseLoopVariables();
        expect(TokenKind.IN);
        Expr x = parseBinary(PREC_OR);
        clauses.add(new Expr.Clause(cpos, vars, x));
        h = Math.max(h, Math.max(vars.height, x.height));
      } else if (tok.kind() == TokenKind.IF) {
        Position cpos = next();
        Expr cond = parseTestNoCond();
        clauses.add(new Expr.Clause(cpos, null, cond));
        h = Math.max(h, cond.height);
      } else if (tok.kind() == end) {
        next();
        break;
      } else {
        throw unexpected("'" + end + "', for, or if");
      }
    }
    return checkHeight(new Expr.Comprehension(pos, key, body, clauses, h + clauses.size()));
  }

  private Expr parseCall(Expr fn) {
    Position pos = next();
    List<Expr.Arg> args = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean seenNamed = false;
    boolean seenStar = false;
    boolean seenStarStar = false;
    int h = fn.height;
    enter();
    while (tok.kind() != TokenKind.RPAREN) {
      if (!args.isEmpty()) {
        expect(TokenKind.COMMA);
        if (tok.kind() == TokenKind.RPAREN) {
          break;
        }
      }
      Position apos = tok.pos();
      Expr.Arg arg;
      if (tok.kind() == TokenKind.STAR) {
        next();
        if (seenStarStar) {
          throw error(apos, "*args may not follow **kwargs");
        }
        if (seenStar) {
          throw error(apos, "multiple *args not allowed");
        }
        seenStar = true;
        arg = new Expr.Arg(apos, Expr.Arg.Kind.STAR, null, parseTest());
      } else if (tok.kind() == TokenKind.STARSTAR) {
        next();
        if (seenStarStar) {
          throw error(apos, "multiple **kwargs not allowed");
        }
        seenStarStar = true;
        arg = new Expr.Arg(apos, Expr.Arg.Kind.STARSTAR, null, parseTest());
      } else if (tok.kind() == TokenKind.IDENT && peekKind() == TokenKind.EQ) {
        String name = (String) tok.value();
        next();
        next();
        if (seenStarStar) {
          throw error(apos, "keyword argument may not follow **kwargs");
        }
        if (seenStar) {
          throw error(apos, "keyword argument " + name + " may not follow *args");
        }
        if (!names.add(name)) {
          throw error(apos, "keyword argument \"" + name + "\" is repeated");
        }
        seenNamed = true;
        arg = new Expr.Arg(apos, Expr.Arg.Kind.NAMED, name, parseTest());
      } else {
        if (seenStarStar) {
          throw error(apos, "positional argument may not follow **kwargs");
        }
        if (seenStar) {
          throw error(apos, "positional argument may not follow *args");
        }
        if (seenNamed) {
          throw error(apos, "positional argument may not follow named");
        }
        arg = new Expr.Arg(apos, Expr.Arg.Kind.POSITIONAL, null, parseTest());
      }
      h = Math.max(h, arg.value.height);
      args.add(arg);
    }
    leave();
    next();
    return checkHeight(new Expr.Call(pos, fn, args, h + 1));
  }

  private Expr parseIndexOrSlice(Expr x) {
    Position pos = next();
    enter();
    Expr lo = null;
    if (tok.kind() != TokenKind.COLON) {
      lo = parseExpr(true);
      if (tok.kind() == TokenKind.RBRACK) {
        next();
        leave();
        return checkHeight(new Expr.Index(pos, x, lo));
      }
    }
    if (tok.kind() != TokenKind.COLON) {
      throw unexpected("':' or ']'");
    }
    next();
    Expr hi = null;
    Expr step = null;
    if (tok.kind() != TokenKind.COLON && tok.kind() != TokenKind.RBRACK) {
      hi = parseTest();
    }
    if (tok.kind() == TokenKind.COLON) {
      next();
      if (tok.kind() != TokenKind.RBRACK) {
        step = parseTest();
      }
    }
    leave();
    expect(TokenKind.RBRACK);
    return checkHeight(new Expr.Slice(pos, x, lo, hi, step));
  }

  private static void checkAssignable(Expr x, boolean augmented) {
    if (x instanceof Expr.Ident || x instanceof Expr.Index || x instanceof Expr.Dot) {
      return;
    }
    if (x instanceof Expr.TupleExpr || x instanceof Expr.ListExpr) {
      if (augmented) {
        throw error(
            x.pos,
            "can't use " + (x instanceof Expr.TupleExpr ? "tuple" : "list")
                + " expression in augmented assignment");
      }
      List<Expr> elems =
          x instanceof Expr.TupleExpr ? ((Expr.TupleExpr) x).elems : ((Expr.ListExpr) x).elems;
      for (Expr e : elems) {
        checkAssignable(e, false);
      }
      return;
    }
    throw error(x.pos, "can't assign to " + describe(x));
  }

  private static String describe(Expr x) {
    if (x instanceof Expr.Literal) {
      return "literal";
    }
    if (x instanceof Expr.Call) {
      return "function call";
    }
    if (x instanceof Expr.Slice) {
      return "slice expression";
    }
    if (x instanceof Expr.Binary) {
      return "binary expression";
    }
    if (x instanceof Expr.Unary) {
      return "unary expression";
    }
    if (x instanceof Expr.Cond) {
      return "conditional expression";
    }
    if (x instanceof Expr.Comprehension) {
      return "comprehension";
    }
    if (x instanceof Expr.DictExpr) {
      return "dict expression";
    }
    if (x instanceof Expr.Lambda) {
      return "lambda";
    }
    return "expression";
  }
}
