package io.migrationmanager.lang.expr;

import java.util.List;
import java.util.Map;

/**
 * Compile-time checks of the builtin functions that take plain arguments: either a list of
 * overloads (checked in order, the first that fits wins, otherwise the last failure is reported) or
 * a validation of the argument kinds, with expr-lang's messages.
 */
final class BuiltinSignatures {
  private BuiltinSignatures() {}

  private record Signature(List<ExprType> parameters, ExprType result) {}

  private static Signature sig(ExprType result, ExprType... parameters) {
    return new Signature(List.of(parameters), result);
  }

  private static final ExprType S = ExprType.STRING;
  private static final ExprType I = ExprType.INT;

  private static final Map<String, List<Signature>> OVERLOADS =
      Map.ofEntries(
          Map.entry("type", List.of(sig(S, ExprType.ANY))),
          Map.entry("string", List.of(sig(S, ExprType.ANY))),
          Map.entry("trim", List.of(sig(S, S), sig(S, S, S))),
          Map.entry("trimPrefix", List.of(sig(S, S, S), sig(S, S))),
          Map.entry("trimSuffix", List.of(sig(S, S, S), sig(S, S))),
          Map.entry("upper", List.of(sig(S, S))),
          Map.entry("lower", List.of(sig(S, S))),
          Map.entry(
              "split",
              List.of(sig(ExprType.STRING_ARRAY, S, S), sig(ExprType.STRING_ARRAY, S, S, I))),
          Map.entry(
              "splitAfter",
              List.of(sig(ExprType.STRING_ARRAY, S, S), sig(ExprType.STRING_ARRAY, S, S, I))),
          Map.entry("replace", List.of(sig(S, S, S, S, I), sig(S, S, S, S))),
          Map.entry("repeat", List.of(sig(S, S, I))),
          Map.entry(
              "join",
              List.of(
                  sig(S, ExprType.STRING_ARRAY, S),
                  sig(S, ExprType.ANY_ARRAY, S),
                  sig(S, ExprType.ANY_ARRAY),
                  sig(S, ExprType.STRING_ARRAY, S),
                  sig(S, ExprType.STRING_ARRAY))),
          Map.entry("indexOf", List.of(sig(I, S, S))),
          Map.entry("lastIndexOf", List.of(sig(I, S, S))),
          Map.entry("hasPrefix", List.of(sig(ExprType.BOOL, S, S))),
          Map.entry("hasSuffix", List.of(sig(ExprType.BOOL, S, S))),
          Map.entry("toJSON", List.of(sig(S, ExprType.ANY))),
          Map.entry("fromJSON", List.of(sig(ExprType.ANY, S))),
          Map.entry("toBase64", List.of(sig(S, S))),
          Map.entry("fromBase64", List.of(sig(S, S))),
          Map.entry(
              "sort",
              List.of(
                  sig(ExprType.ANY_ARRAY, ExprType.ANY_ARRAY, S),
                  sig(ExprType.ANY_ARRAY, ExprType.INT_ARRAY, S),
                  sig(ExprType.ANY_ARRAY, ExprType.FLOAT_ARRAY, S),
                  sig(ExprType.ANY_ARRAY, ExprType.STRING_ARRAY, S),
                  sig(ExprType.ANY_ARRAY, ExprType.ANY_ARRAY),
                  sig(ExprType.ANY_ARRAY, ExprType.FLOAT_ARRAY),
                  sig(ExprType.ANY_ARRAY, ExprType.STRING_ARRAY),
                  sig(ExprType.ANY_ARRAY, ExprType.INT_ARRAY))),
          Map.entry("bitand", List.of(sig(I, I, I))),
          Map.entry("bitor", List.of(sig(I, I, I))),
          Map.entry("bitxor", List.of(sig(I, I, I))),
          Map.entry("bitnand", List.of(sig(I, I, I))),
          Map.entry("bitshl", List.of(sig(I, I, I))),
          Map.entry("bitshr", List.of(sig(I, I, I))),
          Map.entry("bitushr", List.of(sig(I, I, I))),
          Map.entry("bitnot", List.of(sig(I, I))));

