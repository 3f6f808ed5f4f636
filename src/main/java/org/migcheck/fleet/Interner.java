package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gives equal values one small id, so hosts can share them. Not thread-safe. */
final class Interner<T> {
  private final Map<T, Integer> ids = new HashMap<>();
  private final List<T> values = new ArrayList<>();

  int id(T value) {
    Integer id = ids.get(value);
    if (id == null) {
      id = values.size();
      ids.put(value, id);
      values.add(value);
    }
    return id;
  }

  T value(int id) {
    return values.get(id);
  }

  int size() {
    return values.size();
  }
}
