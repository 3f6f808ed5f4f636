package org.migcheck.read;

/** An element's line and the attributes a profile keeps, in the order it asked for them. */
public record Attrs(int line, String... values) {
  public String get(int i) {
    return values[i];
  }
}