  /** Go reflect kinds, as far as the validations distinguish them. */
  private enum GoKind {
    INVALID,
    INTERFACE,
    BOOL,
    INT,
    FLOAT,
    STRING,
    SLICE,
    MAP,
    STRUCT,
    FUNC
  }

  static ExprType check(Checker checker, Node.Builtin node) {
    List<Signature> overloads = OVERLOADS.get(node.name);
    if (overloads != null) {
      return checkOverloads(checker, node, overloads);
    }
    ExprType[] args = new ExprType[node.arguments.size()];
    for (int i = 0; i < args.length; i++) {
      ExprType type = checker.typeOf(node.arguments.get(i));
      args[i] = type.isNil() ? null : (type.isUnknown() ? ExprType.ANY : type);
    }
    String problem = validate(node.name, args);
    if (problem != null) {
      throw checker.errorAt(node, problem);
    }
    return resultOf(node.name, args);
  }

  private static ExprType checkOverloads(
      Checker checker, Node.Builtin node, List<Signature> overloads) {
    ExprException last = null;
    for (Signature signature : overloads) {
      ExprException failure = checkArguments(checker, node, signature);
      if (failure == null) {
        return signature.result;
      }
      last = failure;
    }
    throw last;
  }

  private static ExprException checkArguments(
      Checker checker, Node.Builtin node, Signature signature) {
    List<Node> arguments = node.arguments;
    int expected = signature.parameters.size();
    String countProblem = null;
    if (arguments.size() > expected) {
      countProblem = "too many arguments to call " + node.name;
    }
    if (arguments.size() < expected) {
      countProblem = "not enough arguments to call " + node.name;
    }
    if (countProblem != null) {
      for (Node argument : arguments) {
        checker.typeOf(argument);
      }
      return checker.errorAt(node, countProblem);
    }
    for (int i = 0; i < arguments.size(); i++) {
      Node argument = arguments.get(i);
      ExprType type = checker.typeOf(argument);
      ExprType parameter = signature.parameters.get(i);
      if (parameter.isInteger() && type.isInteger()) {
        continue;
      }
      if (type.isNil()) {
        if (parameter.kind == ExprType.Kind.ANY) {
          continue;
        }
        return checker.errorAt(
            argument, "cannot use nil as argument (type " + parameter + ") to call " + node.name);
      }
      if (!type.assignableTo(parameter) && !type.isUnknown()) {
        return checker.errorAt(
            argument,
            "cannot use "
                + type
                + " as argument (type "
                + parameter
                + ") to call "
                + node.name
                + " ");
      }
    }
    return null;
  }

  private static GoKind kind(ExprType t) {
    if (t == null) {
      return GoKind.INVALID;
    }
    return switch (t.kind) {
      case ANY, UNKNOWN -> GoKind.INTERFACE;
      case NIL -> GoKind.INVALID;
      case BOOL -> GoKind.BOOL;
      case INT -> GoKind.INT;
      case FLOAT -> GoKind.FLOAT;
      case STRING -> GoKind.STRING;
      case ARRAY, BYTES -> GoKind.SLICE;
      case MAP -> GoKind.MAP;
      case STRUCT, TIME -> GoKind.STRUCT;
      case FUNC -> GoKind.FUNC;
    };
  }

  private static String display(ExprType t) {
    return t == null ? "<nil>" : t.name;
  }

  private static String count(ExprType[] args, int expected) {
    if (args.length != expected) {
      return "invalid number of arguments (expected " + expected + ", got " + args.length + ")";
    }
    return null;
  }

  private static boolean numeric(GoKind kind) {
    return kind == GoKind.INT || kind == GoKind.FLOAT;
  }

