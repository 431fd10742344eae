package io.migrationmanager.cli.output;

import java.util.Comparator;
import java.util.List;

/**
 * Natural order of strings and of table rows, as the original sorts its tables: runs of ASCII
 * digits compare by numeric value ({@code vm2 < vm10}), digits sort before other characters, other
 * characters compare by code point, and a string that is a prefix of another sorts first. Rows
 * compare column by column, and an empty cell sorts after any non-empty one.
 */
public final class NaturalOrder {

  /** Natural order of strings. */
  public static final Comparator<String> STRINGS = NaturalOrder::compareStrings;

  /** Natural order of rows, column by column, empty cells last. */
  public static final Comparator<List<String>> ROWS = NaturalOrder::compareRows;

  private NaturalOrder() {}

  private static int compareRows(List<String> a, List<String> b) {
    int columns = Math.min(a.size(), b.size());
    for (int k = 0; k < columns; k++) {
      String x = a.get(k);
      String y = b.get(k);
      if (x.equals(y)) {
        continue;
      }
      if (x.isEmpty()) {
        return 1;
      }
      if (y.isEmpty()) {
        return -1;
      }
      return compareStrings(x, y);
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareStrings(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int c1 = a.codePointAt(i);
      int c2 = b.codePointAt(j);
      boolean digit1 = isDigit(c1);
      boolean digit2 = isDigit(c2);
      if (digit1 != digit2) {
        return digit1 ? -1 : 1;
      }
      if (!digit1) {
        if (c1 != c2) {
          return Integer.compare(c1, c2);
        }
        i += Character.charCount(c1);
        j += Character.charCount(c2);
        continue;
      }
      int zeros1 = skipZeros(a, i);
      int zeros2 = skipZeros(b, j);
      int end1 = skipDigits(a, zeros1);
      int end2 = skipDigits(b, zeros2);
      // A longer number without leading zeros is larger; equal lengths compare digit by digit.
      if (end1 - zeros1 != end2 - zeros2) {
        return Integer.compare(end1 - zeros1, end2 - zeros2);
      }
      int digits = a.substring(zeros1, end1).compareTo(b.substring(zeros2, end2));
      if (digits != 0) {
        return Integer.signum(digits);
      }
      // Same value: fewer leading zeros first.
      if (zeros1 - i != zeros2 - j) {
        return Integer.compare(zeros1 - i, zeros2 - j);
      }
      i = end1;
      j = end2;
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static int skipZeros(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == '0') {
      i++;
    }
    return i;
  }

  private static int skipDigits(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
