package io.migrationmanager.lang.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code max}, {@code min}, {@code mean}, {@code median} and the sorting behind {@code sort}/{@code
 * sortBy}.
 */
final class Aggregates {
  private Aggregates() {}

  private static boolean isNumber(Object value) {
    return value instanceof Long || value instanceof Double;
  }

  static Object minMax(String name, List<Object> args) {
    return minMax(name, args, 0);
  }

  private static Object minMax(String name, List<?> args, int depth) {
    if (depth > Frame.MAX_VALUE_DEPTH) {
      throw new EvalError("recursion depth exceeded");
    }
    Object best = null;
    for (Object raw : args) {
      Object arg = Values.norm(raw);
      if (arg instanceof List<?> list) {
        for (Object rawElement : list) {
          Object element = Values.norm(rawElement);
          if (isNumber(element)) {
            if (best == null || better(name, best, element)) {
              best = element;
            }
          } else if (element instanceof List<?>) {
            Object nested = minMax(name, List.of(element), depth + 1);
            if (nested != null && (best == null || better(name, best, nested))) {
              best = nested;
            }
          } else {
            throw new EvalError(
                "invalid argument for " + name + " (type " + Values.goTypeName(element) + ")");
          }
        }
      } else if (isNumber(arg)) {
        if (best == null || better(name, best, arg)) {
          best = arg;
        }
      } else if (args.size() == 1) {
        return arg;
      } else {
        throw new EvalError(
            "invalid argument for " + name + " (type " + Values.goTypeName(arg) + ")");
      }
    }
    return best;
  }

  private static boolean better(String name, Object current, Object candidate) {
    return Ops.compare(name.equals("max") ? Ops.LESS : Ops.GREATER, current, candidate);
  }

  /** Collects the numbers of the arguments, flattening arrays. */
  private static void numbers(String name, List<?> args, List<Double> out, int depth) {
    if (depth > Frame.MAX_VALUE_DEPTH) {
      throw new EvalError("recursion depth exceeded");
    }
    for (Object raw : args) {
      Object arg = Values.norm(raw);
      if (arg instanceof Long l) {
        out.add((double) l);
      } else if (arg instanceof Double d) {
        out.add(d);
      } else if (arg instanceof List<?> list) {
        numbers(name, list, out, depth + 1);
      } else {
        throw new EvalError(
            "invalid argument for " + name + " (type " + Values.goTypeName(arg) + ")");
      }
    }
  }

  static double mean(List<Object> args) {
    List<Double> values = new ArrayList<>();
    numbers("mean", args, values, 0);
    if (values.isEmpty()) {
      return 0.0;
    }
    double total = 0;
    for (double value : values) {
      total += value;
    }
    return total / values.size();
  }

  static double median(List<Object> args) {
    List<Double> collected = new ArrayList<>();
    numbers("median", args, collected, 0);
    int n = collected.size();
    if (n == 0) {
      return 0.0;
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = collected.get(i);
    }
    Arrays.sort(values);
    if (n % 2 == 1) {
      return values[n / 2];
    }
    return (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  static List<Object> sort(List<Object> args, Frame frame) {
    List<Object> items = new ArrayList<>();
    if (args.get(0) instanceof List<?> list) {
      for (Object element : list) {
        items.add(Values.norm(element));
      }
    }
    boolean descending = false;
    if (args.size() == 2) {
      if (!(args.get(1) instanceof String order)) {
        throw new EvalError(
            "sort order argument must be a string (got " + Values.goTypeName(args.get(1)) + ")");
      }
      descending = descending(order, "invalid order " + order + ", expected asc or desc");
    }
    sortBy(items, items, descending, frame);
    frame.memGrow(items.size());
    return items;
  }

  static boolean descending(String order, String problem) {
    return switch (order) {
      case "asc" -> false;
      case "desc" -> true;
      default -> throw new EvalError(problem);
    };
  }

  /**
   * Sorts {@code items} by {@code keys} (the same list for a plain sort) with expr-lang's {@code
   * Less}. Up to 12 elements are insertion-sorted exactly as Go does; longer lists are
   * merge-sorted.
   */
  static void sortBy(List<Object> items, List<Object> keys, boolean descending, Frame frame) {
    int n = items.size();
    frame.step((long) n * (64 - Long.numberOfLeadingZeros(n + 1L)));
    if (n <= 12) {
      for (int i = 1; i < n; i++) {
        for (int j = i; j > 0 && less(keys.get(j), keys.get(j - 1), descending); j--) {
          swap(items, j, j - 1);
          if (keys != items) {
            swap(keys, j, j - 1);
          }
        }
      }
      return;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Integer[] scratch = new Integer[n];
    mergeSort(order, scratch, 0, n, keys, descending);
    List<Object> sortedItems = new ArrayList<>(n);
    List<Object> sortedKeys = new ArrayList<>(n);
    for (Integer index : order) {
      sortedItems.add(items.get(index));
      sortedKeys.add(keys.get(index));
    }
    for (int i = 0; i < n; i++) {
      items.set(i, sortedItems.get(i));
      if (keys != items) {
        keys.set(i, sortedKeys.get(i));
      }
    }
  }

  private static void mergeSort(
      Integer[] order, Integer[] scratch, int from, int to, List<Object> keys, boolean descending) {
    if (to - from < 2) {
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(order, scratch, from, middle, keys, descending);
    mergeSort(order, scratch, middle, to, keys, descending);
    int left = from;
    int right = middle;
    int out = from;
    while (left < middle && right < to) {
      if (less(keys.get(order[right]), keys.get(order[left]), descending)) {
        scratch[out++] = order[right++];
      } else {
        scratch[out++] = order[left++];
      }
    }
    while (left < middle) {
      scratch[out++] = order[left++];
    }
    while (right < to) {
      scratch[out++] = order[right++];
    }
    System.arraycopy(scratch, from, order, from, to - from);
  }

  private static boolean less(Object a, Object b, boolean descending) {
    return descending ? Ops.less(b, a) : Ops.less(a, b);
  }

  private static void swap(List<Object> list, int i, int j) {
    Object tmp = list.get(i);
    list.set(i, list.get(j));
    list.set(j, tmp);
  }
}
