package io.migrationmanager.lang.starlark;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A mutable sequence of values. */
public final class StarlarkList extends StarlarkValue implements Indexable {
  Object[] elems;
  int size;
  private boolean frozen;
  private int iterators;

  StarlarkList(Object[] elems, int size) {
    this.elems = elems;
    this.size = size;
  }

  StarlarkList() {
    this(Arguments.NO_VALUES, 0);
  }

  /** A list that takes ownership of the array. */
  static StarlarkList wrap(Object[] elems) {
    return new StarlarkList(elems, elems.length);
  }

  /** The elements (a read-only view). */
  public List<Object> elements() {
    return Collections.unmodifiableList(Arrays.asList(elems).subList(0, size));
  }

  public int size() {
    return size;
  }

  public boolean isFrozen() {
    return frozen;
  }

  @Override
  public String type() {
    return "list";
  }

  @Override
  public boolean truth() {
    return size > 0;
  }

  @Override
  void repr(Printer p) {
    if (!p.enter(this)) {
      p.append("[...]");
      return;
    }
    p.charge(size);
    p.append('[');
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        p.append(", ");
      }
      p.repr(elems[i]);
    }
    p.append(']');
    p.leave();
  }

  @Override
  void freeze(Freezer f) {
    if (!frozen) {
      frozen = true;
      for (int i = 0; i < size; i++) {
        f.add(elems[i]);
      }
    }
  }

  @Override
  boolean equalsSameType(StarlarkThread th, StarlarkValue other, int depth) {
    StarlarkList o = (StarlarkList) other;
    return Ops.equalArrays(th, elems, size, o.elems, o.size, depth);
  }

  @Override
  Object attr(String name) {
    BuiltinMethod m = CollectionMethods.LIST.get(name);
    return m == null ? null : new Builtin(name, m, this);
  }

  @Override
  List<String> attrNames() {
    return CollectionMethods.LIST_NAMES;
  }

  @Override
  public int len() {
    return size;
  }

  @Override
  public Object index(int i) {
    return elems[i];
  }

  @Override
  public Object slice(StarlarkThread th, int start, int stop, int step) {
    return wrap(Ops.sliceArray(th, elems, start, stop, step));
  }

  Iter iterate() {
    if (frozen) {
      return Iter.ofArray(elems, size);
    }
    iterators++;
    return new Iter() {
      private int i;
      private boolean closed;

      @Override
      boolean hasNext() {
        return i < size;
      }

      @Override
      Object next() {
        return elems[i++];
      }

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          iterators--;
        }
      }
    };
  }

  /** Fails unless the list may be mutated now; {@code verb} completes "cannot ... frozen list". */
  void checkMutable(String verb) {
    if (frozen) {
      throw new EvalException("cannot " + verb + " frozen list");
    }
    if (iterators > 0) {
      throw new EvalException("cannot " + verb + " list during iteration");
    }
  }

  private void ensureCapacity(StarlarkThread th, long n) {
    if (th != null) {
      th.checkSize(n, "list");
    }
    if (n > elems.length) {
      int cap = (int) Math.max(n, Math.min(Integer.MAX_VALUE - 8, Math.max(8L, elems.length * 2L)));
      elems = Arrays.copyOf(elems, cap);
    }
  }

  void append(StarlarkThread th, Object v) {
    checkMutable("append to");
    ensureCapacity(th, size + 1L);
    elems[size++] = v;
  }

  void addAll(StarlarkThread th, Object[] more, int n) {
    checkMutable("extend");
    if (th != null) {
      th.charge(n);
    }
    ensureCapacity(th, (long) size + n);
    System.arraycopy(more, 0, elems, size, n);
    size += n;
  }

  void set(int i, Object v) {
    checkMutable("assign to element of");
    elems[i] = v;
  }

  void insert(StarlarkThread th, int i, Object v) {
    checkMutable("insert into");
    ensureCapacity(th, size + 1L);
    th.charge(size - i);
    System.arraycopy(elems, i, elems, i + 1, size - i);
    elems[i] = v;
    size++;
  }

  Object removeAt(StarlarkThread th, int i) {
    checkMutable("remove from");
    Object v = elems[i];
    th.charge(size - i);
    System.arraycopy(elems, i + 1, elems, i, size - i - 1);
    elems[--size] = null;
    return v;
  }

  void clear() {
    checkMutable("clear");
    Arrays.fill(elems, 0, size, null);
    size = 0;
  }

  Object[] toArray() {
    return Arrays.copyOf(elems, size);
  }
}
