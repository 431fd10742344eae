package io.migrationmanager.lang.expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * expr-lang's optimizer passes that change what an expression can observe: constant folding
 * (including its compile-time "integer divide by zero"), constant {@code in} sets, and the rewrites
 * that avoid building intermediate arrays (and so their memory cost), such as {@code
 * len(filter(..))} to {@code count(..)} or {@code sum(1..n)} to a constant.
 */
final class Optimizer {
  private final String source;
  private ExprException foldError;
  private boolean changed;

  private Optimizer(String source) {
    this.source = source;
  }

  static Node optimize(String source, Node root) {
    Optimizer optimizer = new Optimizer(source);
    Node node = walk(root, optimizer::inArray);
    for (int pass = 0; pass <= 1000; pass++) {
      optimizer.changed = false;
      node = walk(node, optimizer::fold);
      if (optimizer.foldError != null) {
        throw optimizer.foldError;
      }
      if (!optimizer.changed) {
        break;
      }
    }
    node = walk(node, Optimizer::filterMap);
    node = walk(node, Optimizer::filterLen);
    node = walk(node, Optimizer::filterFirstOrLast);
    node = walk(node, Optimizer::predicateCombination);
    node = walk(node, Optimizer::sumRange);
    node = walk(node, Optimizer::sumArray);
    node = walk(node, Optimizer::sumMap);
    node = walk(node, Optimizer::countAny);
    node = walk(node, Optimizer::countThreshold);
    return node;
  }

  /** Applies {@code visit} bottom-up, replacing each node by the result. */
  static Node walk(Node node, UnaryOperator<Node> visit) {
    if (node == null) {
      return null;
    }
    if (node instanceof Node.Unary n) {
      n.operand = walk(n.operand, visit);
    } else if (node instanceof Node.Binary n) {
      n.left = walk(n.left, visit);
      n.right = walk(n.right, visit);
    } else if (node instanceof Node.Chain n) {
      n.node = walk(n.node, visit);
    } else if (node instanceof Node.Member n) {
      n.object = walk(n.object, visit);
      n.property = walk(n.property, visit);
    } else if (node instanceof Node.Slice n) {
      n.object = walk(n.object, visit);
      n.lower = walk(n.lower, visit);
      n.upper = walk(n.upper, visit);
    } else if (node instanceof Node.Call n) {
      n.callee = walk(n.callee, visit);
      walkAll(n.arguments, visit);
    } else if (node instanceof Node.Builtin n) {
      walkAll(n.arguments, visit);
      n.mapper = walk(n.mapper, visit);
    } else if (node instanceof Node.Predicate n) {
      n.body = walk(n.body, visit);
    } else if (node instanceof Node.Let n) {
      n.value = walk(n.value, visit);
      n.body = walk(n.body, visit);
    } else if (node instanceof Node.Sequence n) {
      walkAll(n.nodes, visit);
    } else if (node instanceof Node.Conditional n) {
      n.condition = walk(n.condition, visit);
      n.then = walk(n.then, visit);
      n.otherwise = walk(n.otherwise, visit);
    } else if (node instanceof Node.ArrayLit n) {
      walkAll(n.elements, visit);
    } else if (node instanceof Node.MapLit n) {
      for (Node.Pair pair : n.pairs) {
        pair.key = walk(pair.key, visit);
        pair.value = walk(pair.value, visit);
      }
    }
    return visit.apply(node);
  }

  private static void walkAll(List<Node> nodes, UnaryOperator<Node> visit) {
    for (int i = 0; i < nodes.size(); i++) {
      nodes.set(i, walk(nodes.get(i), visit));
    }
  }

  private static <T extends Node> T typed(T node, ExprType type) {
    node.type = type;
    return node;
  }

  /** {@code x in [literals]}: a set lookup. */
  private Node inArray(Node node) {
    if (node instanceof Node.Binary b
        && b.operator.equals("in")
        && b.right instanceof Node.ArrayLit a
        && !a.elements.isEmpty()) {
      if (b.left.type.isInteger() && a.elements.stream().allMatch(e -> e instanceof Node.IntLit)) {
        Set<Object> values = new HashSet<>();
        a.elements.forEach(e -> values.add(((Node.IntLit) e).value));
        b.right = typed(new Node.Constant(a.pos, new ConstantSet(values, "int")), ExprType.UNKNOWN);
      } else if (a.elements.stream().allMatch(e -> e instanceof Node.StringLit)) {
        Set<Object> values = new HashSet<>();
        a.elements.forEach(e -> values.add(((Node.StringLit) e).value));
        b.right =
            typed(new Node.Constant(a.pos, new ConstantSet(values, "string")), ExprType.UNKNOWN);
      }
    }
    return node;
  }

