package org.migcheck.fleet.read;

/** An element's line and the attributes an extractor keeps, in the order it asked for them. */
record Attrs(int line, String... values) {
  String get(int i) {
    return values[i];
  }
}