  /** Returns the problem with the arguments, or {@code null} when they are acceptable. */
  private static String validate(String name, ExprType[] args) {
    switch (name) {
      case "len" -> {
        String problem = count(args, 1);
        if (problem != null) {
          return problem;
        }
        GoKind k = kind(args[0]);
        return k == GoKind.SLICE || k == GoKind.MAP || k == GoKind.STRING || k == GoKind.INTERFACE
            ? null
            : "invalid argument for len (type " + display(args[0]) + ")";
      }
      case "abs", "ceil", "floor", "round", "int", "float" -> {
        String problem = count(args, 1);
        if (problem != null) {
          return problem;
        }
        GoKind k = kind(args[0]);
        boolean stringOk = name.equals("int") || name.equals("float");
        return numeric(k) || k == GoKind.INTERFACE || (stringOk && k == GoKind.STRING)
            ? null
            : "invalid argument for " + name + " (type " + display(args[0]) + ")";
      }
      case "max", "min", "mean", "median" -> {
        if (args.length == 0) {
          return "not enough arguments to call " + name;
        }
        for (ExprType arg : args) {
          GoKind k = kind(arg);
          if (k == GoKind.INTERFACE || k == GoKind.SLICE) {
            return null;
          }
          if (!numeric(k)) {
            return "invalid argument for " + name + " (type " + display(arg) + ")";
          }
        }
        return null;
      }
      case "first", "last" -> {
        String problem = count(args, 1);
        if (problem != null) {
          return problem;
        }
        GoKind k = kind(args[0]);
        return k == GoKind.INTERFACE || k == GoKind.SLICE
            ? null
            : "cannot get " + name + " element from " + display(args[0]);
      }
      case "take" -> {
        String problem = count(args, 2);
        if (problem != null) {
          return problem;
        }
        GoKind k = kind(args[0]);
        if (k != GoKind.INTERFACE && k != GoKind.SLICE) {
          return "cannot take from " + display(args[0]);
        }
        GoKind n = kind(args[1]);
        return n == GoKind.INTERFACE || n == GoKind.INT
            ? null
            : "cannot take " + display(args[1]) + " elements";
      }
      case "keys", "values", "toPairs" -> {
        String problem = count(args, 1);
        if (problem != null) {
          return problem;
        }
        GoKind k = kind(args[0]);
        if (k == GoKind.INTERFACE || k == GoKind.MAP) {
          return null;
        }
        return switch (name) {
          case "keys" -> "cannot get keys from " + display(args[0]);
          case "values" -> "cannot get values from " + display(args[0]);
          default -> "cannot transform " + display(args[0]) + " to pairs";
        };
      }
      case "fromPairs", "reverse", "uniq", "flatten" -> {
        String problem = count(args, 1);
        if (problem != null) {
          return problem;
        }
        GoKind k = kind(args[0]);
        if (k == GoKind.INTERFACE || k == GoKind.SLICE) {
          return null;
        }
        return switch (name) {
          case "fromPairs" -> "cannot transform " + display(args[0]) + " from pairs";
          case "reverse" -> "cannot reverse " + display(args[0]);
          case "uniq" -> "cannot uniq " + display(args[0]);
          default -> "cannot flatten " + display(args[0]);
        };
      }
      case "concat" -> {
        if (args.length == 0) {
          return "invalid number of arguments (expected at least 1, got 0)";
        }
        for (ExprType arg : args) {
          GoKind k = kind(arg);
          if (k != GoKind.INTERFACE && k != GoKind.SLICE) {
            return "cannot concat " + display(arg);
          }
        }
        return null;
      }
      default -> {
        return "builtin " + name + " is not supported";
      }
    }
  }

  private static ExprType resultOf(String name, ExprType[] args) {
    return switch (name) {
      case "len", "int" -> ExprType.INT;
      case "ceil", "floor", "round", "float" -> ExprType.FLOAT;
      case "abs" -> args[0];
      case "max", "min", "mean", "median" -> {
        for (ExprType arg : args) {
          GoKind k = kind(arg);
          if (k == GoKind.INTERFACE || k == GoKind.SLICE) {
            yield ExprType.ANY;
          }
        }
        yield args[0];
      }
      case "first", "last" ->
          kind(args[0]) == GoKind.INTERFACE ? ExprType.ANY : reflectElem(args[0]);
      case "take" -> args[0];
      case "fromPairs" -> ExprType.ANY_KEY_MAP;
      default -> ExprType.ANY_ARRAY;
    };
  }

  /** The element type as Go's reflection sees it: arrays built by expressions hold interfaces. */
  private static ExprType reflectElem(ExprType array) {
    if (array.kind == ExprType.Kind.BYTES) {
      return ExprType.INT;
    }
    return array.name.equals("[]interface {}") ? ExprType.ANY : array.elem();
  }
}
