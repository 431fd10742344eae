package io.migrationmanager.lang.expr;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a checked and optimized tree into {@link Ev} nodes, mirroring expr-lang's bytecode. */
final class Compiler {
  private final List<String> scopeNames = new ArrayList<>();
  private final List<Integer> scopeSlots = new ArrayList<>();
  private int slots;

  /** The compiled root and the number of {@code let} slots it needs. */
  record Compiled(Ev root, int slots) {}

  static Compiled compile(Node root) {
    Compiler compiler = new Compiler();
    Ev ev = compiler.compile0(root);
    return new Compiled(ev, compiler.slots);
  }

  private Ev[] compileAll(List<Node> nodes) {
    Ev[] out = new Ev[nodes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = compile0(nodes.get(i));
    }
    return out;
  }

  private Ev compile0(Node node) {
    if (node instanceof Node.Nil n) {
      return new Const(n.pos, null);
    } else if (node instanceof Node.IntLit n) {
      return new Const(n.pos, n.value);
    } else if (node instanceof Node.FloatLit n) {
      return new Const(n.pos, n.value);
    } else if (node instanceof Node.BoolLit n) {
      return new Const(n.pos, n.value);
    } else if (node instanceof Node.StringLit n) {
      return new Const(n.pos, n.value);
    } else if (node instanceof Node.BytesLit n) {
      return new Bytes(n.pos, n.value);
    } else if (node instanceof Node.Constant n) {
      return new Const(
          n.pos, n.value instanceof List<?> list ? Collections.unmodifiableList(list) : n.value);
    } else if (node instanceof Node.Identifier n) {
      return identifier(n);
    } else if (node instanceof Node.Unary n) {
      return unary(n);
    } else if (node instanceof Node.Binary n) {
      return binary(n);
    } else if (node instanceof Node.Chain n) {
      return new Chain(n.pos, compile0(n.node));
    } else if (node instanceof Node.Member n) {
      return member(n);
    } else if (node instanceof Node.Slice n) {
      return new SliceOf(
          n.pos,
          compile0(n.object),
          n.lower == null ? null : compile0(n.lower),
          n.upper == null ? null : compile0(n.upper));
    } else if (node instanceof Node.Call n) {
      return call(n);
    } else if (node instanceof Node.Builtin n) {
      return builtin(n);
    } else if (node instanceof Node.Predicate n) {
      return compile0(n.body);
    } else if (node instanceof Node.Pointer n) {
      return new Pointer(n.pos, n.name);
    } else if (node instanceof Node.Let n) {
      Ev value = compile0(n.value);
      int slot = slots++;
      scopeNames.add(n.name);
      scopeSlots.add(slot);
      Ev body = compile0(n.body);
      scopeNames.remove(scopeNames.size() - 1);
      scopeSlots.remove(scopeSlots.size() - 1);
      return new Let(n.pos, slot, value, body);
    } else if (node instanceof Node.Sequence n) {
      return new Sequence(n.pos, compileAll(n.nodes));
    } else if (node instanceof Node.Conditional n) {
      return new Conditional(n.pos, compile0(n.condition), compile0(n.then), compile0(n.otherwise));
    } else if (node instanceof Node.ArrayLit n) {
      return new ArrayOf(n.pos, compileAll(n.elements));
    } else if (node instanceof Node.MapLit n) {
      Ev[] keys = new Ev[n.pairs.size()];
      Ev[] values = new Ev[n.pairs.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = compile0(n.pairs.get(i).key);
        values[i] = compile0(n.pairs.get(i).value);
      }
      return new MapOf(n.pos, keys, values);
    }
    throw new IllegalStateException("unexpected node " + node.getClass().getSimpleName());
  }

  private Ev identifier(Node.Identifier node) {
    for (int i = scopeNames.size() - 1; i >= 0; i--) {
      if (scopeNames.get(i).equals(node.name)) {
        return new Variable(node.pos, scopeSlots.get(i));
      }
    }
    if (node.name.equals("$env")) {
      return new EnvRoot(node.pos);
    }
    return new EnvField(node.pos, node.name);
  }

