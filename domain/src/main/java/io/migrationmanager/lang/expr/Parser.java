package io.migrationmanager.lang.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser with expr-lang's grammar, precedences, error messages and positions.
 * Like expr-lang it records the first error and unwinds, and it limits the number of nodes
 * (10,000). Unlike expr-lang it also limits nesting, so that no input can exhaust the stack of the
 * parser or of the later stages (which recurse over the tree): at most {@link #MAX_NESTING} levels
 * of brackets, unary operators and right-associative operators, and a tree at most {@link
 * #MAX_DEPTH} levels deep (long chains like {@code a or b or c ...} are deep trees).
 */
final class Parser {
  static final int MAX_NODES = 10_000;
  static final int MAX_NESTING = 256;
  static final int MAX_DEPTH = 1000;

  private static final int EXPR = 1;
  private static final int PREDICATE = 2;
  private static final int OPTIONAL = 128;

  private static final Map<String, int[]> PREDICATES =
      Map.ofEntries(
          Map.entry("all", new int[] {EXPR, PREDICATE}),
          Map.entry("none", new int[] {EXPR, PREDICATE}),
          Map.entry("any", new int[] {EXPR, PREDICATE}),
          Map.entry("one", new int[] {EXPR, PREDICATE}),
          Map.entry("filter", new int[] {EXPR, PREDICATE}),
          Map.entry("map", new int[] {EXPR, PREDICATE}),
          Map.entry("count", new int[] {EXPR, PREDICATE | OPTIONAL}),
          Map.entry("sum", new int[] {EXPR, PREDICATE | OPTIONAL}),
          Map.entry("find", new int[] {EXPR, PREDICATE}),
          Map.entry("findIndex", new int[] {EXPR, PREDICATE}),
          Map.entry("findLast", new int[] {EXPR, PREDICATE}),
          Map.entry("findLastIndex", new int[] {EXPR, PREDICATE}),
          Map.entry("groupBy", new int[] {EXPR, PREDICATE}),
          Map.entry("sortBy", new int[] {EXPR, PREDICATE, EXPR | OPTIONAL}),
          Map.entry("reduce", new int[] {EXPR, PREDICATE, EXPR | OPTIONAL}));

  /** Binary operators: precedence, and whether they associate to the right. */
  private record Operator(int precedence, boolean rightAssociative) {}

  private static final Map<String, Operator> BINARY =
      Map.ofEntries(
          Map.entry("|", new Operator(0, false)),
          Map.entry("or", new Operator(10, false)),
          Map.entry("||", new Operator(10, false)),
          Map.entry("and", new Operator(15, false)),
          Map.entry("&&", new Operator(15, false)),
          Map.entry("==", new Operator(20, false)),
          Map.entry("!=", new Operator(20, false)),
          Map.entry("<", new Operator(20, false)),
          Map.entry(">", new Operator(20, false)),
          Map.entry(">=", new Operator(20, false)),
          Map.entry("<=", new Operator(20, false)),
          Map.entry("in", new Operator(20, false)),
          Map.entry("matches", new Operator(20, false)),
          Map.entry("contains", new Operator(20, false)),
          Map.entry("startsWith", new Operator(20, false)),
          Map.entry("endsWith", new Operator(20, false)),
          Map.entry("..", new Operator(25, false)),
          Map.entry("+", new Operator(30, false)),
          Map.entry("-", new Operator(30, false)),
          Map.entry("*", new Operator(60, false)),
          Map.entry("/", new Operator(60, false)),
          Map.entry("%", new Operator(60, false)),
          Map.entry("**", new Operator(100, true)),
          Map.entry("^", new Operator(100, true)),
          Map.entry("??", new Operator(500, false)));

  private static final Map<String, Integer> UNARY = Map.of("not", 50, "!", 50, "-", 90, "+", 90);

  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private final String source;
  private final Lexer lexer;
  private final Predicate<String> definedByEnv;
  private Token current = new Token(Token.Kind.NONE, "", null, 0, 0);
  private Token stashed;
  private ExprException error;
  private int predicateDepth;
  private int nodeCount;
  private int nesting;

  private Parser(String source, Predicate<String> definedByEnv) {
    this.source = source;
    this.lexer = new Lexer(source);
    this.definedByEnv = definedByEnv;
  }

  /**
   * Parses a whole expression.
   *
   * @param definedByEnv names the environment defines; a call of such a name is not a builtin call
   */
  static Node parse(String source, Predicate<String> definedByEnv) {
    Parser parser = new Parser(source, definedByEnv);
    parser.advance();
    Node node = parser.parseSequence();
    if (!parser.current.is(Token.Kind.EOF)) {
      parser.fail("unexpected token " + parser.current);
    }
    if (parser.error != null) {
      throw parser.error;
    }
    return node;
  }

  private void fail(String message) {
    failAt(current, message);
  }

  private void failAt(Token token, String message) {
    failAtPos(token.from, message);
  }

  private void failAtPos(int pos, String message) {
    if (error == null) {
      error = ExprException.at(source, pos, message);
    }
  }

  private void advance() {
    if (stashed != null) {
      current = stashed;
      stashed = null;
      return;
    }
    try {
      Token token = lexer.next();
      if (token == null) {
        fail("unexpected end of expression");
      } else {
        current = token;
      }
    } catch (ExprException e) {
      error = e;
    }
  }

  private void expect(Token.Kind kind) {
    if (current.is(kind)) {
      advance();
      return;
    }
    fail("unexpected token " + current);
  }

  private void expect(Token.Kind kind, String value) {
    if (current.is(kind, value)) {
      advance();
      return;
    }
    fail("unexpected token " + current);
  }

  /** Counts a new node and bounds the tree; returns {@code null} once an error was recorded. */
  private <T extends Node> T node(T node) {
    nodeCount++;
    if (nodeCount > MAX_NODES) {
      fail("compilation failed: expression exceeds maximum allowed nodes");
    }
    if (node.depth > MAX_DEPTH) {
      failAtPos(node.pos, tooDeep());
    }
    return error == null ? node : null;
  }

  private static String tooDeep() {
    return "expression is too deep (more than " + MAX_DEPTH + " levels)";
  }

  private boolean enter() {
    nesting++;
    if (nesting > MAX_NESTING) {
      fail("expression is nested too deeply (more than " + MAX_NESTING + " levels)");
      return false;
    }
    return true;
  }

  private Node parseSequence() {
    List<Node> nodes = new ArrayList<>();
    nodes.add(parseExpression(0));
    while (current.is(Token.Kind.OPERATOR, ";") && error == null) {
      advance();
      if (current.is(Token.Kind.EOF)) {
        break;
      }
      nodes.add(parseExpression(0));
    }
    if (nodes.size() == 1) {
      return nodes.get(0);
    }
    if (nodes.contains(null)) {
      return null;
    }
    return node(new Node.Sequence(nodes.get(0).pos, nodes));
  }

  private Node parseExpression(int precedence) {
    if (error != null) {
      return null;
    }
    if (!enter()) {
      return null;
    }
    try {
      return parseExpressionBody(precedence);
    } finally {
      nesting--;
    }
  }

  private Node parseExpressionBody(int precedence) {
    if (precedence == 0 && current.is(Token.Kind.OPERATOR, "let")) {
      return parseLet();
    }
    if (precedence == 0 && current.is(Token.Kind.OPERATOR, "if")) {
      return parseIf();
    }
    Node left = parsePrimary();
    String previousOperator = "";
    Token opToken = current;
    while (opToken.is(Token.Kind.OPERATOR) && error == null) {
      boolean negate = opToken.is(Token.Kind.OPERATOR, "not");
      Token notToken = null;
      if (negate) {
        Token backup = current;
        advance();
        if (isNegatable(current.value)) {
          Operator op = BINARY.get(current.value);
          if (op != null && op.precedence >= precedence) {
            notToken = current;
            opToken = current;
          } else {
            stashed = current;
            current = backup;
            break;
          }
        } else {
          fail("unexpected token " + current);
          break;
        }
      }
      Operator op = BINARY.get(opToken.value);
      if (op == null || op.precedence < precedence) {
        break;
      }
      advance();
      if (opToken.value.equals("|")) {
        Token name = current;
        expect(Token.Kind.IDENTIFIER);
        List<Node> arguments = new ArrayList<>();
        arguments.add(left);
        left = parseCall(name, arguments, true);
      } else {
        if (previousOperator.equals("??") && !opToken.value.equals("??")) {
          failAt(
              opToken,
              "Operator ("
                  + opToken.value
                  + ") and coalesce expressions (??) cannot be mixed."
                  + " Wrap either by parentheses.");
          break;
        }
        if (isComparison(opToken.value)) {
          left = parseComparison(left, opToken, op.precedence);
        } else {
          Node right = parseExpression(op.rightAssociative ? op.precedence : op.precedence + 1);
          left = node(new Node.Binary(opToken.from, opToken.value, left, right));
          if (left == null) {
            return null;
          }
          if (negate) {
            left = node(new Node.Unary(notToken.from, "not", left));
            if (left == null) {
              return null;
            }
          }
        }
      }
      previousOperator = opToken.value;
      opToken = current;
    }
    if (precedence == 0) {
      left = parseConditional(left);
    }
    return left;
  }

  private static boolean isNegatable(String operator) {
    return switch (operator) {
      case "contains", "matches", "startsWith", "endsWith", "in" -> true;
      default -> false;
    };
  }

  private static boolean isComparison(String operator) {
    return operator.equals("<")
        || operator.equals(">")
        || operator.equals(">=")
        || operator.equals("<=");
  }

  private Node parseLet() {
    expect(Token.Kind.OPERATOR, "let");
    Token name = current;
    expect(Token.Kind.IDENTIFIER);
    expect(Token.Kind.OPERATOR, "=");
    Node value = parseExpression(0);
    expect(Token.Kind.OPERATOR, ";");
    Node body = parseSequence();
    return node(new Node.Let(name.from, name.value, value, body));
  }

  private Node parseIf() {
    if (!enter()) {
      return null;
    }
    try {
      advance();
      if (error != null) {
        return null;
      }
      Node condition = parseExpression(0);
      expect(Token.Kind.BRACKET, "{");
      Node then = parseSequence();
      expect(Token.Kind.BRACKET, "}");
      expect(Token.Kind.OPERATOR, "else");
      Node otherwise;
      if (current.is(Token.Kind.OPERATOR, "if")) {
        otherwise = parseIf();
      } else {
        expect(Token.Kind.BRACKET, "{");
        otherwise = parseSequence();
        expect(Token.Kind.BRACKET, "}");
      }
      if (error != null) {
        return null;
      }
      Node.Conditional conditional = new Node.Conditional(0, condition, then, otherwise);
      if (conditional.depth > MAX_DEPTH) {
        fail(tooDeep());
        return null;
      }
      return conditional;
    } finally {
      nesting--;
    }
  }

  private Node parseConditional(Node condition) {
    Node node = condition;
    while (current.is(Token.Kind.OPERATOR, "?") && error == null) {
      advance();
      Node then;
      Node otherwise;
      if (!current.is(Token.Kind.OPERATOR, ":")) {
        then = parseExpression(0);
        expect(Token.Kind.OPERATOR, ":");
        otherwise = parseExpression(0);
      } else {
        advance();
        then = node;
        otherwise = parseExpression(0);
      }
      node = node(new Node.Conditional(current.from, node, then, otherwise));
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private Node parsePrimary() {
    Token token = current;
    if (token.is(Token.Kind.OPERATOR) && UNARY.containsKey(token.value)) {
      advance();
      Node operand = parseExpression(UNARY.get(token.value));
      Node node = node(new Node.Unary(token.from, token.value, operand));
      if (node == null) {
        return null;
      }
      return parsePostfix(node);
    }
    if (token.is(Token.Kind.BRACKET, "(")) {
      advance();
      Node inner = parseSequence();
      expect(Token.Kind.BRACKET, ")");
      return parsePostfix(inner);
    }
    if (predicateDepth > 0
        && (token.is(Token.Kind.OPERATOR, "#") || token.is(Token.Kind.OPERATOR, "."))) {
      String name = "";
      if (token.is(Token.Kind.OPERATOR, "#")) {
        advance();
        if (current.is(Token.Kind.IDENTIFIER)) {
          name = current.value;
          advance();
        }
      }
      Node node = node(new Node.Pointer(token.from, name));
      if (node == null) {
        return null;
      }
      return parsePostfix(node);
    }
    if (token.is(Token.Kind.OPERATOR, "::")) {
      advance();
      Token name = current;
      expect(Token.Kind.IDENTIFIER);
      return parsePostfix(parseCall(name, new ArrayList<>(), false));
    }
    return parseSecondary();
  }

  private Node parseSecondary() {
    Token token = current;
    Node node;
    switch (token.kind) {
      case IDENTIFIER -> {
        advance();
        switch (token.value) {
          case "true", "false" -> {
            return node(new Node.BoolLit(token.from, token.value.equals("true")));
          }
          case "nil" -> {
            return node(new Node.Nil(token.from));
          }
          default -> {
            if (current.is(Token.Kind.BRACKET, "(")) {
              node = parseCall(token, new ArrayList<>(), true);
            } else {
              node = node(new Node.Identifier(token.from, token.value));
              if (node == null) {
                return null;
              }
            }
          }
        }
      }
      case NUMBER -> {
        advance();
        return parseNumber(token);
      }
      case STRING -> {
        advance();
        node = node(new Node.StringLit(token.from, token.value));
        if (node == null) {
          return null;
        }
      }
      case BYTES -> {
        advance();
        node = node(new Node.BytesLit(token.from, token.bytes));
        if (node == null) {
          return null;
        }
      }
      default -> {
        if (token.is(Token.Kind.BRACKET, "[")) {
          node = parseArray(token);
        } else if (token.is(Token.Kind.BRACKET, "{")) {
          node = parseMap(token);
        } else {
          fail("unexpected token " + token);
          node = null;
        }
      }
    }
    return parsePostfix(node);
  }

  private Node parseNumber(Token token) {
    String value = token.value.replace("_", "");
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    Node node;
    if (lower.startsWith("0x")) {
      node = intNode(token, value, 16, "invalid hex literal");
    } else if (lower.contains(".") || lower.contains("e")) {
      node = floatNode(token, value);
    } else if (lower.startsWith("0b")) {
      node = intNode(token, value, 2, "invalid binary literal");
    } else if (lower.startsWith("0o")) {
      node = intNode(token, value, 8, "invalid octal literal");
    } else {
      node = intNode(token, value, 10, "invalid integer literal");
    }
    return node;
  }

  private Node intNode(Token token, String text, int radix, String what) {
    String digits = radix == 10 ? text : text.substring(2);
    long value = 0;
    String problem = null;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) {
      problem = "invalid syntax";
    } else {
      BigInteger big = new BigInteger(digits, radix);
      if (big.bitLength() > 63) {
        problem = "value out of range";
      } else {
        value = big.longValue();
      }
    }
    if (problem != null) {
      fail(what + ": strconv.ParseInt: parsing " + GoText.quote(text) + ": " + problem);
    }
    return node(new Node.IntLit(token.from, value));
  }

  private Node floatNode(Token token, String text) {
    double value = 0;
    String problem = null;
    if (!DECIMAL_FLOAT.matcher(text).matches()) {
      problem = "invalid syntax";
    } else {
      value = Double.parseDouble(text);
      if (Double.isInfinite(value)) {
        problem = "value out of range";
      }
    }
    if (problem != null) {
      fail(
          "invalid float literal: strconv.ParseFloat: parsing "
              + GoText.quote(text)
              + ": "
              + problem);
    }
    return node(new Node.FloatLit(token.from, value));
  }

  private Node parseCall(Token token, List<Node> arguments, boolean checkOverrides) {
    boolean overridden = checkOverrides && definedByEnv.test(token.value);
    int[] kinds = PREDICATES.get(token.value);
    if (kinds != null && !overridden) {
      expect(Token.Kind.BRACKET, "(");
      int offset = arguments.size();
      int count = kinds.length - offset;
      for (int i = 0; i < count; i++) {
        int kind = kinds[offset + i];
        if ((kind & OPTIONAL) == OPTIONAL) {
          if (current.is(Token.Kind.BRACKET, ")")) {
            break;
          }
        } else if (current.is(Token.Kind.BRACKET, ")")) {
          fail("expected at least " + count + " arguments");
        }
        if (i > 0) {
          expect(Token.Kind.OPERATOR, ",");
        }
        arguments.add((kind & EXPR) == EXPR ? parseExpression(0) : parsePredicate());
      }
      if (current.is(Token.Kind.OPERATOR, ",")) {
        advance();
      }
      expect(Token.Kind.BRACKET, ")");
      if (error != null) {
        return null;
      }
      return node(new Node.Builtin(token.from, token.value, arguments));
    }
    if (Builtins.isBuiltin(token.value) && !overridden) {
      List<Node> parsed = parseArguments(arguments);
      if (error != null) {
        return null;
      }
      return node(new Node.Builtin(token.from, token.value, parsed));
    }
    Node callee = node(new Node.Identifier(token.from, token.value));
    if (callee == null) {
      return null;
    }
    List<Node> parsed = parseArguments(arguments);
    if (error != null) {
      return null;
    }
    return node(new Node.Call(token.from, callee, parsed));
  }

  private List<Node> parseArguments(List<Node> arguments) {
    int offset = arguments.size();
    expect(Token.Kind.BRACKET, "(");
    while (!current.is(Token.Kind.BRACKET, ")") && error == null) {
      if (arguments.size() > offset) {
        expect(Token.Kind.OPERATOR, ",");
      }
      if (current.is(Token.Kind.BRACKET, ")")) {
        break;
      }
      arguments.add(parseExpression(0));
    }
    expect(Token.Kind.BRACKET, ")");
    return arguments;
  }

  private Node parsePredicate() {
    Token start = current;
    boolean braces = false;
    if (current.is(Token.Kind.BRACKET, "{")) {
      advance();
      braces = true;
    }
    predicateDepth++;
    Node body;
    if (braces) {
      body = parseSequence();
    } else {
      body = parseExpression(0);
      if (current.is(Token.Kind.OPERATOR, ";")) {
        fail("wrap predicate with brackets { and }");
      }
    }
    predicateDepth--;
    if (braces) {
      expect(Token.Kind.BRACKET, "}");
    }
    if (error != null) {
      return null;
    }
    return node(new Node.Predicate(start.from, body));
  }

  private Node parseArray(Token token) {
    List<Node> elements = new ArrayList<>();
    expect(Token.Kind.BRACKET, "[");
    while (!current.is(Token.Kind.BRACKET, "]") && error == null) {
      if (!elements.isEmpty()) {
        expect(Token.Kind.OPERATOR, ",");
        if (current.is(Token.Kind.BRACKET, "]")) {
          break;
        }
      }
      elements.add(parseExpression(0));
    }
    expect(Token.Kind.BRACKET, "]");
    if (error != null) {
      return null;
    }
    return node(new Node.ArrayLit(token.from, elements));
  }

  private Node parseMap(Token token) {
    expect(Token.Kind.BRACKET, "{");
    List<Node.Pair> pairs = new ArrayList<>();
    while (!current.is(Token.Kind.BRACKET, "}") && error == null) {
      if (!pairs.isEmpty()) {
        expect(Token.Kind.OPERATOR, ",");
        if (current.is(Token.Kind.BRACKET, "}")) {
          break;
        }
        if (current.is(Token.Kind.OPERATOR, ",")) {
          fail("unexpected token " + current);
        }
      }
      Node key;
      if (current.is(Token.Kind.NUMBER)
          || current.is(Token.Kind.STRING)
          || current.is(Token.Kind.IDENTIFIER)) {
        key = node(new Node.StringLit(current.from, current.value));
        if (key == null) {
          return null;
        }
        advance();
      } else if (current.is(Token.Kind.BRACKET, "(")) {
        key = parseExpression(0);
      } else {
        fail(
            "a map key must be a quoted string, a number, a identifier, or an expression enclosed"
                + " in parentheses (unexpected token "
                + current
                + ")");
        key = null;
      }
      expect(Token.Kind.OPERATOR, ":");
      Node value = parseExpression(0);
      if (error != null) {
        return null;
      }
      Node.Pair pair = node(new Node.Pair(token.from, key, value));
      if (pair == null) {
        return null;
      }
      pairs.add(pair);
    }
    expect(Token.Kind.BRACKET, "}");
    if (error != null) {
      return null;
    }
    return node(new Node.MapLit(token.from, pairs));
  }

  private Node parsePostfix(Node start) {
    Node node = start;
    Token postfix = current;
    while ((postfix.is(Token.Kind.OPERATOR) || postfix.is(Token.Kind.BRACKET)) && error == null) {
      boolean optional = postfix.value.equals("?.");
      if (optional) {
        advance();
        if (current.is(Token.Kind.BRACKET, "[")) {
          postfix = current;
        } else {
          node = parseProperty(node, true);
          if (node == null) {
            return null;
          }
          postfix = current;
          continue;
        }
      } else if (postfix.value.equals(".")) {
        advance();
        node = parseProperty(node, false);
        if (node == null) {
          return null;
        }
        postfix = current;
        continue;
      }
      if (!postfix.value.equals("[")) {
        break;
      }
      node = parseIndex(node, postfix, optional);
      if (node == null) {
        return null;
      }
      postfix = current;
    }
    return node;
  }

  /** After {@code .} or {@code ?.}: the property name, possibly a method call. */
  private Node parseProperty(Node object, boolean optional) {
    Token property = current;
    advance();
    if (!property.is(Token.Kind.IDENTIFIER)
        && !(property.is(Token.Kind.OPERATOR) && GoText.isValidIdentifier(property.value))) {
      fail("expected name");
    }
    Node name = node(new Node.StringLit(property.from, property.value));
    if (name == null) {
      return null;
    }
    boolean chained = object instanceof Node.Chain;
    Node base = chained ? ((Node.Chain) object).node : object;
    Node.Member member = node(new Node.Member(property.from, base, name, optional));
    if (member == null) {
      return null;
    }
    Node node = member;
    if (current.is(Token.Kind.BRACKET, "(")) {
      member.method = true;
      List<Node> arguments = parseArguments(new ArrayList<>());
      if (error != null) {
        return null;
      }
      node = node(new Node.Call(property.from, member, arguments));
      if (node == null) {
        return null;
      }
    }
    if (chained || optional) {
      node = node(new Node.Chain(property.from, node));
    }
    return node;
  }

  /** After {@code [}: an index or a slice. */
  private Node parseIndex(Node object, Token bracket, boolean optional) {
    advance();
    if (current.is(Token.Kind.OPERATOR, ":")) {
      advance();
      Node upper = null;
      if (!current.is(Token.Kind.BRACKET, "]")) {
        upper = parseExpression(0);
      }
      Node node = node(new Node.Slice(bracket.from, object, null, upper));
      expect(Token.Kind.BRACKET, "]");
      return error == null ? node : null;
    }
    Node lower = parseExpression(0);
    if (current.is(Token.Kind.OPERATOR, ":")) {
      advance();
      Node upper = null;
      if (!current.is(Token.Kind.BRACKET, "]")) {
        upper = parseExpression(0);
      }
      Node node = node(new Node.Slice(bracket.from, object, lower, upper));
      expect(Token.Kind.BRACKET, "]");
      return error == null ? node : null;
    }
    Node node = node(new Node.Member(bracket.from, object, lower, optional));
    if (node != null && optional) {
      node = node(new Node.Chain(bracket.from, node));
    }
    expect(Token.Kind.BRACKET, "]");
    return error == null ? node : null;
  }

  private Node parseComparison(Node first, Token firstToken, int precedence) {
    Node left = first;
    Token token = firstToken;
    Node root = null;
    while (true) {
      Node comparator = parseExpression(precedence + 1);
      Node comparison = node(new Node.Binary(token.from, token.value, left, comparator));
      if (comparison == null) {
        return null;
      }
      root = root == null ? comparison : node(new Node.Binary(token.from, "&&", root, comparison));
      if (root == null) {
        return null;
      }
      left = comparator;
      token = current;
      if (!(token.is(Token.Kind.OPERATOR) && isComparison(token.value) && error == null)) {
        break;
      }
      advance();
    }
    return root;
  }
}
