package io.migrationmanager.lang.expr;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Regular expressions with Go's RE2 syntax and semantics (re2j: linear time, no backtracking). */
final class Regexes {
  private Regexes() {}

  private static final int CACHE_LIMIT = 256;
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  /** Go's error for an invalid pattern, or {@code null} when it compiles. */
  static String problem(String regex) {
    try {
      Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return e.getMessage();
    }
  }

  /** Compiles a pattern, failing the evaluation with Go's message when it is invalid. */
  static Pattern compile(String regex) {
    Pattern cached = CACHE.get(regex);
    if (cached != null) {
      return cached;
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new EvalError(e.getMessage());
    }
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.put(regex, pattern);
    }
    return pattern;
  }

  /** Unanchored search, like Go's {@code regexp.MatchString}. */
  static boolean find(Pattern pattern, String input) {
    return pattern.matcher(input).find();
  }
}
