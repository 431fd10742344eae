package io.migrationmanager.activities.vsphere;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The source's {@code datacenters} setting (spec §2.2): normalised inventory path patterns such as
 * {@code /...} (everything), {@code /vc01/...} or {@code /dc-*}{@code /...}. A pattern names a
 * prefix of the inventory path, component by component with {@code *}, {@code ?} and {@code [...]}
 * globs as govc's finder reads them, followed by {@code /...}: every object below it.
 */
final class InventoryPathFilter {
  private final List<List<Pattern>> prefixes = new ArrayList<>();

  InventoryPathFilter(List<String> patterns) {
    List<String> effective = patterns == null || patterns.isEmpty() ? List.of("/...") : patterns;
    for (String pattern : effective) {
      List<Pattern> prefix = new ArrayList<>();
      for (String component : components(pattern)) {
        if (!component.equals("...")) {
          prefix.add(glob(component));
        }
      }
      prefixes.add(prefix);
    }
  }

  /** Whether the object at this inventory path lies below one of the patterns. */
  boolean matches(String inventoryPath) {
    List<String> path = components(inventoryPath);
    for (List<Pattern> prefix : prefixes) {
      if (path.size() > prefix.size() && matchesPrefix(prefix, path)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesPrefix(List<Pattern> prefix, List<String> path) {
    for (int i = 0; i < prefix.size(); i++) {
      if (!prefix.get(i).matcher(path.get(i)).matches()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> components(String path) {
    List<String> out = new ArrayList<>();
    for (String c : path.split("/")) {
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  /** Go's {@code path.Match} syntax for one path component. */
  private static Pattern glob(String component) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        case '[' -> {
          int end = component.indexOf(']', i + 1);
          if (end < 0) {
            regex.append("\\[");
          } else {
            regex.append('[').append(characterClass(component.substring(i + 1, end))).append(']');
            i = end;
          }
        }
        case '\\' -> {
          if (i + 1 < component.length()) {
            regex.append(Pattern.quote(String.valueOf(component.charAt(++i))));
          }
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /**
   * The body of a glob character class ({@code a-z}, {@code ^0-9}) with regex metacharacters
   * escaped.
   */
  private static String characterClass(String set) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < set.length(); i++) {
      char c = set.charAt(i);
      boolean literal = c == '^' && i > 0 || c == '[' || c == '&' || c == '\\';
      if (literal) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
