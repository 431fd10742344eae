package io.migrationmanager.lang.expr;

/** A lexical token; positions are indexes of Unicode code points into the source. */
final class Token {
  enum Kind {
    IDENTIFIER("Identifier"),
    NUMBER("Number"),
    STRING("String"),
    BYTES("Bytes"),
    OPERATOR("Operator"),
    BRACKET("Bracket"),
    EOF("EOF"),
    /** Before the first token was read. */
    NONE("");

    private final String display;

    Kind(String display) {
      this.display = display;
    }
  }

  final Kind kind;
  final String value;
  final byte[] bytes;
  final int from;
  final int to;

  Token(Kind kind, String value, byte[] bytes, int from, int to) {
    this.kind = kind;
    this.value = value;
    this.bytes = bytes;
    this.from = from;
    this.to = to;
  }

  boolean is(Kind expected) {
    return kind == expected;
  }

  boolean is(Kind expected, String expectedValue) {
    return kind == expected && value.equals(expectedValue);
  }

  @Override
  public String toString() {
    if (value.isEmpty()) {
      return kind.display;
    }
    return kind.display + "(" + GoText.quote(value) + ")";
  }
}
