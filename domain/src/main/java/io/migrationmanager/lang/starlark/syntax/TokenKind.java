package io.migrationmanager.lang.starlark.syntax;

/** The kinds of Starlark tokens. */
public enum TokenKind {
  EOF("end of file"),
  NEWLINE("newline"),
  INDENT("indent"),
  OUTDENT("outdent"),
  IDENT("identifier"),
  INT("int literal"),
  FLOAT("float literal"),
  STRING("string literal"),
  BYTES("bytes literal"),

  PLUS("+"),
  MINUS("-"),
  STAR("*"),
  SLASH("/"),
  SLASHSLASH("//"),
  PERCENT("%"),
  STARSTAR("**"),
  TILDE("~"),
  AMP("&"),
  PIPE("|"),
  CIRCUMFLEX("^"),
  LTLT("<<"),
  GTGT(">>"),
  DOT("."),
  COMMA(","),
  EQ("="),
  SEMI(";"),
  COLON(":"),
  LPAREN("("),
  RPAREN(")"),
  LBRACK("["),
  RBRACK("]"),
  LBRACE("{"),
  RBRACE("}"),
  LT("<"),
  GT(">"),
  GE(">="),
  LE("<="),
  EQL("=="),
  NEQ("!="),
  PLUS_EQ("+="),
  MINUS_EQ("-="),
  STAR_EQ("*="),
  SLASH_EQ("/="),
  SLASHSLASH_EQ("//="),
  PERCENT_EQ("%="),
  AMP_EQ("&="),
  PIPE_EQ("|="),
  CIRCUMFLEX_EQ("^="),
  LTLT_EQ("<<="),
  GTGT_EQ(">>="),

  AND("and"),
  BREAK("break"),
  CONTINUE("continue"),
  DEF("def"),
  ELIF("elif"),
  ELSE("else"),
  FOR("for"),
  IF("if"),
  IN("in"),
  LAMBDA("lambda"),
  LOAD("load"),
  NOT("not"),
  NOT_IN("not in"),
  OR("or"),
  PASS("pass"),
  RETURN("return"),
  WHILE("while");

  private final String text;

  TokenKind(String text) {
    this.text = text;
  }

  /** How the token is written in source (or a description for literal and layout tokens). */
  public String text() {
    return text;
  }

  /** For an augmented assignment operator such as {@code +=}, the binary operator ({@code +}); else null. */
  public TokenKind binaryOfAugmented() {
    switch (this) {
      case PLUS_EQ:
        return PLUS;
      case MINUS_EQ:
        return MINUS;
      case STAR_EQ:
        return STAR;
      case SLASH_EQ:
        return SLASH;
      case SLASHSLASH_EQ:
        return SLASHSLASH;
      case PERCENT_EQ:
        return PERCENT;
      case AMP_EQ:
        return AMP;
      case PIPE_EQ:
        return PIPE;
      case CIRCUMFLEX_EQ:
        return CIRCUMFLEX;
      case LTLT_EQ:
        return LTLT;
      case GTGT_EQ:
        return GTGT;
      default:
        return null;
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
