package io.migrationmanager.lang.starlark.syntax;

/**
 * A lexical token.
 *
 * @param kind what kind of token
 * @param pos where it starts
 * @param value for {@link TokenKind#IDENT} the name; for {@link TokenKind#INT} a {@code Long} or, when it
 *     does not fit, a {@code BigInteger}; for {@link TokenKind#FLOAT} a {@code Double}; for {@link
 *     TokenKind#STRING} and {@link TokenKind#BYTES} the literal's bytes as a Latin-1 {@code String} (one char
 *     per byte, the string literal's text encoded as UTF-8); null otherwise
 */
public record Token(TokenKind kind, Position pos, Object value) {

  /** How the parser names this token in error messages. */
  public String describe() {
    switch (kind) {
      case IDENT:
        return "identifier " + value;
      case INT:
      case FLOAT:
      case STRING:
      case BYTES:
      case EOF:
      case NEWLINE:
      case INDENT:
      case OUTDENT:
        return kind.text();
      default:
        return "'" + kind.text() + "'";
    }
  }
}
