package io.migrationmanager.lang.starlark.syntax;

import java.util.Collection;

/** Finds a likely intended name for a misspelled one, for "did you mean" hints. */
public final class Spelling {
  private Spelling() {}

  /**
   * Returns the candidate closest to {@code name} by edit distance, if it is close enough (at most a third of
   * the name's length), else null. Ties go to the first candidate.
   */
  public static String nearest(String name, Collection<String> candidates) {
    int budget = name.length() / 3;
    if (budget == 0) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.equals(name) || Math.abs(c.length() - name.length()) > budget) {
        continue;
      }
      int d = distance(name, c);
      if (d <= budget && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