  private Ev unary(Node.Unary node) {
    Ev operand = compile0(node.operand);
    return switch (node.operator) {
      case "!", "not" -> new Not(node.pos, operand);
      case "-" -> new Negate(node.pos, operand);
      default -> operand;
    };
  }

  private Ev binary(Node.Binary node) {
    String op = node.operator;
    if (op.equals("in")
        && node.right instanceof Node.Constant c
        && c.value instanceof Optimizer.ConstantSet set) {
      return new InSet(node.pos, compile0(node.left), set);
    }
    if (op.equals("in")
        && node.left.type.isInteger()
        && node.right instanceof Node.Binary range
        && range.operator.equals("..")
        && range.left instanceof Node.IntLit from
        && range.right instanceof Node.IntLit to) {
      return new InRange(node.pos, compile0(node.left), from.value, to.value);
    }
    if (op.equals("matches") && node.right instanceof Node.StringLit pattern) {
      Pattern compiled;
      try {
        compiled = Regexes.compile(pattern.value);
      } catch (EvalError e) {
        throw e.at(node.pos);
      }
      return new MatchesConst(node.pos, compile0(node.left), compiled);
    }
    Ev left = compile0(node.left);
    Ev right = compile0(node.right);
    return switch (op) {
      case "==" -> new Equal(node.pos, left, right, false);
      case "!=" -> new Equal(node.pos, left, right, true);
      case "and", "&&" -> new And(node.pos, left, right);
      case "or", "||" -> new Or(node.pos, left, right);
      case "??" -> new Coalesce(node.pos, left, right);
      default -> new BinaryOp(node.pos, op, left, right);
    };
  }

  private Ev member(Node.Member node) {
    Ev object = compile0(node.object);
    Object missing = missingValue(node.object.type);
    if (node.property instanceof Node.StringLit name) {
      return new Field(node.pos, object, name.value, node.optional, missing);
    }
    return new Index(node.pos, object, compile0(node.property), node.optional, missing);
  }

  /** Go's zero value of a map's element type, returned for missing keys. */
  private static Object missingValue(ExprType mapType) {
    if (!mapType.isMap()) {
      return null;
    }
    return switch (mapType.elem().kind) {
      case STRING -> "";
      case INT -> 0L;
      case FLOAT -> 0.0;
      case BOOL -> false;
      default -> null;
    };
  }

  private Ev call(Node.Call node) {
    Ev[] arguments = compileAll(node.arguments);
    if (node.callee instanceof Node.Identifier id
        && Functions.isFunction(id.name)
        && !scopeNames.contains(id.name)) {
      return new FunctionCall(node.pos, id.name, arguments);
    }
    return new DynamicCall(node.pos, compile0(node.callee), arguments);
  }

  private Ev builtin(Node.Builtin node) {
    List<Node> args = node.arguments;
    switch (node.name) {
      case "all",
          "none",
          "any",
          "one",
          "filter",
          "map",
          "count",
          "sum",
          "find",
          "findIndex",
          "findLast",
          "findLastIndex",
          "groupBy" -> {
        Ev collection = compile0(args.get(0));
        Ev predicate = args.size() > 1 ? compile0(args.get(1)) : null;
        Ev mapper = node.mapper == null ? null : compile0(node.mapper);
        return new Loop(
            node.pos,
            node.name,
            collection,
            predicate,
            mapper,
            node.throwsWhenMissing,
            node.threshold);
      }
      case "sortBy" -> {
        return new SortBy(
            node.pos,
            compile0(args.get(0)),
            compile0(args.get(1)),
            args.size() == 3 ? compile0(args.get(2)) : null);
      }
      case "reduce" -> {
        return new Reduce(
            node.pos,
            compile0(args.get(0)),
            compile0(args.get(1)),
            args.size() == 3 ? compile0(args.get(2)) : null);
      }
      default -> {
        return new BuiltinCall(node.pos, node.name, compileAll(args));
      }
    }
  }

  // ---- nodes
  // ---------------------------------------------------------------------------------------

  private static final class Const extends Ev {
    private final Object value;

    Const(int pos, Object value) {
      super(pos);
      this.value = value;
    }

