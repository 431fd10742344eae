package io.migrationmanager.lang.starlark;

import io.migrationmanager.lang.starlark.syntax.Spelling;
import java.util.List;

/**
 * A read-only object whose attributes are fields: host structs ({@link StructValue}) and Java records
 * exposed to scripts. Reading an unknown field fails with {@code Invalid field "x" of T}.
 */
abstract class AttrObject extends StarlarkValue {

  /** The field names in declaration order. */
  abstract List<String> fieldNames();

  @Override
  List<String> attrNames() {
    return fieldNames();
  }

  EvalException invalidField(String name) {
    String hint = Spelling.nearest(name, fieldNames());
    return new EvalException(
        "Invalid field \"" + name + "\" of " + type()
            + (hint == null ? "" : " (did you mean \"" + hint + "\"?)"));
  }

  @Override
  void repr(Printer p) {
    if (!p.enter(this)) {
      p.append(type()).append("(...)");
      return;
    }
    List<String> names = fieldNames();
    p.charge(names.size());
    p.append(type()).append('(');
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        p.append(", ");
      }
      p.append(names.get(i)).append(" = ").repr(attr(names.get(i)));
    }
    p.append(')');
    p.leave();
  }

  @Override
  boolean equalsSameType(StarlarkThread th, StarlarkValue other, int depth) {
    if (this == other) {
      return true;
    }
    AttrObject o = (AttrObject) other;
    if (!type().equals(o.type()) || !fieldNames().equals(o.fieldNames())) {
      return false;
    }
    for (String n : fieldNames()) {
      if (!Ops.equal(th, attr(n), o.attr(n), depth + 1)) {
        return false;
      }
    }
    return true;
  }
}
