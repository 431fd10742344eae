package io.migrationmanager.lang.expr;

import java.util.List;

/**
 * The syntax tree. Positions are code-point indexes into the source; {@link #type} is filled in by
 * the {@link Checker}. Children are mutable so that the {@link Folder} can replace constant
 * sub-trees.
 */
abstract class Node {
  final int pos;
  int depth = 1;
  ExprType type = ExprType.UNKNOWN;

  Node(int pos) {
    this.pos = pos;
  }

  final Node deeper(Node... children) {
    for (Node child : children) {
      if (child != null) {
        depth = Math.max(depth, child.depth + 1);
      }
    }
    return this;
  }

  final Node deeper(List<? extends Node> children) {
    return deeper(children.toArray(new Node[0]));
  }

  static final class Nil extends Node {
    Nil(int pos) {
      super(pos);
    }
  }

  static final class Identifier extends Node {
    final String name;

    Identifier(int pos, String name) {
      super(pos);
      this.name = name;
    }
  }

  static final class IntLit extends Node {
    final long value;

    IntLit(int pos, long value) {
      super(pos);
      this.value = value;
    }
  }

  static final class FloatLit extends Node {
    final double value;

    FloatLit(int pos, double value) {
      super(pos);
      this.value = value;
    }
  }

  static final class BoolLit extends Node {
    final boolean value;

    BoolLit(int pos, boolean value) {
      super(pos);
      this.value = value;
    }
  }

  static final class StringLit extends Node {
    final String value;

    StringLit(int pos, String value) {
      super(pos);
      this.value = value;
    }
  }

  static final class BytesLit extends Node {
    final byte[] value;

    BytesLit(int pos, byte[] value) {
      super(pos);
      this.value = value;
    }
  }

  /** A value computed at compile time (an array of literals). */
  static final class Constant extends Node {
    final Object value;

    Constant(int pos, Object value) {
      super(pos);
      this.value = value;
    }
  }

  static final class Unary extends Node {
    final String operator;
    Node operand;

    Unary(int pos, String operator, Node operand) {
      super(pos);
      this.operator = operator;
      this.operand = operand;
      deeper(operand);
    }
  }

  static final class Binary extends Node {
    final String operator;
    Node left;
    Node right;

    Binary(int pos, String operator, Node left, Node right) {
      super(pos);
      this.operator = operator;
      this.left = left;
      this.right = right;
      deeper(left, right);
    }
  }

  /** The extent of an optional chain {@code a?.b.c}: a nil before any {@code ?.} makes it nil. */
  static final class Chain extends Node {
    Node node;

    Chain(int pos, Node node) {
      super(pos);
      this.node = node;
      deeper(node);
    }
  }

  static final class Member extends Node {
    Node object;
    Node property;
    final boolean optional;
    boolean method;

    Member(int pos, Node object, Node property, boolean optional) {
      super(pos);
      this.object = object;
      this.property = property;
      this.optional = optional;
      deeper(object, property);
    }
  }

  static final class Slice extends Node {
    Node object;
    Node lower;
    Node upper;

    Slice(int pos, Node object, Node lower, Node upper) {
      super(pos);
      this.object = object;
      this.lower = lower;
      this.upper = upper;
      deeper(object, lower, upper);
    }
  }

  static final class Call extends Node {
    Node callee;
    final List<Node> arguments;

    Call(int pos, Node callee, List<Node> arguments) {
      super(pos);
      this.callee = callee;
      this.arguments = arguments;
      deeper(callee);
      deeper(arguments);
    }
  }

  static final class Builtin extends Node {
    final String name;
    final List<Node> arguments;

    /** {@code filter(..)[0]} rewritten to {@code find}: an empty result is an error. */
    boolean throwsWhenMissing;

    /** {@code map(filter(a, p), m)} fused into {@code filter}: the mapping of each kept element. */
    Node mapper;

    /** {@code count(..) > n}: counting may stop once this many elements matched. */
    long threshold;

    Builtin(int pos, String name, List<Node> arguments) {
      super(pos);
      this.name = name;
      this.arguments = arguments;
      deeper(arguments);
    }
  }

  static final class Predicate extends Node {
    Node body;

    Predicate(int pos, Node body) {
      super(pos);
      this.body = body;
      deeper(body);
    }
  }

  /** {@code #}, {@code #index}, {@code #acc} or the implicit element of {@code .field}. */
  static final class Pointer extends Node {
    final String name;

    Pointer(int pos, String name) {
      super(pos);
      this.name = name;
    }
  }

  static final class Let extends Node {
    final String name;
    Node value;
    Node body;

    Let(int pos, String name, Node value, Node body) {
      super(pos);
      this.name = name;
      this.value = value;
      this.body = body;
      deeper(value, body);
    }
  }

  static final class Sequence extends Node {
    final List<Node> nodes;

    Sequence(int pos, List<Node> nodes) {
      super(pos);
      this.nodes = nodes;
      deeper(nodes);
    }
  }

  static final class Conditional extends Node {
    Node condition;
    Node then;
    Node otherwise;

    Conditional(int pos, Node condition, Node then, Node otherwise) {
      super(pos);
      this.condition = condition;
      this.then = then;
      this.otherwise = otherwise;
      deeper(condition, then, otherwise);
    }
  }

  static final class ArrayLit extends Node {
    final List<Node> elements;

    ArrayLit(int pos, List<Node> elements) {
      super(pos);
      this.elements = elements;
      deeper(elements);
    }
  }

  static final class MapLit extends Node {
    final List<Pair> pairs;

    MapLit(int pos, List<Pair> pairs) {
      super(pos);
      this.pairs = pairs;
      deeper(pairs);
    }
  }

  static final class Pair extends Node {
    Node key;
    Node value;

    Pair(int pos, Node key, Node value) {
      super(pos);
      this.key = key;
      this.value = value;
      deeper(key, value);
    }
  }
}