  /** The keys of a constant {@code in} set, and the Go type of its keys. */
  record ConstantSet(Set<Object> values, String keyType) {}

  private Node changed(Node node) {
    changed = true;
    return node;
  }

  private Node fold(Node node) {
    if (node instanceof Node.Unary u) {
      switch (u.operator) {
        case "-" -> {
          if (u.operand instanceof Node.IntLit i) {
            return changed(typed(new Node.IntLit(u.pos, -i.value), ExprType.INT));
          }
          if (u.operand instanceof Node.FloatLit f) {
            return changed(typed(new Node.FloatLit(u.pos, -f.value), ExprType.FLOAT));
          }
        }
        case "+" -> {
          if (u.operand instanceof Node.IntLit i) {
            return changed(typed(new Node.IntLit(u.pos, i.value), ExprType.INT));
          }
          if (u.operand instanceof Node.FloatLit f) {
            return changed(typed(new Node.FloatLit(u.pos, f.value), ExprType.FLOAT));
          }
        }
        default -> {
          if (u.operand instanceof Node.BoolLit b) {
            return changed(typed(new Node.BoolLit(u.pos, !b.value), ExprType.BOOL));
          }
        }
      }
      return node;
    }
    if (node instanceof Node.Binary b) {
      return foldBinary(b);
    }
    if (node instanceof Node.ArrayLit a && !a.elements.isEmpty()) {
      List<Object> values = new ArrayList<>();
      for (Node element : a.elements) {
        if (element instanceof Node.IntLit i) {
          values.add(i.value);
        } else if (element instanceof Node.FloatLit f) {
          values.add(f.value);
        } else if (element instanceof Node.StringLit s) {
          values.add(s.value);
        } else if (element instanceof Node.BoolLit l) {
          values.add(l.value);
        } else {
          return node;
        }
      }
      return changed(typed(new Node.Constant(a.pos, List.copyOf(values)), ExprType.ANY_ARRAY));
    }
    return node;
  }

  private static boolean isNumberLiteral(Node node) {
    return node instanceof Node.IntLit || node instanceof Node.FloatLit;
  }

  private static double number(Node node) {
    return node instanceof Node.IntLit i ? i.value : ((Node.FloatLit) node).value;
  }

