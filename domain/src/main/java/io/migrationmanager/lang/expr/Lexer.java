package io.migrationmanager.lang.expr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Set;

/**
 * Splits an expression into tokens, lazily, exactly as expr-lang's lexer does (same token
 * boundaries, same error messages and positions).
 */
final class Lexer {
  private static final int EOF = -1;
  private static final Set<String> WORD_OPERATORS =
      Set.of(
          "in", "or", "and", "matches", "contains", "startsWith", "endsWith", "let", "if", "else");
  private static final Set<String> NEGATABLE =
      Set.of("in", "matches", "contains", "startsWith", "endsWith");

  private final String source;
  private final int[] runes;
  private final ArrayDeque<Token> pending = new ArrayDeque<>();
  private int start;
  private int end;
  private boolean eof;
  private boolean finished;
  private ExprException error;

  Lexer(String source) {
    this.source = source;
    this.runes = source.codePoints().toArray();
  }

  /** The next token, or {@code null} after the EOF token has been returned. */
  Token next() {
    while (pending.isEmpty() && !finished && error == null) {
      root();
    }
    if (error != null) {
      throw error;
    }
    return pending.poll();
  }

  private void root() {
    int r = read();
    if (r == EOF) {
      int from = Math.max(end - 1, 0);
      pending.add(new Token(Token.Kind.EOF, "", null, from, end));
      start = end;
      finished = true;
    } else if (GoText.isSpace(r)) {
      start = end;
    } else if (r == '\'' || r == '"') {
      scanString(r);
      String text = unescape(word(), false);
      emit(Token.Kind.STRING, text == null ? "" : text);
    } else if (r == '`') {
      scanRawString();
    } else if ((r == 'b' || r == 'B') && (peek() == '\'' || peek() == '"')) {
      int quote = read();
      scanString(quote);
      String raw = word().substring(1);
      String text = unescape(raw, true);
      byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.ISO_8859_1);
      pending.add(new Token(Token.Kind.BYTES, text == null ? "" : text, bytes, start, end));
      start = end;
    } else if (r >= '0' && r <= '9') {
      backup();
      number();
    } else if (r == '?') {
      accept(".?");
      emit(Token.Kind.OPERATOR);
    } else if (r == '/') {
      slash();
    } else if (r == '#') {
      pointer();
    } else if (r == '|') {
      accept("|");
      emit(Token.Kind.OPERATOR);
    } else if (r == ':') {
      accept(":");
      emit(Token.Kind.OPERATOR);
    } else if ("([{)]}".indexOf(r) >= 0) {
      emit(Token.Kind.BRACKET);
    } else if (",;%+-^".indexOf(r) >= 0) {
      emit(Token.Kind.OPERATOR);
    } else if ("&!=*<>".indexOf(r) >= 0) {
      accept("&=*");
      emit(Token.Kind.OPERATOR);
    } else if (r == '.') {
      backup();
      dot();
    } else if (GoText.isAlphaNumeric(r)) {
      backup();
      identifier();
    } else {
      fail("unrecognized character: " + GoText.formatRune(r));
    }
  }

  private int read() {
    if (end >= runes.length) {
      eof = true;
      return EOF;
    }
    return runes[end++];
  }

  private int peek() {
    return end < runes.length ? runes[end] : EOF;
  }

  private void backup() {
    if (eof) {
      eof = false;
    } else if (end > 0) {
      end--;
    }
  }

  private boolean accept(String valid) {
    int r = peek();
    if (r != EOF && valid.indexOf(r) >= 0) {
      read();
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // keep accepting
    }
  }

  private String word() {
    return new String(runes, start, end - start);
  }

  private void emit(Token.Kind kind) {
    emit(kind, word());
  }

  private void emit(Token.Kind kind, String value) {
    pending.add(new Token(kind, value, null, start, end));
    start = end;
  }

  private void fail(String message) {
    if (error == null) {
      int at = eof ? end + 1 : end;
      error = ExprException.at(source, at - 1, message);
    }
  }

  private void number() {
    if (!scanNumber()) {
      fail("bad number syntax: " + GoText.quote(word()));
      return;
    }
    emit(Token.Kind.NUMBER);
  }

  private boolean scanNumber() {
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    int beforeDot = end;
    if (accept(".")) {
      if (peek() == '.') {
        end = beforeDot;
        return true;
      }
      acceptRun(digits);
    }
    if (accept("eE")) {
      accept("+-");
      acceptRun(digits);
    }
    if (peek() != EOF && GoText.isAlphaNumeric(peek())) {
      read();
      return false;
    }
    return true;
  }

  private void dot() {
    read();
    if (accept("0123456789")) {
      backup();
      number();
      return;
    }
    accept(".");
    emit(Token.Kind.OPERATOR);
  }

  private void identifier() {
    while (true) {
      int r = read();
      if (r == EOF || !GoText.isAlphaNumeric(r)) {
        backup();
        break;
      }
    }
    String text = word();
    if (text.equals("not")) {
      not();
    } else if (WORD_OPERATORS.contains(text)) {
      emit(Token.Kind.OPERATOR);
    } else {
      emit(Token.Kind.IDENTIFIER);
    }
  }

  private void not() {
    emit(Token.Kind.OPERATOR);
    acceptRun(" ");
    start = end;
    int afterSpaces = end;
    while (true) {
      int r = read();
      if (r == EOF || !GoText.isAlphaNumeric(r)) {
        backup();
        break;
      }
    }
    if (NEGATABLE.contains(word())) {
      emit(Token.Kind.OPERATOR);
    } else {
      end = afterSpaces;
    }
  }

  private void slash() {
    if (accept("/")) {
      while (true) {
        int r = read();
        if (r == EOF || r == '\n') {
          break;
        }
      }
      start = end;
      return;
    }
    if (accept("*")) {
      while (true) {
        int r = read();
        if (r == EOF) {
          fail("unclosed comment");
          return;
        }
        if (r == '*' && accept("/")) {
          break;
        }
      }
      start = end;
      return;
    }
    emit(Token.Kind.OPERATOR);
  }

  private void pointer() {
    accept("#");
    emit(Token.Kind.OPERATOR);
    while (true) {
      int r = read();
      if (r == EOF || !GoText.isAlphaNumeric(r)) {
        backup();
        if (end > start) {
          emit(Token.Kind.IDENTIFIER);
        }
        return;
      }
    }
  }

  private void scanString(int quote) {
    int ch = read();
    while (ch != quote) {
      if (ch == '\n' || ch == EOF) {
        fail("literal not terminated");
        return;
      }
      if (ch == '\\') {
        ch = scanEscape(quote);
      } else {
        ch = read();
      }
    }
  }

  private int scanEscape(int quote) {
    int ch = read();
    switch (ch) {
      case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> ch = read();
      case '0', '1', '2', '3', '4', '5', '6', '7' -> ch = scanDigits(ch, 8, 3);
      case 'x' -> ch = scanDigits(read(), 16, 2);
      case 'u' -> {
        if (peek() == '{') {
          read();
          int count = 0;
          while (peek() != '}') {
            if (digitValue(peek()) >= 16 || count >= 6) {
              fail("invalid char escape");
              return EOF;
            }
            read();
            count++;
          }
          if (count == 0) {
            fail("invalid char escape");
            return EOF;
          }
          read();
          ch = read();
        } else {
          ch = scanDigits(read(), 16, 4);
        }
      }
      case 'U' -> ch = scanDigits(read(), 16, 8);
      default -> {
        if (ch == quote) {
          ch = read();
        } else {
          fail("invalid char escape");
        }
      }
    }
    return ch;
  }

  private int scanDigits(int first, int base, int count) {
    int ch = first;
    int left = count;
    while (left > 0 && digitValue(ch) < base) {
      ch = read();
      left--;
    }
    if (left > 0) {
      fail("invalid char escape");
    }
    return ch;
  }

  private static int digitValue(int ch) {
    if (ch >= '0' && ch <= '9') {
      return ch - '0';
    }
    int lower = ch | 0x20;
    if (ch >= 0 && lower >= 'a' && lower <= 'f') {
      return lower - 'a' + 10;
    }
    return 16;
  }

  private void scanRawString() {
    boolean escapedQuotes = false;
    while (true) {
      int ch = read();
      while (ch == '`' && peek() == '`') {
        read();
        ch = read();
        escapedQuotes = true;
      }
      if (ch == '`') {
        break;
      }
      if (ch == EOF) {
        fail("literal not terminated");
        return;
      }
    }
    String raw = new String(runes, start + 1, end - start - 2);
    if (!escapedQuotes) {
      emit(Token.Kind.STRING, raw);
      return;
    }
    StringBuilder text = new StringBuilder(raw.length());
    boolean skipped = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '`') {
        if (!skipped) {
          skipped = true;
          continue;
        }
        skipped = false;
      }
      text.append(c);
    }
    emit(Token.Kind.STRING, text.toString());
  }

  /**
   * Decodes a quoted literal (quotes included). For bytes literals the result holds one char per
   * byte (ISO-8859-1). Returns {@code null} after recording an error.
   */
  private String unescape(String quoted, boolean bytes) {
    String value = quoted.replace("\r\n", "\n").replace('\r', '\n');
    int n = value.length();
    if (n < 2
        || value.charAt(0) != value.charAt(n - 1)
        || (value.charAt(0) != '"' && value.charAt(0) != '\'')) {
      fail("unable to unescape string");
      return null;
    }
    String body = value.substring(1, n - 1);
    StringBuilder text = new StringBuilder(body.length());
    ByteArrayOutputStream out = bytes ? new ByteArrayOutputStream() : null;
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\') {
        int cp = body.codePointAt(i);
        i += Character.charCount(cp);
        if (bytes) {
          out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        } else {
          text.appendCodePoint(cp);
        }
        continue;
      }
      if (i + 1 >= body.length()) {
        fail("unable to unescape string, found '\\' as last character");
        return null;
      }
      char e = body.charAt(i + 1);
      i += 2;
      int simple = simpleEscape(e);
      if (simple >= 0) {
        if (bytes) {
          out.write(simple);
        } else {
          text.append((char) simple);
        }
        continue;
      }
      if (e == '0' || e == '1' || e == '2' || e == '3') {
        if (i + 2 > body.length() || !isOctal(body.charAt(i)) || !isOctal(body.charAt(i + 1))) {
          fail("unable to unescape octal sequence in string");
          return null;
        }
        int v = (e - '0') * 64 + (body.charAt(i) - '0') * 8 + (body.charAt(i + 1) - '0');
        i += 2;
        if (bytes) {
          out.write(v);
        } else {
          text.appendCodePoint(v);
        }
        continue;
      }
      if (bytes) {
        if ((e == 'x' || e == 'X')
            && i + 2 <= body.length()
            && digitValue(body.charAt(i)) < 16
            && digitValue(body.charAt(i + 1)) < 16) {
          out.write(digitValue(body.charAt(i)) * 16 + digitValue(body.charAt(i + 1)));
          i += 2;
          continue;
        }
        fail("unable to unescape string");
        return null;
      }
      int consumed = unicodeEscape(body, i, e, text);
      if (consumed < 0) {
        fail("unable to unescape string");
        return null;
      }
      i += consumed;
    }
    if (bytes) {
      return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    }
    return text.toString();
  }

  private static int simpleEscape(char e) {
    return switch (e) {
      case 'a' -> 7;
      case 'b' -> 8;
      case 'f' -> 12;
      case 'n' -> 10;
      case 'r' -> 13;
      case 't' -> 9;
      case 'v' -> 11;
      case '\\', '\'', '"', '`', '?' -> e;
      default -> -1;
    };
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  /**
   * Decodes hexadecimal and Unicode escapes; returns the chars consumed after the letter, or -1.
   */
  private static int unicodeEscape(String body, int at, char letter, StringBuilder text) {
    int digits;
    switch (letter) {
      case 'x', 'X' -> digits = 2;
      case 'U' -> digits = 8;
      case 'u' -> {
        if (at < body.length() && body.charAt(at) == '{') {
          int i = at + 1;
          long v = 0;
          int count = 0;
          while (i < body.length() && body.charAt(i) != '}') {
            int d = digitValue(body.charAt(i));
            if (d >= 16 || count >= 6) {
              return -1;
            }
            v = v * 16 + d;
            i++;
            count++;
          }
          if (i >= body.length() || count == 0 || v > Character.MAX_CODE_POINT) {
            return -1;
          }
          appendRune(text, (int) v);
          return i + 1 - at;
        }
        digits = 4;
      }
      default -> {
        return -1;
      }
    }
    if (at + digits > body.length()) {
      return -1;
    }
    long v = 0;
    for (int j = 0; j < digits; j++) {
      int d = digitValue(body.charAt(at + j));
      if (d >= 16) {
        return -1;
      }
      v = v * 16 + d;
    }
    if (v > Character.MAX_CODE_POINT) {
      return -1;
    }
    appendRune(text, (int) v);
    return digits;
  }

  private static void appendRune(StringBuilder text, int rune) {
    if (rune >= Character.MIN_SURROGATE && rune <= Character.MAX_SURROGATE) {
      text.append('\uFFFD');
    } else {
      text.appendCodePoint(rune);
    }
  }
}