    @Override
    Object eval(Frame frame) {
      return value;
    }
  }

  private static final class Bytes extends Ev {
    private final byte[] value;

    Bytes(int pos, byte[] value) {
      super(pos);
      this.value = value;
    }

    @Override
    Object eval(Frame frame) {
      return value.clone();
    }
  }

  private static final class Variable extends Ev {
    private final int slot;

    Variable(int pos, int slot) {
      super(pos);
      this.slot = slot;
    }

    @Override
    Object eval(Frame frame) {
      return frame.variables[slot];
    }
  }

  private static final class EnvRoot extends Ev {
    EnvRoot(int pos) {
      super(pos);
    }

    @Override
    Object eval(Frame frame) {
      return frame.env;
    }
  }

  /** A reader cached for the last class seen (published safely through final fields). */
  private record CachedReader(Class<?> type, ObjectAccessor.FieldReader reader) {}

  /** Reads a named field of a struct or a map, or fails like {@code runtime.Fetch}. */
  private abstract static class Named extends Ev {
    final String name;
    private CachedReader cache;

    Named(int pos, String name) {
      super(pos);
      this.name = name;
    }

    final Object read(Object from, Object missing, Frame frame) {
      if (from instanceof Map<?, ?> map) {
        Object value = map.get(name);
        if (value == null && !map.containsKey(name)) {
          return missing;
        }
        return Values.norm(value);
      }
      CachedReader cached = cache;
      if (from != null && cached != null && cached.type == from.getClass()) {
        return Values.norm(cached.reader.read(from));
      }
      if (from != null && Values.isStruct(from) && frame.accessor.supports(from.getClass())) {
        ObjectAccessor.FieldReader reader = frame.accessor.reader(from.getClass(), name);
        if (reader != null) {
          cache = new CachedReader(from.getClass(), reader);
          return Values.norm(reader.read(from));
        }
      }
      try {
        Object value = Ops.fetch(from, name, frame);
        return value == Ops.MISSING ? missing : value;
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  private static final class EnvField extends Named {
    EnvField(int pos, String name) {
      super(pos, name);
    }

    @Override
    Object eval(Frame frame) {
      return read(frame.env, null, frame);
    }
  }

  private static final class Field extends Named {
    private final Ev object;
    private final boolean optional;
    private final Object missing;

    Field(int pos, Ev object, String name, boolean optional, Object missing) {
      super(pos, name);
      this.object = object;
      this.optional = optional;
      this.missing = missing;
    }

    @Override
    Object eval(Frame frame) {
      Object from = object.eval(frame);
      if (from == CHAIN_NIL || (optional && from == null)) {
        return CHAIN_NIL;
      }
      return read(from, missing, frame);
    }
  }

  private static final class Index extends Ev {
    private final Ev object;
    private final Ev key;
    private final boolean optional;
    private final Object missing;

    Index(int pos, Ev object, Ev key, boolean optional, Object missing) {
      super(pos);
      this.object = object;
      this.key = key;
      this.optional = optional;
      this.missing = missing;
    }

    @Override
    Object eval(Frame frame) {
      Object from = object.eval(frame);
      if (from == CHAIN_NIL || (optional && from == null)) {
        return CHAIN_NIL;
      }
      Object k = key.eval(frame);
      try {
        Object value = Ops.fetch(from, k, frame);
        return value == Ops.MISSING ? missing : value;
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  private static final class Chain extends Ev {
    private final Ev inner;

    Chain(int pos, Ev inner) {
      super(pos);
      this.inner = inner;
    }

    @Override
    Object eval(Frame frame) {
      Object value = inner.eval(frame);
      return value == CHAIN_NIL ? null : value;
    }
  }

  private static final class SliceOf extends Ev {
    private final Ev object;
    private final Ev lower;
    private final Ev upper;

    SliceOf(int pos, Ev object, Ev lower, Ev upper) {
      super(pos);
      this.object = object;
      this.lower = lower;
      this.upper = upper;
    }

    @Override
    Object eval(Frame frame) {
      Object value = object.eval(frame);
      try {
        Object to = upper == null ? (Object) Ops.byteOrElementLength(value) : upper.eval(frame);
        Object from = lower == null ? (Object) 0L : lower.eval(frame);
        Object result = Ops.slice(value, from, to);
        if (result instanceof String text) {
          frame.chars(text.length());
        }
        return result;
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  private static final class Not extends Ev {
    private final Ev operand;

    Not(int pos, Ev operand) {
      super(pos);
      this.operand = operand;
    }

    @Override
    Object eval(Frame frame) {
      Object value = operand.eval(frame);
      try {
        return !Ops.toBool(value);
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  private static final class Negate extends Ev {
    private final Ev operand;

    Negate(int pos, Ev operand) {
      super(pos);
      this.operand = operand;
    }

    @Override
    Object eval(Frame frame) {
      Object value = operand.eval(frame);
      try {
        return Ops.negate(value);
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  private static final class Equal extends Ev {
    private final Ev left;
    private final Ev right;
    private final boolean negate;

    Equal(int pos, Ev left, Ev right, boolean negate) {
      super(pos);
      this.left = left;
      this.right = right;
      this.negate = negate;
    }

    @Override
    Object eval(Frame frame) {
      Object a = left.eval(frame);
      Object b = right.eval(frame);
      try {
        return Ops.equal(a, b, frame, 0) != negate;
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  private static final class And extends Ev {
    private final Ev left;
    private final Ev right;

    And(int pos, Ev left, Ev right) {
      super(pos);
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Frame frame) {
      Object a = left.eval(frame);
      boolean condition;
      try {
        condition = Ops.toBool(a);
      } catch (EvalError e) {
        throw located(e);
      }
      return condition ? right.eval(frame) : Boolean.FALSE;
    }
  }

  private static final class Or extends Ev {
    private final Ev left;
    private final Ev right;

    Or(int pos, Ev left, Ev right) {
      super(pos);
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Frame frame) {
      Object a = left.eval(frame);
      boolean condition;
      try {
        condition = Ops.toBool(a);
      } catch (EvalError e) {
        throw located(e);
      }
      return condition ? Boolean.TRUE : right.eval(frame);
    }
  }

  private static final class Coalesce extends Ev {
    private final Ev left;
    private final Ev right;

    Coalesce(int pos, Ev left, Ev right) {
      super(pos);
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Frame frame) {
      Object a = left.eval(frame);
      return a != null ? a : right.eval(frame);
    }
  }

  /** The remaining binary operators, dispatched on a code chosen at compile time. */
  private static final class BinaryOp extends Ev {
    private static final int COMPARE = 0;
    private static final int ADD = 1;
    private static final int SUBTRACT = 2;
    private static final int MULTIPLY = 3;
    private static final int DIVIDE = 4;
    private static final int MODULO = 5;
    private static final int POWER = 6;
    private static final int IN = 7;
    private static final int RANGE = 8;
    private static final int CONTAINS = 9;
    private static final int STARTS_WITH = 10;
    private static final int ENDS_WITH = 11;
    private static final int MATCHES = 12;

    private final int code;
    private final int comparison;
    private final Ev left;
    private final Ev right;

    BinaryOp(int pos, String operator, Ev left, Ev right) {
      super(pos);
      this.code =
          switch (operator) {
            case "<", ">", "<=", ">=" -> COMPARE;
            case "+" -> ADD;
            case "-" -> SUBTRACT;
            case "*" -> MULTIPLY;
            case "/" -> DIVIDE;
            case "%" -> MODULO;
            case "**", "^" -> POWER;
            case "in" -> IN;
            case ".." -> RANGE;
            case "contains" -> CONTAINS;
            case "startsWith" -> STARTS_WITH;
            case "endsWith" -> ENDS_WITH;
            case "matches" -> MATCHES;
            default -> throw new IllegalArgumentException("unknown operator " + operator);
          };
      this.comparison = code == COMPARE ? Ops.comparison(operator) : -1;
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Frame frame) {
      Object a = left.eval(frame);
      Object b = right.eval(frame);
      try {
        return apply(a, b, frame);
      } catch (EvalError e) {
        throw located(e);
      }
    }

    private Object apply(Object a, Object b, Frame frame) {
      switch (code) {
        case COMPARE -> {
          return Ops.compare(comparison, a, b);
        }
        case ADD -> {
          return Ops.add(a, b, frame);
        }
        case SUBTRACT -> {
          return Ops.subtract(a, b);
        }
        case MULTIPLY -> {
          return Ops.multiply(a, b);
        }
        case DIVIDE -> {
          return Ops.divide(a, b);
        }
        case MODULO -> {
          return Ops.modulo(a, b);
        }
        case POWER -> {
          return Ops.exponent(a, b);
        }
        case IN -> {
          return Ops.in(a, b, frame);
        }
        case RANGE -> {
          return Ops.range(Ops.toInt(a), Ops.toInt(b), frame);
        }
        default -> {
          return strings(a, b, frame);
        }
      }
    }

    private Object strings(Object a, Object b, Frame frame) {
      if (a == null || b == null) {
        return Boolean.FALSE;
      }
      if (code == MATCHES) {
        Pattern pattern = Regexes.compile(Ops.asString(b));
        return matches(pattern, a, frame);
      }
      String s = Ops.asString(a);
      String t = Ops.asString(b);
      Ops.searchCost(frame, s.length(), code == CONTAINS ? t.length() : 1);
      return switch (code) {
        case CONTAINS -> s.contains(t);
        case STARTS_WITH -> s.startsWith(t);
        default -> s.endsWith(t);
      };
    }
  }

  static boolean matches(Pattern pattern, Object subject, Frame frame) {
    String text;
    if (subject instanceof String s) {
      text = s;
    } else if (subject instanceof byte[] bytes) {
      text = new String(bytes, StandardCharsets.UTF_8);
    } else {
      throw new EvalError(
          "interface conversion: interface {} is " + Values.goTypeName(subject) + ", not []uint8");
    }
    Ops.searchCost(frame, text.length(), 1 + pattern.pattern().length() / 4);
    return Regexes.find(pattern, text);
  }

  private static final class MatchesConst extends Ev {
    private final Ev subject;
    private final Pattern pattern;

    MatchesConst(int pos, Ev subject, Pattern pattern) {
      super(pos);
      this.subject = subject;
      this.pattern = pattern;
    }

    @Override
    Object eval(Frame frame) {
      Object value = subject.eval(frame);
      if (value == null) {
        return Boolean.FALSE;
      }
      try {
        return matches(pattern, value, frame);
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  private static final class InSet extends Ev {
    private final Ev needle;
    private final Optimizer.ConstantSet set;

    InSet(int pos, Ev needle, Optimizer.ConstantSet set) {
      super(pos);
      this.needle = needle;
      this.set = set;
    }

    @Override
    Object eval(Frame frame) {
      Object value = needle.eval(frame);
      if (value == null) {
        return set.values().contains(set.keyType().equals("int") ? (Object) 0L : "");
      }
      boolean fits = set.keyType().equals("int") ? value instanceof Long : value instanceof String;
      if (!fits) {
        throw located(
            new EvalError(
                "reflect.Value.MapIndex: value of type "
                    + Values.goTypeName(value)
                    + " is not assignable to type "
                    + set.keyType()));
      }
      return set.values().contains(value);
    }
  }

  private static final class InRange extends Ev {
    private final Ev needle;
    private final Long from;
    private final Long to;

    InRange(int pos, Ev needle, long from, long to) {
      super(pos);
      this.needle = needle;
      this.from = from;
      this.to = to;
    }

    @Override
    Object eval(Frame frame) {
      Object value = needle.eval(frame);
      try {
        return Ops.compare(Ops.GREATER_OR_EQUAL, value, from)
            && Ops.compare(Ops.LESS_OR_EQUAL, value, to);
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  private static final class FunctionCall extends Ev {
    private final String name;
    private final Ev[] arguments;

    FunctionCall(int pos, String name, Ev[] arguments) {
      super(pos);
      this.name = name;
      this.arguments = arguments;
    }

    @Override
    Object eval(Frame frame) {
      List<Object> values = evalAll(arguments, frame);
      try {
        Object result = Functions.call(name, values, frame);
        if (result instanceof String text) {
          frame.chars(text.length());
        }
        return result;
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  static List<Object> evalAll(Ev[] nodes, Frame frame) {
    List<Object> values = new ArrayList<>(nodes.length);
    for (Ev node : nodes) {
      values.add(node.eval(frame));
    }
    return values;
  }

  private static final class DynamicCall extends Ev {
    private final Ev callee;
    private final Ev[] arguments;

    DynamicCall(int pos, Ev callee, Ev[] arguments) {
      super(pos);
      this.callee = callee;
      this.arguments = arguments;
    }

    @Override
    Object eval(Frame frame) {
      evalAll(arguments, frame);
      Object function = callee.eval(frame);
      if (function == CHAIN_NIL) {
        return CHAIN_NIL;
      }
      if (function == null) {
        throw located(new EvalError("invalid operation: cannot call nil"));
      }
      throw located(
          new EvalError(
              "invalid operation: cannot call non-function of type "
                  + Values.goTypeName(function)));
    }
  }

  private static final class BuiltinCall extends Ev {
    private final String name;
    private final Ev[] arguments;

    BuiltinCall(int pos, String name, Ev[] arguments) {
      super(pos);
      this.name = name;
      this.arguments = arguments;
    }

    @Override
    Object eval(Frame frame) {
      List<Object> values = evalAll(arguments, frame);
      try {
        Object result = Builtins.call(name, values, frame);
        if (result instanceof String text) {
          frame.chars(text.length());
        }
        return result;
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  private static final class Pointer extends Ev {
    private final String name;

    Pointer(int pos, String name) {
      super(pos);
      this.name = name;
    }

    @Override
    Object eval(Frame frame) {
      Frame.Scope scope = frame.scope;
      return switch (name) {
        case "" -> scope.item();
        case "index" -> (long) scope.index;
        default -> scope.acc;
      };
    }
  }

  private static final class Let extends Ev {
    private final int slot;
    private final Ev value;
    private final Ev body;

    Let(int pos, int slot, Ev value, Ev body) {
      super(pos);
      this.slot = slot;
      this.value = value;
      this.body = body;
    }

    @Override
    Object eval(Frame frame) {
      frame.variables[slot] = value.eval(frame);
      return body.eval(frame);
    }
  }

  private static final class Sequence extends Ev {
    private final Ev[] nodes;

    Sequence(int pos, Ev[] nodes) {
      super(pos);
      this.nodes = nodes;
    }

    @Override
    Object eval(Frame frame) {
      Object last = null;
      for (Ev node : nodes) {
        last = node.eval(frame);
      }
      return last;
    }
  }

  private static final class Conditional extends Ev {
    private final Ev condition;
    private final Ev then;
    private final Ev otherwise;

    Conditional(int pos, Ev condition, Ev then, Ev otherwise) {
      super(pos);
      this.condition = condition;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    Object eval(Frame frame) {
      Object value = condition.eval(frame);
      boolean test;
      try {
        test = Ops.toBool(value);
      } catch (EvalError e) {
        throw located(e);
      }
      return test ? then.eval(frame) : otherwise.eval(frame);
    }
  }

  private static final class ArrayOf extends Ev {
    private final Ev[] elements;

    ArrayOf(int pos, Ev[] elements) {
      super(pos);
      this.elements = elements;
    }

    @Override
    Object eval(Frame frame) {
      List<Object> values = evalAll(elements, frame);
      try {
        frame.memGrow(values.size());
      } catch (EvalError e) {
        throw located(e);
      }
      return values;
    }
  }

  private static final class MapOf extends Ev {
    private final Ev[] keys;
    private final Ev[] values;

    MapOf(int pos, Ev[] keys, Ev[] values) {
      super(pos);
      this.keys = keys;
      this.values = values;
    }

    @Override
    Object eval(Frame frame) {
      Object[] k = new Object[keys.length];
      Object[] v = new Object[keys.length];
      for (int i = 0; i < keys.length; i++) {
        k[i] = keys[i].eval(frame);
        v[i] = values[i].eval(frame);
      }
      try {
        frame.memGrow(keys.length);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = keys.length - 1; i >= 0; i--) {
          Ops.asString(k[i]);
        }
        for (int i = 0; i < keys.length; i++) {
          map.putIfAbsent((String) k[i], v[i]);
        }
        return map;
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  // ---- predicates
  // ----------------------------------------------------------------------------------

  /** The elements a predicate builtin iterates, as Go's reflection would see them. */
  static List<?> items(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    if (value instanceof String s) {
      return bytes(s.getBytes(StandardCharsets.UTF_8));
    }
    if (value instanceof byte[] b) {
      return bytes(b);
    }
    if (value == null) {
      throw new EvalError("reflect: call of reflect.Value.Len on zero Value");
    }
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        return List.of();
      }
      throw new EvalError("reflect: call of reflect.Value.Index on map Value");
    }
    String kind =
        value instanceof Long
            ? "int"
            : value instanceof Double ? "float64" : value instanceof Boolean ? "bool" : "struct";
    throw new EvalError("reflect: call of reflect.Value.Len on " + kind + " Value");
  }

  private static List<Object> bytes(byte[] bytes) {
    return new AbstractList<>() {
      @Override
      public Object get(int index) {
        return (long) (bytes[index] & 0xFF);
      }

      @Override
      public int size() {
        return bytes.length;
      }
    };
  }

  /** The loop builtins: {@code all any none one filter map count sum find* groupBy}. */
  private static final class Loop extends Ev {
    private final String name;
    private final Ev collection;
    private final Ev predicate;
    private final Ev mapper;
    private final boolean throwsWhenMissing;
    private final long threshold;

    Loop(
        int pos,
        String name,
        Ev collection,
        Ev predicate,
        Ev mapper,
        boolean throwsWhenMissing,
        long threshold) {
      super(pos);
      this.name = name;
      this.collection = collection;
      this.predicate = predicate;
      this.mapper = mapper;
      this.throwsWhenMissing = throwsWhenMissing;
      this.threshold = threshold;
    }

    @Override
    Object eval(Frame frame) {
      Object value = collection.eval(frame);
      List<?> items;
      try {
        items = items(value);
      } catch (EvalError e) {
        throw located(e);
      }
      Frame.Scope scope = frame.begin(items);
      try {
        return loop(frame, scope, items.size());
      } finally {
        frame.end();
      }
    }

    private boolean test(Frame frame) {
      Object value = predicate.eval(frame);
      try {
        return Ops.toBool(value);
      } catch (EvalError e) {
        throw located(e);
      }
    }

    private Object loop(Frame frame, Frame.Scope scope, int size) {
      switch (name) {
        case "all", "none", "any" -> {
          boolean expected = !name.equals("any");
          for (scope.index = 0; scope.index < size; scope.index++) {
            boolean result = test(frame);
            if (name.equals("none")) {
              result = !result;
            }
            if (result != expected) {
              return !expected;
            }
          }
          return expected;
        }
        case "one", "count" -> {
          for (scope.index = 0; scope.index < size; scope.index++) {
            boolean matched = predicate == null ? truth(scope.item()) : test(frame);
            if (matched) {
              scope.count++;
              if (threshold > 0 && scope.count >= threshold) {
                break;
              }
            }
          }
          return name.equals("one") ? scope.count == 1 : (Object) scope.count;
        }
        case "filter" -> {
          List<Object> out = new ArrayList<>();
          for (scope.index = 0; scope.index < size; scope.index++) {
            if (test(frame)) {
              out.add(mapper == null ? scope.item() : mapper.eval(frame));
            }
          }
          grow(frame, out.size());
          return out;
        }
        case "map" -> {
          List<Object> out = new ArrayList<>(size);
          for (scope.index = 0; scope.index < size; scope.index++) {
            out.add(predicate.eval(frame));
          }
          grow(frame, size);
          return out;
        }
        case "sum" -> {
          scope.acc = 0L;
          for (scope.index = 0; scope.index < size; scope.index++) {
            Object element = predicate == null ? scope.item() : predicate.eval(frame);
            try {
              scope.acc = Ops.add(element, scope.acc, frame);
            } catch (EvalError e) {
              throw located(e);
            }
          }
          return scope.acc;
        }
        case "find", "findIndex" -> {
          for (scope.index = 0; scope.index < size; scope.index++) {
            if (test(frame)) {
              return found(frame, scope);
            }
          }
          return missing();
        }
        case "findLast", "findLastIndex" -> {
          for (scope.index = size - 1; scope.index >= 0; scope.index--) {
            if (test(frame)) {
              return found(frame, scope);
            }
          }
          return missing();
        }
        default -> {
          Map<Object, Object> groups = new AnyKeyMap("map[interface {}][]interface {}");
          for (scope.index = 0; scope.index < size; scope.index++) {
            Object key = predicate.eval(frame);
            if (key instanceof List || key instanceof Map) {
              throw located(new EvalError("hash of unhashable type: " + Values.goTypeName(key)));
            }
            @SuppressWarnings("unchecked")
            List<Object> group = (List<Object>) groups.computeIfAbsent(key, k -> new ArrayList<>());
            group.add(scope.item());
          }
          return groups;
        }
      }
    }

    private boolean truth(Object item) {
      try {
        return Ops.toBool(item);
      } catch (EvalError e) {
        throw located(e);
      }
    }

    private Object found(Frame frame, Frame.Scope scope) {
      if (name.endsWith("Index")) {
        return (long) scope.index;
      }
      return mapper == null ? scope.item() : mapper.eval(frame);
    }

    private Object missing() {
      if (throwsWhenMissing) {
        throw located(new EvalError("reflect: slice index out of range"));
      }
      return null;
    }

    private void grow(Frame frame, long size) {
      try {
        frame.memGrow(size);
      } catch (EvalError e) {
        throw located(e);
      }
    }
  }

  private static final class SortBy extends Ev {
    private final Ev collection;
    private final Ev key;
    private final Ev order;

    SortBy(int pos, Ev collection, Ev key, Ev order) {
      super(pos);
      this.collection = collection;
      this.key = key;
      this.order = order;
    }

    @Override
    Object eval(Frame frame) {
      Object value = collection.eval(frame);
      List<?> items;
      try {
        items = items(value);
      } catch (EvalError e) {
        throw located(e);
      }
      Frame.Scope scope = frame.begin(items);
      try {
        Object direction = order == null ? "asc" : order.eval(frame);
        boolean descending;
        try {
          if (!(direction instanceof String text)) {
            throw new EvalError("sortBy order argument must be a string");
          }
          descending = Aggregates.descending(text, "unknown order, use asc or desc");
        } catch (EvalError e) {
          throw located(e);
        }
        List<Object> sorted = new ArrayList<>(items.size());
        List<Object> keys = new ArrayList<>(items.size());
        for (scope.index = 0; scope.index < items.size(); scope.index++) {
          keys.add(key.eval(frame));
          sorted.add(scope.item());
        }
        try {
          Aggregates.sortBy(sorted, keys, descending, frame);
          frame.memGrow(items.size());
        } catch (EvalError e) {
          throw located(e);
        }
        return sorted;
      } finally {
        frame.end();
      }
    }
  }

  private static final class Reduce extends Ev {
    private final Ev collection;
    private final Ev step;
    private final Ev initial;

    Reduce(int pos, Ev collection, Ev step, Ev initial) {
      super(pos);
      this.collection = collection;
      this.step = step;
      this.initial = initial;
    }

    @Override
    Object eval(Frame frame) {
      Object value = collection.eval(frame);
      List<?> items;
      try {
        items = items(value);
      } catch (EvalError e) {
        throw located(e);
      }
      Frame.Scope scope = frame.begin(items);
      try {
        if (initial != null) {
          scope.acc = initial.eval(frame);
        } else {
          if (items.isEmpty()) {
            throw located(new EvalError("reduce of empty array with no initial value"));
          }
          scope.acc = scope.item();
          scope.index = 1;
        }
        for (; scope.index < items.size(); scope.index++) {
          scope.acc = step.eval(frame);
        }
        return scope.acc;
      } finally {
        frame.end();
      }
    }
  }
}
