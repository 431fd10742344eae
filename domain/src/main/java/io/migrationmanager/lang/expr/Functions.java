package io.migrationmanager.lang.expr;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Migration Manager's own functions, available in every expression.
 *
 * <ul>
 *   <li>{@code path_base(path)}: the last element of a slash-separated path, like Go's {@code
 *       path.Base} ({@code "."} for an empty path, {@code "/"} for a path of slashes).
 *   <li>{@code path_dir(path)}: everything but the last element, cleaned, like Go's {@code
 *       path.Dir}.
 *   <li>{@code has_tag(category, tag)}: whether {@code tag} equals one of the comma-separated tags
 *       (each trimmed) in the environment's {@code config["tag.<category>"]}.
 *   <li>{@code matches_tag(category, tag)}: the looser match: whether {@code tag} is a substring of
 *       one of those tags.
 * </ul>
 *
 * <p>With category {@code "*"} both tag functions look at every {@code config} key that starts with
 * {@code tag.}. Note that the original Go implementation had the two meanings swapped ({@code
 * has_tag} did substring matching, {@code matches_tag} exact matching, and {@code "*"} compared
 * against the whole comma-joined value); this port implements the documented meaning.
 */
final class Functions {
  private Functions() {}

  private static final Set<String> NAMES =
      Set.of("path_base", "path_dir", "has_tag", "matches_tag");

  static boolean isFunction(String name) {
    return NAMES.contains(name);
  }

  static Object call(String name, List<Object> args, Frame frame) {
    return switch (name) {
      case "path_base" -> base(pathArgument(args));
      case "path_dir" -> dir(pathArgument(args));
      case "has_tag" -> tag(args, true, frame);
      case "matches_tag" -> tag(args, false, frame);
      default -> throw new EvalError("unknown function " + name);
    };
  }

  private static String pathArgument(List<Object> args) {
    if (args.size() != 1) {
      throw new EvalError("invalid number of arguments, expected 1, got: " + args.size());
    }
    if (!(args.get(0) instanceof String path)) {
      throw new EvalError(
          "invalid argument type, expected string, got: " + Values.goTypeName(args.get(0)));
    }
    return path;
  }

  /** Go's {@code path.Base}. */
  static String base(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    String p = path;
    while (p.length() > 0 && p.charAt(p.length() - 1) == '/') {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    if (slash >= 0) {
      p = p.substring(slash + 1);
    }
    return p.isEmpty() ? "/" : p;
  }

  /** Go's {@code path.Dir}. */
  static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return clean(path.substring(0, slash + 1));
  }

  /** Go's {@code path.Clean}. */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    StringBuilder out = new StringBuilder();
    int n = path.length();
    int r = 0;
    int dotdot = 0;
    if (rooted) {
      out.append('/');
      r = 1;
      dotdot = 1;
    }
    while (r < n) {
      if (path.charAt(r) == '/') {
        r++;
      } else if (path.charAt(r) == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
        r++;
      } else if (path.charAt(r) == '.'
          && path.charAt(r + 1) == '.'
          && (r + 2 == n || path.charAt(r + 2) == '/')) {
        r += 2;
        if (out.length() > dotdot) {
          int w = out.length() - 1;
          while (w > dotdot && out.charAt(w) != '/') {
            w--;
          }
          out.setLength(w);
        } else if (!rooted) {
          if (out.length() > 0) {
            out.append('/');
          }
          out.append("..");
          dotdot = out.length();
        }
      } else {
        if ((rooted && out.length() != 1) || (!rooted && out.length() != 0)) {
          out.append('/');
        }
        while (r < n && path.charAt(r) != '/') {
          out.append(path.charAt(r));
          r++;
        }
      }
    }
    return out.length() == 0 ? "." : out.toString();
  }

  private static boolean tag(List<Object> args, boolean exact, Frame frame) {
    if (args.size() != 2) {
      throw new EvalError(
          "invalid number of arguments, expected <category> <tag>, got "
              + args.size()
              + " arguments");
    }
    if (!(args.get(0) instanceof String category)) {
      throw new EvalError(
          "invalid category argument type, expected string, got: "
              + Values.goTypeName(args.get(0)));
    }
    if (!(args.get(1) instanceof String tag)) {
      throw new EvalError(
          "invalid tag argument type, expected string, got: " + Values.goTypeName(args.get(1)));
    }
    Map<?, ?> config = config(frame);
    if (category.equals("*")) {
      for (Map.Entry<?, ?> entry : config.entrySet()) {
        if (entry.getKey() instanceof String key
            && key.startsWith("tag.")
            && matches(entry.getValue(), tag, exact)) {
          return true;
        }
      }
      return false;
    }
    return config.containsKey("tag." + category)
        && matches(config.get("tag." + category), tag, exact);
  }

  private static boolean matches(Object tagList, String tag, boolean exact) {
    if (!(tagList instanceof String list)) {
      return false;
    }
    for (String candidate : list.split(",", -1)) {
      String trimmed = Builtins.trimSpace(candidate);
      if (exact ? trimmed.equals(tag) : trimmed.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  private static Map<?, ?> config(Frame frame) {
    Object env = frame.env;
    if (env == null) {
      return Map.of();
    }
    Object config;
    try {
      config = Ops.fetch(env, "config", frame);
    } catch (EvalError e) {
      return Map.of();
    }
    return config instanceof Map<?, ?> map ? map : Map.of();
  }
}
