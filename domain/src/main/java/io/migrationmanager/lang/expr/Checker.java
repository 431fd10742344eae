package io.migrationmanager.lang.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Infers the static type of every node and reports expr-lang's compile-time errors (unknown names,
 * mismatched operand types, wrong builtin arguments...). Types that are not known statically are
 * {@code unknown} and checked at run time instead. The first error aborts the check.
 */
final class Checker {
  private final String source;
  private final Env env;
  private final boolean strict;
  private final Deque<PredicateScope> predicateScopes = new ArrayDeque<>();
  private final List<String> variableNames = new ArrayList<>();
  private final List<ExprType> variableTypes = new ArrayList<>();

  private record PredicateScope(ExprType collection, Map<String, ExprType> variables) {}

  private Checker(String source, Env env) {
    this.source = source;
    this.env = env;
    this.strict = env != null && env.isStrict();
  }

  static void check(String source, Node root, Env env) {
    new Checker(source, env).visit(root);
  }

  private ExprException error(Node node, String message) {
    return ExprException.at(source, node.pos, message);
  }

  private ExprType visit(Node node) {
    ExprType type = infer(node);
    node.type = type;
    return type;
  }

  private ExprType infer(Node node) {
    if (node instanceof Node.Nil) {
      return ExprType.NIL;
    } else if (node instanceof Node.Identifier n) {
      return identifier(n);
    } else if (node instanceof Node.IntLit) {
      return ExprType.INT;
    } else if (node instanceof Node.FloatLit) {
      return ExprType.FLOAT;
    } else if (node instanceof Node.BoolLit) {
      return ExprType.BOOL;
    } else if (node instanceof Node.StringLit) {
      return ExprType.STRING;
    } else if (node instanceof Node.BytesLit) {
      return ExprType.BYTES;
    } else if (node instanceof Node.Unary n) {
      return unary(n);
    } else if (node instanceof Node.Binary n) {
      return binary(n);
    } else if (node instanceof Node.Chain n) {
      return visit(n.node);
    } else if (node instanceof Node.Member n) {
      return member(n);
    } else if (node instanceof Node.Slice n) {
      return slice(n);
    } else if (node instanceof Node.Call n) {
      return call(n);
    } else if (node instanceof Node.Builtin n) {
      return builtin(n);
    } else if (node instanceof Node.Predicate n) {
      ExprType body = visit(n.body);
      return ExprType.predicate(body.isNil() ? null : body);
    } else if (node instanceof Node.Pointer n) {
      return pointer(n);
    } else if (node instanceof Node.Let n) {
      return let(n);
    } else if (node instanceof Node.Sequence n) {
      ExprType last = ExprType.UNKNOWN;
      for (Node child : n.nodes) {
        last = visit(child);
      }
      return last;
    } else if (node instanceof Node.Conditional n) {
      return conditional(n);
    } else if (node instanceof Node.ArrayLit n) {
      return array(n);
    } else if (node instanceof Node.MapLit n) {
      for (Node.Pair pair : n.pairs) {
        visit(pair);
      }
      return ExprType.ANY_MAP;
    } else if (node instanceof Node.Pair n) {
      visit(n.key);
      visit(n.value);
      return ExprType.NIL;
    } else if (node instanceof Node.Constant n) {
      return Values.typeOf(n.value);
    }
    throw new IllegalStateException("unexpected node " + node.getClass().getSimpleName());
  }

  private ExprType identifier(Node.Identifier node) {
    for (int i = variableNames.size() - 1; i >= 0; i--) {
      if (variableNames.get(i).equals(node.name)) {
        return variableTypes.get(i);
      }
    }
    if (node.name.equals("$env")) {
      return ExprType.UNKNOWN;
    }
    return ident(node, node.name, strict, true);
  }

  private ExprType ident(Node node, String name, boolean strictLookup, boolean withFunctions) {
    ExprType declared = env == null ? null : env.lookup(name);
    if (declared != null) {
      return declared;
    }
    if (withFunctions && (Functions.isFunction(name) || Builtins.isBuiltin(name))) {
      return ExprType.function(name);
    }
    if (strict && strictLookup) {
      throw error(node, "unknown name " + name);
    }
    return ExprType.UNKNOWN;
  }

  private ExprType unary(Node.Unary node) {
    ExprType type = visit(node.operand);
    switch (node.operator) {
      case "!", "not" -> {
        if (type.isBool() || type.isUnknown()) {
          return ExprType.BOOL;
        }
      }
      default -> {
        if (type.isNumber()) {
          return type;
        }
        if (type.isUnknown()) {
          return ExprType.UNKNOWN;
        }
      }
    }
    throw error(node, "invalid operation: " + node.operator + " (mismatched type " + type + ")");
  }