  private Node foldBinary(Node.Binary b) {
    Node l = b.left;
    Node r = b.right;
    int pos = b.pos;
    switch (b.operator) {
      case "+", "-", "*" -> {
        if (l instanceof Node.IntLit x && r instanceof Node.IntLit y) {
          long value =
              switch (b.operator) {
                case "+" -> x.value + y.value;
                case "-" -> x.value - y.value;
                default -> x.value * y.value;
              };
          return changed(typed(new Node.IntLit(pos, value), ExprType.INT));
        }
        if (isNumberLiteral(l) && isNumberLiteral(r)) {
          double x = number(l);
          double y = number(r);
          double value =
              switch (b.operator) {
                case "+" -> x + y;
                case "-" -> x - y;
                default -> x * y;
              };
          return changed(typed(new Node.FloatLit(pos, value), ExprType.FLOAT));
        }
        if (b.operator.equals("+")
            && l instanceof Node.StringLit x
            && r instanceof Node.StringLit y) {
          return changed(typed(new Node.StringLit(pos, x.value + y.value), ExprType.STRING));
        }
      }
      case "/" -> {
        if (isNumberLiteral(l) && isNumberLiteral(r)) {
          return changed(typed(new Node.FloatLit(pos, number(l) / number(r)), ExprType.FLOAT));
        }
      }
      case "%" -> {
        if (l instanceof Node.IntLit x && r instanceof Node.IntLit y) {
          if (y.value == 0) {
            foldError = ExprException.at(source, pos, "integer divide by zero");
            return b;
          }
          return changed(typed(new Node.IntLit(pos, x.value % y.value), ExprType.INT));
        }
      }
      case "**", "^" -> {
        if (isNumberLiteral(l) && isNumberLiteral(r)) {
          return changed(
              typed(new Node.FloatLit(pos, Ops.pow(number(l), number(r))), ExprType.FLOAT));
        }
      }
      case "and", "&&" -> {
        Boolean x = l instanceof Node.BoolLit lb ? lb.value : null;
        Boolean y = r instanceof Node.BoolLit rb ? rb.value : null;
        if (Boolean.TRUE.equals(x)) {
          return changed(r);
        }
        if (Boolean.TRUE.equals(y)) {
          return changed(l);
        }
        if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) {
          return changed(typed(new Node.BoolLit(pos, false), ExprType.BOOL));
        }
      }
      case "or", "||" -> {
        Boolean x = l instanceof Node.BoolLit lb ? lb.value : null;
        Boolean y = r instanceof Node.BoolLit rb ? rb.value : null;
        if (Boolean.FALSE.equals(x)) {
          return changed(r);
        }
        if (Boolean.FALSE.equals(y)) {
          return changed(l);
        }
        if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) {
          return changed(typed(new Node.BoolLit(pos, true), ExprType.BOOL));
        }
      }
      case "==" -> {
        if (l instanceof Node.IntLit x && r instanceof Node.IntLit y) {
          return changed(typed(new Node.BoolLit(pos, x.value == y.value), ExprType.BOOL));
        }
        if (l instanceof Node.StringLit x && r instanceof Node.StringLit y) {
          return changed(typed(new Node.BoolLit(pos, x.value.equals(y.value)), ExprType.BOOL));
        }
        if (l instanceof Node.BoolLit x && r instanceof Node.BoolLit y) {
          return changed(typed(new Node.BoolLit(pos, x.value == y.value), ExprType.BOOL));
        }
      }
      default -> {
        // nothing to fold
      }
    }
    return b;
  }

  private static boolean isBuiltin(Node node, String name, int arguments) {
    return node instanceof Node.Builtin b && b.name.equals(name) && b.arguments.size() == arguments;
  }

  private static boolean usesIndex(Node node) {
    boolean[] found = {false};
    walk(
        node,
        n -> {
          if (n instanceof Node.Pointer p && p.name.equals("index")) {
            found[0] = true;
          }
          return n;
        });
    return found[0];
  }

  /** {@code map(filter(a, p), m)} without {@code #index}: one pass keeping mapped elements. */
  private static Node filterMap(Node node) {
    if (isBuiltin(node, "map", 2) && !usesIndex(((Node.Builtin) node).arguments.get(1))) {
      Node.Builtin map = (Node.Builtin) node;
      if (map.arguments.get(1) instanceof Node.Predicate predicate
          && isBuiltin(map.arguments.get(0), "filter", 2)
          && ((Node.Builtin) map.arguments.get(0)).mapper == null) {
        Node.Builtin filter = (Node.Builtin) map.arguments.get(0);
        Node.Builtin fused = new Node.Builtin(map.pos, "filter", filter.arguments);
        fused.mapper = predicate.body;
        return typed(fused, map.type);
      }
    }
    return node;
  }

  /** {@code len(filter(a, p))} is {@code count(a, p)}. */
  private static Node filterLen(Node node) {
    if (isBuiltin(node, "len", 1)
        && isBuiltin(((Node.Builtin) node).arguments.get(0), "filter", 2)) {
      Node.Builtin filter = (Node.Builtin) ((Node.Builtin) node).arguments.get(0);
      return typed(new Node.Builtin(node.pos, "count", filter.arguments), node.type);
    }
    return node;
  }

  /**
   * {@code filter(..)[0]}, {@code filter(..)[-1]}, {@code first(filter(..))}, {@code
   * last(filter(..))}.
   */
  private static Node filterFirstOrLast(Node node) {
    if (node instanceof Node.Member m
        && !m.optional
        && m.property instanceof Node.IntLit index
        && (index.value == 0 || index.value == -1)
        && isBuiltin(m.object, "filter", 2)) {
      Node.Builtin filter = (Node.Builtin) m.object;
      Node.Builtin find =
          new Node.Builtin(node.pos, index.value == 0 ? "find" : "findLast", filter.arguments);
      find.throwsWhenMissing = true;
      find.mapper = filter.mapper;
      return typed(find, node.type);
    }
    if ((isBuiltin(node, "first", 1) || isBuiltin(node, "last", 1))
        && isBuiltin(((Node.Builtin) node).arguments.get(0), "filter", 2)) {
      Node.Builtin filter = (Node.Builtin) ((Node.Builtin) node).arguments.get(0);
      String name = ((Node.Builtin) node).name.equals("first") ? "find" : "findLast";
      Node.Builtin find = new Node.Builtin(node.pos, name, filter.arguments);
      find.mapper = filter.mapper;
      return typed(find, node.type);
    }
    return node;
  }

  /**
   * {@code all(x, p) && all(x, q)} is {@code all(x, p && q)}; likewise {@code any} with {@code ||}
   * and {@code none} with {@code &&} (becoming {@code ||}), when both collections are the same
   * expression.
   */
  private static Node predicateCombination(Node node) {
    if (!(node instanceof Node.Binary b)
        || !(b.left instanceof Node.Builtin left)
        || !(b.right instanceof Node.Builtin right)
        || !left.name.equals(right.name)
        || left.arguments.size() != 2
        || right.arguments.size() != 2
        || !(left.arguments.get(1) instanceof Node.Predicate p)
        || !(right.arguments.get(1) instanceof Node.Predicate q)
        || !sameTree(left.arguments.get(0), right.arguments.get(0))) {
      return node;
    }
    String combined = combinedOperator(left.name, b.operator);
    if (combined == null) {
      return node;
    }
    Node body = predicateCombination(new Node.Binary(0, combined, p.body, q.body));
    List<Node> arguments = new ArrayList<>();
    arguments.add(left.arguments.get(0));
    arguments.add(new Node.Predicate(0, body));
    return typed(new Node.Builtin(b.pos, left.name, arguments), node.type);
  }

  private static String combinedOperator(String function, String operator) {
    boolean and = operator.equals("and") || operator.equals("&&");
    boolean or = operator.equals("or") || operator.equals("||");
    if (function.equals("all") && and || function.equals("any") && or) {
      return operator;
    }
    if (function.equals("none") && and) {
      return operator.equals("and") ? "or" : "||";
    }
    return null;
  }

  /** Whether two trees are the same expression (expr-lang compares their printed forms). */
  static boolean sameTree(Node a, Node b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.getClass() != b.getClass() || !a.type.equals(b.type)) {
      return false;
    }
    if (a instanceof Node.Identifier x) {
      return x.name.equals(((Node.Identifier) b).name);
    } else if (a instanceof Node.IntLit x) {
      return x.value == ((Node.IntLit) b).value;
    } else if (a instanceof Node.FloatLit x) {
      return Double.compare(x.value, ((Node.FloatLit) b).value) == 0;
    } else if (a instanceof Node.BoolLit x) {
      return x.value == ((Node.BoolLit) b).value;
    } else if (a instanceof Node.StringLit x) {
      return x.value.equals(((Node.StringLit) b).value);
    } else if (a instanceof Node.Nil) {
      return true;
    } else if (a instanceof Node.Constant x) {
      return x.value.equals(((Node.Constant) b).value);
    } else if (a instanceof Node.Pointer x) {
      return x.name.equals(((Node.Pointer) b).name);
    } else if (a instanceof Node.Member x) {
      Node.Member y = (Node.Member) b;
      return x.optional == y.optional
          && x.method == y.method
          && sameTree(x.object, y.object)
          && sameTree(x.property, y.property);
    } else if (a instanceof Node.Chain x) {
      return sameTree(x.node, ((Node.Chain) b).node);
    } else if (a instanceof Node.Unary x) {
      Node.Unary y = (Node.Unary) b;
      return x.operator.equals(y.operator) && sameTree(x.operand, y.operand);
    } else if (a instanceof Node.Binary x) {
      Node.Binary y = (Node.Binary) b;
      return x.operator.equals(y.operator)
          && sameTree(x.left, y.left)
          && sameTree(x.right, y.right);
    } else if (a instanceof Node.Slice x) {
      Node.Slice y = (Node.Slice) b;
      return sameTree(x.object, y.object)
          && sameTree(x.lower, y.lower)
          && sameTree(x.upper, y.upper);
    }
    return false;
  }

  /**
   * {@code sum(m..n)}, {@code sum(m..n, # op k)} and {@code reduce(m..n, # + #acc[, k])} as
   * constants.
   */
  private static Node sumRange(Node node) {
    if (!(node instanceof Node.Builtin b)
        || b.arguments.isEmpty()
        || !(b.arguments.get(0) instanceof Node.Binary range)
        || !range.operator.equals("..")
        || !(range.left instanceof Node.IntLit from)
        || !(range.right instanceof Node.IntLit to)
        || to.value < from.value) {
      return node;
    }
    long count = to.value - from.value + 1;
    long sum = count * (from.value + to.value) / 2;
    if (b.name.equals("sum") && b.arguments.size() == 1) {
      return typed(new Node.IntLit(node.pos, sum), ExprType.INT);
    }
    if (b.name.equals("sum")
        && b.arguments.size() == 2
        && b.arguments.get(1) instanceof Node.Predicate predicate) {
      Long result = sumWithPredicate(sum, count, predicate.body);
      return result == null ? node : typed(new Node.IntLit(node.pos, result), ExprType.INT);
    }
    if (b.name.equals("reduce")
        && b.arguments.get(1) instanceof Node.Predicate predicate
        && isElementPlusAccumulator(predicate.body)) {
      if (b.arguments.size() == 3) {
        if (b.arguments.get(2) instanceof Node.IntLit initial) {
          return typed(new Node.IntLit(node.pos, initial.value + sum), ExprType.INT);
        }
        return node;
      }
      return typed(new Node.IntLit(node.pos, sum), ExprType.INT);
    }
    return node;
  }

  private static boolean isPointer(Node node, String name) {
    return node instanceof Node.Pointer p && p.name.equals(name);
  }

  private static boolean isElementPlusAccumulator(Node body) {
    return body instanceof Node.Binary b
        && b.operator.equals("+")
        && ((isPointer(b.left, "") && isPointer(b.right, "acc"))
            || (isPointer(b.left, "acc") && isPointer(b.right, "")));
  }

  private static Long sumWithPredicate(long sum, long count, Node body) {
    if (isPointer(body, "")) {
      return sum;
    }
    if (!(body instanceof Node.Binary b)) {
      return null;
    }
    boolean pointerLeft = isPointer(b.left, "") && b.right instanceof Node.IntLit;
    boolean pointerRight = b.left instanceof Node.IntLit && isPointer(b.right, "");
    if (!pointerLeft && !pointerRight) {
      return null;
    }
    long k = pointerLeft ? ((Node.IntLit) b.right).value : ((Node.IntLit) b.left).value;
    return switch (b.operator) {
      case "*" -> k * sum;
      case "+" -> sum + count * k;
      case "-" -> pointerLeft ? sum - count * k : count * k - sum;
      default -> null;
    };
  }

  /** {@code sum([a, b, c])} is {@code a + (b + c)}. */
  private static Node sumArray(Node node) {
    if (isBuiltin(node, "sum", 1)
        && ((Node.Builtin) node).arguments.get(0) instanceof Node.ArrayLit a
        && a.elements.size() >= 2) {
      return typed(sumOf(a.elements, 0), node.type);
    }
    return node;
  }

  private static Node sumOf(List<Node> elements, int from) {
    if (elements.size() - from == 2) {
      return new Node.Binary(0, "+", elements.get(from), elements.get(from + 1));
    }
    return new Node.Binary(0, "+", elements.get(from), sumOf(elements, from + 1));
  }

  /** {@code sum(map(a, p))} is {@code sum(a, p)}. */
  private static Node sumMap(Node node) {
    if (isBuiltin(node, "sum", 1) && isBuiltin(((Node.Builtin) node).arguments.get(0), "map", 2)) {
      Node.Builtin map = (Node.Builtin) ((Node.Builtin) node).arguments.get(0);
      List<Node> arguments = new ArrayList<>(map.arguments);
      return typed(new Node.Builtin(node.pos, "sum", arguments), node.type);
    }
    return node;
  }

  /** {@code count(a, p) > 0} and {@code count(a, p) >= 1} are {@code any(a, p)}. */
  private static Node countAny(Node node) {
    if (node instanceof Node.Binary b
        && isBuiltin(b.left, "count", 2)
        && b.right instanceof Node.IntLit k
        && ((b.operator.equals(">") && k.value == 0)
            || (b.operator.equals(">=") && k.value == 1))) {
      return typed(new Node.Builtin(node.pos, "any", ((Node.Builtin) b.left).arguments), node.type);
    }
    return node;
  }

  /** {@code count(a, p) <op> n}: counting can stop once the comparison is decided. */
  private static Node countThreshold(Node node) {
    if (node instanceof Node.Binary b
        && isBuiltin(b.left, "count", 2)
        && b.right instanceof Node.IntLit k
        && k.value >= 0) {
      long threshold =
          switch (b.operator) {
            case ">", "<=" -> k.value + 1;
            case ">=", "<" -> k.value;
            default -> 0;
          };
      if (threshold > 1) {
        ((Node.Builtin) b.left).threshold = threshold;
      }
    }
    return node;
  }
}
