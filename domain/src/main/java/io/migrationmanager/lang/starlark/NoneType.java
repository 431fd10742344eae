package io.migrationmanager.lang.starlark;

/** The type of {@code None}; its only value is {@link Starlark#NONE}. */
public final class NoneType extends StarlarkValue {
  static final NoneType NONE = new NoneType();

  private NoneType() {}

  @Override
  public String type() {
    return "NoneType";
  }

  @Override
  public boolean truth() {
    return false;
  }

  @Override
  void repr(Printer p) {
    p.append("None");
  }

  @Override
  boolean isHashable() {
    return true;
  }

  @Override
  int hash(StarlarkThread th) {
    return 0x4e6f6e65;
  }
}