  /**
   * expr-lang's {@code MaybeCompatible}: one side unknown, the other unknown or of an allowed kind.
   */
  private static boolean maybe(ExprType l, ExprType r, Check... checks) {
    return (l.isUnknown() && r.isUnknown())
        || (l.isUnknown() && anyOf(r, checks))
        || (r.isUnknown() && anyOf(l, checks));
  }

  private enum Check {
    STRING,
    INTEGER,
    NUMBER,
    MAP,
    ARRAY,
    TIME
  }

  private static boolean anyOf(ExprType t, Check... checks) {
    for (Check check : checks) {
      boolean ok =
          switch (check) {
            case STRING -> t.isString();
            case INTEGER -> t.isInteger();
            case NUMBER -> t.isNumber();
            case MAP -> t.isMap();
            case ARRAY -> t.isArray();
            case TIME -> t.isTime();
          };
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private static ExprType promote(ExprType l, ExprType r) {
    if (l.isUnknown() || r.isUnknown()) {
      return ExprType.UNKNOWN;
    }
    return l.kind == ExprType.Kind.FLOAT || r.kind == ExprType.Kind.FLOAT
        ? ExprType.FLOAT
        : ExprType.INT;
  }

  private ExprType binary(Node.Binary node) {
    ExprType l = visit(node.left);
    ExprType r = visit(node.right);
    switch (node.operator) {
      case "==", "!=" -> {
        if (l.comparableTo(r)) {
          return ExprType.BOOL;
        }
      }
      case "or", "||", "and", "&&" -> {
        if ((l.isBool() && r.isBool()) || maybeBool(l, r)) {
          return ExprType.BOOL;
        }
      }
      case "<", ">", ">=", "<=" -> {
        if ((l.isNumber() && r.isNumber())
            || (l.isString() && r.isString())
            || (l.isTime() && r.isTime())
            || maybe(l, r, Check.NUMBER, Check.STRING, Check.TIME)) {
          return ExprType.BOOL;
        }
      }
      case "-" -> {
        if (l.isNumber() && r.isNumber()) {
          return promote(l, r);
        }
        if (maybe(l, r, Check.NUMBER, Check.TIME)) {
          return ExprType.UNKNOWN;
        }
      }
      case "*" -> {
        if (l.isNumber() && r.isNumber()) {
          return promote(l, r);
        }
        if (maybe(l, r, Check.NUMBER)) {
          return ExprType.UNKNOWN;
        }
      }
      case "/", "**", "^" -> {
        if ((l.isNumber() && r.isNumber()) || maybe(l, r, Check.NUMBER)) {
          return ExprType.FLOAT;
        }
      }
      case "%" -> {
        if ((l.isInteger() && r.isInteger()) || maybe(l, r, Check.INTEGER)) {
          return ExprType.INT;
        }
      }
      case "+" -> {
        if (l.isNumber() && r.isNumber()) {
          return promote(l, r);
        }
        if (l.isString() && r.isString()) {
          return ExprType.STRING;
        }
        if (maybe(l, r, Check.NUMBER, Check.STRING, Check.TIME)) {
          return ExprType.UNKNOWN;
        }
      }
      case "in" -> {
        return in(node, l, r);
      }
      case "matches" -> {
        if (node.right instanceof Node.StringLit pattern) {
          String problem = Regexes.problem(pattern.value);
          if (problem != null) {
            throw error(node, problem);
          }
        }
        if (((l.isString() || l.kind == ExprType.Kind.BYTES) && r.isString())
            || maybe(l, r, Check.STRING)) {
          return ExprType.BOOL;
        }
      }
      case "contains", "startsWith", "endsWith" -> {
        if ((l.isString() && r.isString()) || maybe(l, r, Check.STRING)) {
          return ExprType.BOOL;
        }
      }
      case ".." -> {
        if ((l.isInteger() && r.isInteger()) || maybe(l, r, Check.INTEGER)) {
          return ExprType.array(ExprType.INT);
        }
      }
      case "??" -> {
        if (l.isNil() && !r.isNil()) {
          return r;
        }
        if (!l.isNil() && r.isNil()) {
          return l;
        }
        if (l.isNil()) {
          return ExprType.NIL;
        }
        return r.assignableTo(l) ? l : ExprType.UNKNOWN;
      }
      default -> throw error(node, "unknown operator (" + node.operator + ")");
    }
    throw error(
        node,
        "invalid operation: " + node.operator + " (mismatched types " + l + " and " + r + ")");
  }

  private static boolean maybeBool(ExprType l, ExprType r) {
    return (l.isUnknown() && r.isUnknown())
        || (l.isUnknown() && r.isBool())
        || (r.isUnknown() && l.isBool());
  }

  private ExprType in(Node.Binary node, ExprType l, ExprType r) {
    if ((l.isString() || l.isUnknown()) && r.isStruct()) {
      return ExprType.BOOL;
    }
    if (r.isMap()) {
      if (!l.isUnknown() && !l.assignableTo(ExprType.STRING) && !mapHasAnyKey(r)) {
        throw error(node, "cannot use " + l + " as type string in map key");
      }
      return ExprType.BOOL;
    }
    if (r.isArray()) {
      ExprType elem = r.elem();
      if (!l.comparableTo(elem)) {
        throw error(node, "cannot use " + l + " as type " + elem + " in array");
      }
      return ExprType.BOOL;
    }
    if (l.isUnknown() && (r.isString() || r.isArray() || r.isMap())) {
      return ExprType.BOOL;
    }
    if (r.isUnknown()) {
      return ExprType.BOOL;
    }
    throw error(node, "invalid operation: in (mismatched types " + l + " and " + r + ")");
  }

  private static boolean mapHasAnyKey(ExprType map) {
    return map.name.startsWith("map[interface {}]");
  }

  private ExprType member(Node.Member node) {
    if (node.object instanceof Node.Identifier id
        && id.name.equals("$env")
        && !isVariable("$env")) {
      visit(node.object);
      visit(node.property);
      if (node.property instanceof Node.StringLit name) {
        return ident(node, name.value, !node.optional, false);
      }
      return ExprType.UNKNOWN;
    }
    ExprType base = visit(node.object);
    ExprType property = visit(node.property);
    if (base.isUnknown()) {
      return ExprType.UNKNOWN;
    }
    String name = node.property instanceof Node.StringLit s ? s.value : null;
    if (name != null && base.isNil()) {
      throw error(node, "type nil has no field " + name);
    }
    switch (base.kind) {
      case MAP -> {
        if (!mapHasAnyKey(base)
            && !property.assignableTo(ExprType.STRING)
            && !property.isUnknown()) {
          throw error(node.property, "cannot use " + property + " to get an element from " + base);
        }
        return base.elem();
      }
      case ARRAY, BYTES -> {
        if (!property.isInteger() && !property.isUnknown()) {
          throw error(
              node.property,
              "array elements can only be selected using an integer (got " + property + ")");
        }
        return base.elem();
      }
      case STRUCT -> {
        if (name != null) {
          ExprType field = base.fields().get(name);
          if (field != null) {
            return field;
          }
        }
      }
      default -> {
        // reported below
      }
    }
    if (name != null) {
      throw error(node, "type " + base + " has no " + (node.method ? "method " : "field ") + name);
    }
    throw error(node, "type " + base + "[" + property + "] is undefined");
  }

  private boolean isVariable(String name) {
    return variableNames.contains(name);
  }

  private ExprType slice(Node.Slice node) {
    ExprType type = visit(node.object);
    if (type.isUnknown()) {
      return ExprType.UNKNOWN;
    }
    if (!type.isString() && !type.isArray()) {
      throw error(node, "cannot slice " + type);
    }
    for (Node bound : new Node[] {node.lower, node.upper}) {
      if (bound != null) {
        ExprType boundType = visit(bound);
        if (!boundType.isInteger() && !boundType.isUnknown()) {
          throw error(bound, "non-integer slice index " + boundType);
        }
      }
    }
    return type;
  }

  private ExprType call(Node.Call node) {
    if (node.callee instanceof Node.Identifier id
        && id.name.equals("$env")
        && !isVariable("$env")) {
      throw error(node, "map[string]interface {} is not callable");
    }
    ExprType callee = visit(node.callee);
    if (callee.isUnknown()) {
      return ExprType.UNKNOWN;
    }
    if (callee.kind == ExprType.Kind.FUNC
        && node.callee instanceof Node.Identifier id
        && Functions.isFunction(id.name)) {
      for (Node argument : node.arguments) {
        visit(argument);
      }
      return ExprType.ANY;
    }
    String name = "function";
    if (node.callee instanceof Node.Identifier id) {
      name = id.name;
    } else if (node.callee instanceof Node.Member m && m.property instanceof Node.StringLit s) {
      name = s.value;
    }
    if (callee.isNil()) {
      throw error(node, name + " is nil; cannot call nil as function");
    }
    throw error(node, callee + " is not callable");
  }

  private ExprType pointer(Node.Pointer node) {
    PredicateScope scope = predicateScopes.peek();
    if (scope == null) {
      throw error(node, "cannot use pointer accessor outside predicate");
    }
    if (node.name.isEmpty()) {
      if (scope.collection.isUnknown()) {
        return ExprType.UNKNOWN;
      }
      return scope.collection.elem();
    }
    ExprType variable = scope.variables.get(node.name);
    if (variable == null) {
      throw error(node, "unknown pointer #" + node.name);
    }
    return variable;
  }

  private ExprType let(Node.Let node) {
    if (env != null && env.lookup(node.name) != null) {
      throw error(node, "cannot redeclare " + node.name);
    }
    if (Functions.isFunction(node.name)) {
      throw error(node, "cannot redeclare function " + node.name);
    }
    if (Builtins.isBuiltin(node.name)) {
      throw error(node, "cannot redeclare builtin " + node.name);
    }
    if (variableNames.contains(node.name)) {
      throw error(node, "cannot redeclare variable " + node.name);
    }
    ExprType value = visit(node.value);
    variableNames.add(node.name);
    variableTypes.add(value);
    ExprType body = visit(node.body);
    variableNames.remove(variableNames.size() - 1);
    variableTypes.remove(variableTypes.size() - 1);
    return body;
  }

  private ExprType conditional(Node.Conditional node) {
    ExprType condition = visit(node.condition);
    if (!condition.isBool() && !condition.isUnknown()) {
      throw error(node.condition, "non-bool expression (type " + condition + ") used as condition");
    }
    ExprType t1 = visit(node.then);
    ExprType t2 = visit(node.otherwise);
    if (t1.isNil() && !t2.isNil()) {
      return t2;
    }
    if (!t1.isNil() && t2.isNil()) {
      return t1;
    }
    if (t1.isNil()) {
      return ExprType.NIL;
    }
    if (t1.assignableTo(t2)) {
      if (t1.isArray() && t2.isArray()) {
        ExprType e1 = t1.elem();
        ExprType e2 = t2.elem();
        if (!e1.assignableTo(e2) || !e2.assignableTo(e1)) {
          return ExprType.ANY_ARRAY;
        }
      }
      return t1;
    }
    return ExprType.UNKNOWN;
  }

  private ExprType array(Node.ArrayLit node) {
    ExprType previous = ExprType.UNKNOWN;
    boolean same = true;
    for (int i = 0; i < node.elements.size(); i++) {
      ExprType current = visit(node.elements.get(i));
      if (i > 0 && goKind(current) != goKind(previous)) {
        same = false;
      }
      previous = current;
    }
    return same ? ExprType.array(previous) : ExprType.ANY_ARRAY;
  }

  /** The Go reflect kind the type corresponds to (unknown and nil are both "invalid"). */
  private static ExprType.Kind goKind(ExprType type) {
    return switch (type.kind) {
      case NIL -> ExprType.Kind.UNKNOWN;
      case BYTES -> ExprType.Kind.ARRAY;
      case TIME -> ExprType.Kind.STRUCT;
      default -> type.kind;
    };
  }

  // ---- builtins
  // ------------------------------------------------------------------------------------

  private ExprType builtin(Node.Builtin node) {
    List<Node> args = node.arguments;
    switch (node.name) {
      case "all", "none", "any", "one" -> {
        ExprType collection = collection(node);
        ExprType predicate = predicate(args.get(1), collection, Map.of());
        requireBoolResult(args.get(1), predicate);
        return ExprType.BOOL;
      }
      case "filter" -> {
        ExprType collection = collection(node);
        ExprType predicate = predicate(args.get(1), collection, Map.of());
        requireBoolResult(args.get(1), predicate);
        return collection.isUnknown() ? ExprType.ANY_ARRAY : ExprType.array(collection.elem());
      }
      case "map" -> {
        ExprType collection = collection(node);
        ExprType predicate = predicate(args.get(1), collection, Map.of("index", ExprType.INT));
        requireResult(args.get(1), predicate);
        return ExprType.array(predicate.elem);
      }
      case "count" -> {
        ExprType collection = collection(node);
        if (args.size() == 2) {
          ExprType predicate = predicate(args.get(1), collection, Map.of());
          requireBoolResult(args.get(1), predicate);
        }
        return ExprType.INT;
      }
      case "sum" -> {
        ExprType collection = collection(node);
        if (args.size() == 2) {
          ExprType predicate = predicate(args.get(1), collection, Map.of());
          requireResult(args.get(1), predicate);
          return predicate.elem.isUnknown() ? ExprType.ANY : predicate.elem;
        }
        return collection.isUnknown() ? ExprType.UNKNOWN : collection.elem();
      }
      case "find", "findLast" -> {
        ExprType collection = collection(node);
        ExprType predicate = predicate(args.get(1), collection, Map.of());
        requireBoolResult(args.get(1), predicate);
        return collection.isUnknown() ? ExprType.UNKNOWN : collection.elem();
      }
      case "findIndex", "findLastIndex" -> {
        ExprType collection = collection(node);
        ExprType predicate = predicate(args.get(1), collection, Map.of());
        requireBoolResult(args.get(1), predicate);
        return ExprType.INT;
      }
      case "groupBy" -> {
        ExprType collection = collection(node);
        ExprType predicate = predicate(args.get(1), collection, Map.of());
        requireResult(args.get(1), predicate);
        return ExprType.GROUPS;
      }
      case "sortBy" -> {
        ExprType collection = collection(node);
        ExprType predicate = predicate(args.get(1), collection, Map.of());
        if (args.size() == 3) {
          ExprType order = visit(args.get(2));
          if (!order.isString() && !order.isUnknown()) {
            throw error(args.get(2), "sortBy order argument must be a string (got " + order + ")");
          }
        }
        requireResult(args.get(1), predicate);
        return collection;
      }
      case "reduce" -> {
        ExprType collection = collection(node);
        ExprType predicate =
            predicate(
                args.get(1), collection, Map.of("index", ExprType.INT, "acc", ExprType.UNKNOWN));
        if (args.size() == 3) {
          visit(args.get(2));
        }
        if (predicate.elem == null) {
          throw error(args.get(1), "predicate should has two input and one output param");
        }
        return predicate.elem;
      }
      case "get" -> {
        return get(node);
      }
      default -> {
        return BuiltinSignatures.check(this, node);
      }
    }
  }

  private ExprType collection(Node.Builtin node) {
    ExprType collection = visit(node.arguments.get(0));
    if (!collection.isArray() && !collection.isUnknown()) {
      throw error(
          node.arguments.get(0),
          "builtin " + node.name + " takes only array (got " + collection + ")");
    }
    return collection;
  }

  private ExprType predicate(Node predicate, ExprType collection, Map<String, ExprType> variables) {
    predicateScopes.push(new PredicateScope(collection, variables));
    try {
      return visit(predicate);
    } finally {
      predicateScopes.pop();
    }
  }

  private void requireResult(Node node, ExprType predicate) {
    if (predicate.kind != ExprType.Kind.FUNC || predicate.elem == null) {
      throw error(node, "predicate should has one input and one output param");
    }
  }

  private void requireBoolResult(Node node, ExprType predicate) {
    requireResult(node, predicate);
    ExprType out = predicate.elem;
    if (!out.isBool() && !out.isUnknown()) {
      throw error(node, "predicate should return boolean (got " + out + ")");
    }
  }

  private ExprType get(Node.Builtin node) {
    List<Node> args = node.arguments;
    if (args.size() != 2) {
      throw error(node, "invalid number of arguments (expected 2, got " + args.size() + ")");
    }
    ExprType base = visit(args.get(0));
    ExprType property = visit(args.get(1));
    if (args.get(0) instanceof Node.Identifier id
        && id.name.equals("$env")
        && !isVariable("$env")) {
      if (args.get(1) instanceof Node.StringLit s && env != null && env.lookup(s.value) != null) {
        return env.lookup(s.value);
      }
      return ExprType.UNKNOWN;
    }
    if (base.isUnknown()) {
      return ExprType.UNKNOWN;
    }
    if (base.isArray()) {
      if (!property.isInteger() && !property.isUnknown()) {
        throw error(args.get(1), "non-integer slice index " + property);
      }
      return base.elem();
    }
    if (base.isMap()) {
      if (!mapHasAnyKey(base) && !property.assignableTo(ExprType.STRING) && !property.isUnknown()) {
        throw error(args.get(1), "cannot use " + property + " to get an element from " + base);
      }
      return base.elem();
    }
    throw error(args.get(0), "type " + base + " does not support indexing");
  }

  /** Visits a node for {@link BuiltinSignatures}. */
  ExprType typeOf(Node node) {
    return visit(node);
  }

  /** Reports an error at a node for {@link BuiltinSignatures}. */
  ExprException errorAt(Node node, String message) {
    return error(node, message);
  }
}
