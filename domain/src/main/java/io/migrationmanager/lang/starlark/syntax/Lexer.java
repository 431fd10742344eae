package io.migrationmanager.lang.starlark.syntax;

import io.migrationmanager.lang.starlark.StarlarkException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns Starlark source text into tokens, including the layout tokens NEWLINE, INDENT and OUTDENT.
 *
 * <p>Newlines inside brackets are ignored, a backslash at the end of a line joins it with the next, blank and
 * comment-only lines produce no tokens.
 *
 * <p>Two deliberate deviations from the letter of the specification keep every file that go.starlark.net
 * accepts acceptable here: a tab in indentation advances to the next multiple of 8 columns, and the words
 * the specification reserves for the future ({@code assert}, {@code from}, {@code import}...) are ordinary
 * identifiers (the test runner's {@code assert} module depends on that).
 */
public final class Lexer {
  /** Nesting of brackets beyond which scanning stops, to bound the parser's recursion. */
  static final int MAX_BRACKET_DEPTH = 100;

  /** Indentation levels beyond which scanning stops, to bound the parser's recursion. */
  static final int MAX_INDENT_LEVELS = 100;

  private static final Map<String, TokenKind> KEYWORDS =
      Map.ofEntries(
          Map.entry("and", TokenKind.AND),
          Map.entry("break", TokenKind.BREAK),
          Map.entry("continue", TokenKind.CONTINUE),
          Map.entry("def", TokenKind.DEF),
          Map.entry("elif", TokenKind.ELIF),
          Map.entry("else", TokenKind.ELSE),
          Map.entry("for", TokenKind.FOR),
          Map.entry("if", TokenKind.IF),
          Map.entry("in", TokenKind.IN),
          Map.entry("lambda", TokenKind.LAMBDA),
          Map.entry("load", TokenKind.LOAD),
          Map.entry("not", TokenKind.NOT),
          Map.entry("or", TokenKind.OR),
          Map.entry("pass", TokenKind.PASS),
          Map.entry("return", TokenKind.RETURN),
          Map.entry("while", TokenKind.WHILE));

  private final String file;
  private final String src;
  private final int n;
  private int i;
  private int line = 1;
  private int col = 1;
  private int depth;
  private final List<Integer> indents = new ArrayList<>(List.of(0));
  private final List<Token> tokens = new ArrayList<>();

  private Lexer(String file, String src) {
    this.file = file;
    this.src = src;
    this.n = src.length();
  }

  /** Scans the whole file. */
  public static List<Token> tokenize(String file, String src) {
    Lexer lx = new Lexer(file, src);
    lx.run();
    return lx.tokens;
  }

  private StarlarkException error(Position p, String msg) {
    return StarlarkException.syntaxError(p, msg);
  }

  private Position here() {
    return new Position(file, line, col);
  }

  private int peek(int off) {
    int k = i + off;
    return k < n ? src.charAt(k) : -1;
  }

  /** Consumes one code point and keeps line/column up to date. */
  private int advance() {
    int cp = src.codePointAt(i);
    i += Character.charCount(cp);
    if (cp == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
    return cp;
  }

  private void emit(TokenKind kind, Position p, Object value) {
    tokens.add(new Token(kind, p, value));
  }

  private boolean lastIs(TokenKind kind) {
    return !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == kind;
  }

  private void run() {
    boolean lineStart = true;
    while (true) {
      if (lineStart && depth == 0) {
        lineStart = false;
        if (!indentation()) {
          lineStart = true;
          continue;
        }
      }
      int c = peek(0);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        advance();
        continue;
      }
      if (c == '#') {
        skipComment();
        continue;
      }
      if (c == '\\') {
        if (peek(1) == '\n') {
          advance();
          advance();
          continue;
        }
        if (peek(1) == '\r' && peek(2) == '\n') {
          advance();
          advance();
          advance();
          continue;
        }
        throw error(here(), "unexpected input character '\\'");
      }
      if (c == '\n') {
        Position p = here();
        advance();
        if (depth == 0) {
          emit(TokenKind.NEWLINE, p, null);
          lineStart = true;
        }
        continue;
      }
      if (c == -1) {
        finish();
        return;
      }
      scanToken(c);
    }
  }

  private void finish() {
    Position p = here();
    if (!tokens.isEmpty() && !lastIs(TokenKind.NEWLINE) && depth == 0) {
      emit(TokenKind.NEWLINE, p, null);
    }
    while (indents.size() > 1) {
      indents.remove(indents.size() - 1);
      emit(TokenKind.OUTDENT, p, null);
    }
    emit(TokenKind.EOF, p, null);
  }

  private void skipComment() {
    while (i < n && src.charAt(i) != '\n') {
      advance();
    }
  }

  /**
   * Measures the indentation of a new logical line and emits INDENT/OUTDENT tokens. Returns false if the line
   * is blank or holds only a comment; such a line is consumed entirely.
   */
  private boolean indentation() {
    int width = 0;
    while (i < n) {
      char c = src.charAt(i);
      if (c == ' ') {
        width++;
      } else if (c == '\t') {
        width += 8 - width % 8;
      } else if (c != '\r' && c != '\f') {
        break;
      }
      advance();
    }
    int c = peek(0);
    if (c == '#') {
      skipComment();
      c = peek(0);
    }
    if (c == '\n') {
      advance();
      return false;
    }
    if (c == -1) {
      return true;
    }
    if (c == '\\' && (peek(1) == '\n' || peek(1) == '\r')) {
      return true;
    }
    int top = indents.get(indents.size() - 1);
    Position p = here();
    if (width > top) {
      if (indents.size() > MAX_INDENT_LEVELS) {
        throw error(p, "too many levels of indentation (limit " + MAX_INDENT_LEVELS + ")");
      }
      indents.add(width);
      emit(TokenKind.INDENT, p, null);
    } else if (width < top) {
      while (width < indents.get(indents.size() - 1)) {
        indents.remove(indents.size() - 1);
        emit(TokenKind.OUTDENT, p, null);
      }
      if (width != indents.get(indents.size() - 1)) {
        throw error(p, "unindent does not match any outer indentation level");
      }
    }
    return true;
  }

  private void scanToken(int c) {
    Position p = here();
    if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
      scanNumber(p);
      return;
    }
    if (c == '"' || c == '\'') {
      scanString(p, false, false);
      return;
    }
    if (isIdentStart(c)) {
      int start = i;
      while (i < n && isIdentPart(src.codePointAt(i))) {
        advance();
      }
      String word = src.substring(start, i);
      int q = peek(0);
      if ((q == '"' || q == '\'') && isStringPrefix(word)) {
        String w = word.toLowerCase(Locale.ROOT);
        scanString(p, w.contains("r"), w.contains("b"));
        return;
      }
      TokenKind kw = KEYWORDS.get(word);
      if (kw != null) {
        emit(kw, p, null);
      } else {
        emit(TokenKind.IDENT, p, word);
      }
      return;
    }
    scanPunct(p, c);
  }

  private static boolean isStringPrefix(String w) {
    switch (w) {
      case "r":
      case "b":
      case "rb":
      case "br":
        return true;
      default:
        return false;
    }
  }

  private void scanPunct(Position p, int c) {
    int c1 = peek(1);
    int c2 = peek(2);
    TokenKind k;
    int len = 1;
    switch (c) {
      case '+':
        k = c1 == '=' ? TokenKind.PLUS_EQ : TokenKind.PLUS;
        break;
      case '-':
        k = c1 == '=' ? TokenKind.MINUS_EQ : TokenKind.MINUS;
        break;
      case '*':
        if (c1 == '*') {
          k = TokenKind.STARSTAR;
        } else {
          k = c1 == '=' ? TokenKind.STAR_EQ : TokenKind.STAR;
        }
        break;
      case '/':
        if (c1 == '/') {
          k = c2 == '=' ? TokenKind.SLASHSLASH_EQ : TokenKind.SLASHSLASH;
        } else {
          k = c1 == '=' ? TokenKind.SLASH_EQ : TokenKind.SLASH;
        }
        break;
      case '%':
        k = c1 == '=' ? TokenKind.PERCENT_EQ : TokenKind.PERCENT;
        break;
      case '~':
        k = TokenKind.TILDE;
        break;
      case '&':
        k = c1 == '=' ? TokenKind.AMP_EQ : TokenKind.AMP;
        break;
      case '|':
        k = c1 == '=' ? TokenKind.PIPE_EQ : TokenKind.PIPE;
        break;
      case '^':
        k = c1 == '=' ? TokenKind.CIRCUMFLEX_EQ : TokenKind.CIRCUMFLEX;
        break;
      case '<':
        if (c1 == '<') {
          k = c2 == '=' ? TokenKind.LTLT_EQ : TokenKind.LTLT;
        } else {
          k = c1 == '=' ? TokenKind.LE : TokenKind.LT;
        }
        break;
      case '>':
        if (c1 == '>') {
          k = c2 == '=' ? TokenKind.GTGT_EQ : TokenKind.GTGT;
        } else {
          k = c1 == '=' ? TokenKind.GE : TokenKind.GT;
        }
        break;
      case '=':
        k = c1 == '=' ? TokenKind.EQL : TokenKind.EQ;
        break;
      case '!':
        if (c1 != '=') {
          throw error(p, "unexpected input character '!'");
        }
        k = TokenKind.NEQ;
        break;
      case '.':
        k = TokenKind.DOT;
        break;
      case ',':
        k = TokenKind.COMMA;
        break;
      case ';':
        k = TokenKind.SEMI;
        break;
      case ':':
        k = TokenKind.COLON;
        break;
      case '(':
      case '[':
      case '{':
        if (++depth > MAX_BRACKET_DEPTH) {
          throw error(p, "brackets nested too deeply (limit " + MAX_BRACKET_DEPTH + ")");
        }
        k = c == '(' ? TokenKind.LPAREN : c == '[' ? TokenKind.LBRACK : TokenKind.LBRACE;
        break;
      case ')':
      case ']':
      case '}':
        if (depth > 0) {
          depth--;
        }
        k = c == ')' ? TokenKind.RPAREN : c == ']' ? TokenKind.RBRACK : TokenKind.RBRACE;
        break;
      default:
        throw error(p, "unexpected input character " + quoteChar(c));
    }
    len = k.text().length();
    for (int j = 0; j < len; j++) {
      advance();
    }
    emit(k, p, null);
  }

  private static String quoteChar(int c) {
    if (c >= 0x20 && c < 0x7f) {
      return "'" + (char) c + "'";
    }
    return String.format("U+%04X", c);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentStart(int c) {
    return c == '_' || (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c));
  }

  private static boolean isIdentPart(int c) {
    return isIdentStart(c) || isDigit(c) || (c >= 0x80 && Character.isDigit(c));
  }

  private void scanNumber(Position p) {
    int start = i;
    int c = peek(0);
    int c1 = peek(1);
    if (c == '0' && c1 != -1 && "xXoObB".indexOf(c1) >= 0) {
      int radix = (c1 | 0x20) == 'x' ? 16 : (c1 | 0x20) == 'o' ? 8 : 2;
      advance();
      advance();
      int digits = i;
      while (i < n && Character.digit(src.charAt(i), 16) >= 0) {
        advance();
      }
      String text = src.substring(digits, i);
      if (text.isEmpty()) {
        throw error(p, "invalid " + radixName(radix) + " literal");
      }
      for (int j = 0; j < text.length(); j++) {
        if (Character.digit(text.charAt(j), radix) < 0) {
          throw error(p, "invalid digit '" + text.charAt(j) + "' in " + radixName(radix) + " literal");
        }
      }
      emit(TokenKind.INT, p, intValue(new BigInteger(text, radix)));
      return;
    }
    while (isDigit(peek(0))) {
      advance();
    }
    boolean isFloat = false;
    if (peek(0) == '.') {
      isFloat = true;
      advance();
      while (isDigit(peek(0))) {
        advance();
      }
    }
    if (peek(0) == 'e' || peek(0) == 'E') {
      isFloat = true;
      advance();
      if (peek(0) == '+' || peek(0) == '-') {
        advance();
      }
      if (!isDigit(peek(0))) {
        throw error(p, "invalid float literal");
      }
      while (isDigit(peek(0))) {
        advance();
      }
    }
    String text = src.substring(start, i);
    if (isFloat) {
      double d = Double.parseDouble(text);
      if (Double.isInfinite(d)) {
        throw error(p, "floating-point literal too large: " + text);
      }
      emit(TokenKind.FLOAT, p, d);
      return;
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      if (text.chars().allMatch(ch -> ch >= '0' && ch <= '7')) {
        throw error(p, "obsolete form of octal literal; use 0o" + text.substring(1));
      }
      throw error(p, "invalid int literal");
    }
    emit(TokenKind.INT, p, intValue(new BigInteger(text)));
  }

  private static String radixName(int radix) {
    return radix == 16 ? "hex" : radix == 8 ? "octal" : "binary";
  }

  private static Object intValue(BigInteger b) {
    return b.bitLength() < 64 ? (Object) b.longValue() : b;
  }

  private void scanString(Position p, boolean raw, boolean bytes) {
    char quote = src.charAt(i);
    boolean triple = peek(1) == quote && peek(2) == quote;
    advance();
    if (triple) {
      advance();
      advance();
    }
    StringBuilder out = new StringBuilder();
    while (true) {
      if (i >= n) {
        throw error(p, "unexpected EOF in string");
      }
      char c = src.charAt(i);
      if (c == quote) {
        if (!triple) {
          advance();
          break;
        }
        if (peek(1) == quote && peek(2) == quote) {
          advance();
          advance();
          advance();
          break;
        }
        advance();
        out.append(c);
        continue;
      }
      if (c == '\n' || c == '\r') {
        if (!triple) {
          throw error(p, "unexpected newline in string");
        }
        if (c == '\r' && peek(1) == '\n') {
          advance();
        }
        advance();
        out.append('\n');
        continue;
      }
      if (c == '\\') {
        advance();
        if (i >= n) {
          throw error(p, "unexpected EOF in string");
        }
        if (raw) {
          out.append('\\');
          if (src.charAt(i) == '\r') {
            advance();
            if (peek(0) == '\n') {
              advance();
            }
            out.append('\n');
          } else {
            appendUtf8(out, advance());
          }
          continue;
        }
        escape(p, out, bytes);
        continue;
      }
      appendUtf8(out, advance());
    }
    emit(bytes ? TokenKind.BYTES : TokenKind.STRING, p, out.toString());
  }

  private void escape(Position p, StringBuilder out, boolean bytes) {
    char c = src.charAt(i);
    switch (c) {
      case '\n':
        advance();
        return;
      case '\r':
        advance();
        if (peek(0) == '\n') {
          advance();
        }
        return;
      case 'a':
        advance();
        out.append('\u0007');
        return;
      case 'b':
        advance();
        out.append('\b');
        return;
      case 'f':
        advance();
        out.append('\f');
        return;
      case 'n':
        advance();
        out.append('\n');
        return;
      case 'r':
        advance();
        out.append('\r');
        return;
      case 't':
        advance();
        out.append('\t');
        return;
      case 'v':
        advance();
        out.append('\u000b');
        return;
      case '\\':
      case '\'':
      case '"':
        advance();
        out.append(c);
        return;
      default:
        break;
    }
    if (c >= '0' && c <= '7') {
      int v = 0;
      int k = 0;
      while (k < 3 && i < n && src.charAt(i) >= '0' && src.charAt(i) <= '7') {
        v = v * 8 + (src.charAt(i) - '0');
        advance();
        k++;
      }
      if (bytes ? v > 255 : v > 127) {
        if (bytes) {
          throw error(p, "invalid escape sequence \\" + Integer.toOctalString(v));
        }
        throw error(
            p,
            String.format(
                "non-ASCII octal escape \\%o (use \\u%04X for the UTF-8 encoding of U+%04X)", v, v, v));
      }
      out.append((char) v);
      return;
    }
    if (c == 'x' || c == 'u' || c == 'U') {
      int len = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      advance();
      int v = 0;
      for (int k = 0; k < len; k++) {
        int d = i < n ? Character.digit(src.charAt(i), 16) : -1;
        if (d < 0) {
          throw error(p, "invalid escape sequence \\" + c + " (want " + len + " hexadecimal digits)");
        }
        v = v * 16 + d;
        advance();
      }
      if (c == 'x') {
        if (!bytes && v > 127) {
          throw error(
              p,
              String.format(
                  "non-ASCII hex escape \\x%02x (use \\u%04X for the UTF-8 encoding of U+%04X)", v, v, v));
        }
        out.append((char) v);
        return;
      }
      if ((v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF || v < 0) {
        throw error(p, String.format("invalid Unicode code point U+%04X", v));
      }
      appendUtf8(out, v);
      return;
    }
    throw error(p, "invalid escape sequence \\" + new String(Character.toChars(src.codePointAt(i))));
  }

  private static void appendUtf8(StringBuilder out, int cp) {
    Utf8.encode(out, cp);
  }
}
