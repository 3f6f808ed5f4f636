package org.migcheck.json;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small JSON writer: objects keep the order names are written in, so output is stable; two-space
 * indentation; no dependencies.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private final Deque<Boolean> first = new ArrayDeque<>();
  private boolean afterName;

  public JsonWriter beginObject() {
    open('{');
    return this;
  }

  public JsonWriter endObject() {
    close('}');
    return this;
  }

  public JsonWriter beginArray() {
    open('[');
    return this;
  }

  public JsonWriter endArray() {
    close(']');
    return this;
  }

  public JsonWriter name(String name) {
    separator();
    quote(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  public JsonWriter value(String v) {
    if (v == null) {
      return nullValue();
    }
    separator();
    quote(v);
    return this;
  }

  public JsonWriter value(long v) {
    separator();
    out.append(v);
    return this;
  }

  public JsonWriter value(double v) {
    separator();
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      out.append("null");
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      out.append((long) v);
    } else {
      out.append(v);
    }
    return this;
  }

  public JsonWriter value(boolean v) {
    separator();
    out.append(v);
    return this;
  }

  /** A boxed number or boolean, or null. */
  public JsonWriter value(Number v) {
    if (v == null) {
      return nullValue();
    }
    if (v instanceof Double || v instanceof Float) {
      return value(v.doubleValue());
    }
    return value(v.longValue());
  }

  public JsonWriter value(Boolean v) {
    return v == null ? nullValue() : value(v.booleanValue());
  }

  public JsonWriter nullValue() {
    separator();
    out.append("null");
    return this;
  }

  /** name: value, with null written as null. */
  public JsonWriter field(String name, String v) {
    return name(name).value(v);
  }

  public JsonWriter field(String name, Number v) {
    return name(name).value(v);
  }

  public JsonWriter field(String name, Boolean v) {
    return name(name).value(v);
  }

  public JsonWriter stringArray(String name, Iterable<String> values) {
    name(name).beginArray();
    for (String v : values) {
      value(v);
    }
    return endArray();
  }

  private void open(char c) {
    separator();
    out.append(c);
    first.push(true);
  }

  private void close(char c) {
    boolean empty = first.pop();
    if (!empty) {
      newline();
    }
    out.append(c);
    if (first.isEmpty()) {
      out.append('\n');
    }
  }

  private void separator() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (first.isEmpty()) {
      return;
    }
    if (first.peek()) {
      first.pop();
      first.push(false);
    } else {
      out.append(',');
    }
    newline();
  }

  private void newline() {
    out.append('\n');
    for (int i = 0; i < first.size(); i++) {
      out.append("  ");
    }
  }

  private void quote(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
