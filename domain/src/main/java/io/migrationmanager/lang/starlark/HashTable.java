package io.migrationmanager.lang.starlark;

/**
 * An insertion-ordered hash table keyed by Starlark equality, backing {@link StarlarkDict} and {@link
 * StarlarkSet}. Entries live in arrays in insertion order; an open-addressing index maps hashes to entries.
 * Removal leaves a hole that later compaction closes. Mutation is refused while frozen or while an
 * iteration is in progress.
 */
final class HashTable {
  private static final Object DELETED = new Object();

  private Object[] keys = Arguments.NO_VALUES;
  private Object[] values = Arguments.NO_VALUES;
  private int[] hashes = new int[0];
  private int[] index = new int[0];
  private int count;
  private int live;
  private int first;
  private boolean frozen;
  private int iterators;

  int size() {
    return live;
  }

  boolean isFrozen() {
    return frozen;
  }

  void freeze() {
    frozen = true;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  void checkMutable(String verb) {
    if (frozen) {
      throw new EvalException("cannot " + verb + " frozen hash table");
    }
    if (iterators > 0) {
      throw new EvalException("cannot " + verb + " hash table during iteration");
    }
  }

  private int find(StarlarkThread th, Object key, int h) {
    if (index.length == 0) {
      return -1;
    }
    int mask = index.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int e = index[i] - 1;
      if (e < 0) {
        return -1;
      }
      Object k = keys[e];
      if (hashes[e] == h && k != DELETED && Ops.equal(th, k, key)) {
        return e;
      }
    }
  }

  /** The entry index of {@code key}, or -1. */
  int lookup(StarlarkThread th, Object key) {
    return find(th, key, spread(Ops.hash(th, key)));
  }

  Object get(StarlarkThread th, Object key) {
    int e = lookup(th, key);
    return e < 0 ? null : values[e];
  }

  /** Inserts or updates; {@code th} may be null (no size limit). Returns true if the key was new. */
  boolean put(StarlarkThread th, Object key, Object value) {
    int h = spread(Ops.hash(th, key));
    checkMutable("insert into");
    int e = find(th, key, h);
    if (e >= 0) {
      values[e] = value;
      return false;
    }
    if (th != null) {
      th.checkSize(live + 1L, "hash table");
    }
    if ((count + 1) * 2 > index.length || count == keys.length) {
      rehash(live + 1);
    }
    keys[count] = key;
    values[count] = value;
    hashes[count] = h;
    insertIndex(h, count);
    count++;
    live++;
    return true;
  }

  private void insertIndex(int h, int e) {
    int mask = index.length - 1;
    int i = h & mask;
    while (index[i] != 0) {
      i = (i + 1) & mask;
    }
    index[i] = e + 1;
  }

  /** Compacts the entries and rebuilds the index for at least {@code need} entries. */
  private void rehash(int need) {
    int cap = Math.max(8, Integer.highestOneBit(Math.max(need, 4) - 1) << 1);
    Object[] nk = new Object[cap];
    Object[] nv = new Object[cap];
    int[] nh = new int[cap];
    int n = 0;
    for (int e = 0; e < count; e++) {
      if (keys[e] != DELETED) {
        nk[n] = keys[e];
        nv[n] = values[e];
        nh[n] = hashes[e];
        n++;
      }
    }
    keys = nk;
    values = nv;
    hashes = nh;
    count = n;
    first = 0;
    index = new int[cap * 2];
    for (int e = 0; e < n; e++) {
      insertIndex(nh[e], e);
    }
  }

  /** Removes {@code key}; returns its value, or null if absent. */
  Object remove(StarlarkThread th, Object key) {
    int h = spread(Ops.hash(th, key));
    checkMutable("delete from");
    int e = find(th, key, h);
    if (e < 0) {
      return null;
    }
    return removeEntry(e);
  }

  private Object removeEntry(int e) {
    Object v = values[e];
    keys[e] = DELETED;
    values[e] = null;
    live--;
    if (live == 0) {
      clearAll();
    } else if (count > 16 && live < count / 4) {
      rehash(live);
    }
    return v;
  }

  /** The index of the first live entry (the table must not be empty). */
  int firstEntry() {
    while (keys[first] == DELETED) {
      first++;
    }
    return first;
  }

  /** Removes and returns the first entry as {key, value}, or null if empty. */
  Object[] popFirst() {
    checkMutable("delete from");
    if (live == 0) {
      return null;
    }
    int e = firstEntry();
    Object k = keys[e];
    Object v = removeEntry(e);
    return new Object[] {k, v};
  }

  void clear() {
    checkMutable("clear");
    clearAll();
  }

  private void clearAll() {
    keys = Arguments.NO_VALUES;
    values = Arguments.NO_VALUES;
    hashes = new int[0];
    index = new int[0];
    count = 0;
    live = 0;
    first = 0;
  }

  /** Entries are numbered {@code 0..end()-1}; some may be holes ({@link #isLive}). */
  int end() {
    return count;
  }

  boolean isLive(int e) {
    return keys[e] != DELETED;
  }

  Object keyAt(int e) {
    return keys[e];
  }

  Object valueAt(int e) {
    return values[e];
  }

  Object[] keysArray() {
    Object[] out = new Object[live];
    int n = 0;
    for (int e = 0; e < count; e++) {
      if (keys[e] != DELETED) {
        out[n++] = keys[e];
      }
    }
    return out;
  }

  Object[] valuesArray() {
    Object[] out = new Object[live];
    int n = 0;
    for (int e = 0; e < count; e++) {
      if (keys[e] != DELETED) {
        out[n++] = values[e];
      }
    }
    return out;
  }

  /** Iterates over keys; the table refuses mutation until the iteration is closed. */
  Iter iterateKeys() {
    if (frozen) {
      return keysIter(false);
    }
    iterators++;
    return keysIter(true);
  }

  private Iter keysIter(boolean counted) {
    return new Iter() {
      private int e = advance(0);
      private boolean closed = !counted;

      private int advance(int from) {
        int i = from;
        while (i < count && keys[i] == DELETED) {
          i++;
        }
        return i;
      }

      @Override
      boolean hasNext() {
        return e < count;
      }

      @Override
      Object next() {
        Object k = keys[e];
        e = advance(e + 1);
        return k;
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

  /** Fills this empty table with the live entries of {@code other}. */
  void putAllFrom(HashTable other) {
    rehash(other.live);
    for (int e = 0; e < other.count; e++) {
      if (other.keys[e] != DELETED) {
        keys[count] = other.keys[e];
        values[count] = other.values[e];
        hashes[count] = other.hashes[e];
        insertIndex(other.hashes[e], count);
        count++;
        live++;
      }
    }
  }
}
