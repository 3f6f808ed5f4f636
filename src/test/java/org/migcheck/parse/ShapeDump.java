package org.migcheck.parse;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.migcheck.xml.XmlNode;
import org.xml.sax.Locator;

/**
 * A deep, reflective text dump of the shapes JAXB and the binder fill (X* objects, lists, {@link
 * XmlNode} trees, locators), so two shapes are deeply equal exactly when their dumps are equal, and
 * a difference shows where. Reflection is fine here: this is test code.
 */
final class ShapeDump {
  private ShapeDump() {}

  static String dump(Object shape) {
    StringBuilder out = new StringBuilder();
    dump(shape, 0, out);
    return out.toString();
  }

  private static void dump(Object o, int depth, StringBuilder out) {
    if (o == null) {
      out.append("null");
    } else if (o instanceof String s) {
      out.append('"');
      for (char c : s.toCharArray()) {
        switch (c) {
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '"', '\\' -> out.append('\\').append(c);
          default -> out.append(c);
        }
      }
      out.append('"');
    } else if (o instanceof Boolean || o instanceof Number) {
      out.append(o);
    } else if (o instanceof Locator l) {
      // the line, which is all the mappers read; not the column: after a run of lone CRs the
      // JDK parser's is negative (-19 where the fast reader says 19; BinderFuzzTest's seed
      // crash-abd26fa4...)
      out.append("@").append(l.getLineNumber());
    } else if (o instanceof List<?> list) {
      out.append('[');
      for (Object item : list) {
        newline(depth + 1, out);
        dump(item, depth + 1, out);
      }
      if (!list.isEmpty()) {
        newline(depth, out);
      }
      out.append(']');
    } else if (o instanceof Map<?, ?> map) {
      out.append(new java.util.TreeMap<>(map));
    } else if (o instanceof XmlNode n) {
      out.append("<").append(n.name()).append(" ");
      dump(n.attributes(), depth, out);
      out.append(" line ").append(n.line()).append(" text ");
      dump(n.text(), depth, out);
      out.append(" children ");
      dump(n.children(), depth, out);
      out.append(">");
    } else if (o.getClass().getPackageName().equals("org.migcheck.parse")) {
      out.append(o.getClass().getSimpleName()).append(" {");
      for (Field f : fields(o.getClass())) {
        newline(depth + 1, out);
        out.append(f.getDeclaringClass().getSimpleName()).append('.').append(f.getName()).append(" = ");
        try {
          f.setAccessible(true);
          dump(f.get(o), depth + 1, out);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
      newline(depth, out);
      out.append('}');
    } else {
      throw new AssertionError("no dump for " + o.getClass());
    }
  }

  private static List<Field> fields(Class<?> c) {
    List<Field> out = new ArrayList<>();
    if (c.getSuperclass() != null && c.getSuperclass() != Object.class) {
      out.addAll(fields(c.getSuperclass()));
    }
    for (Field f : c.getDeclaredFields()) {
      // XCpu.mapped caches what the shape mapped to: not read from the document
      boolean cache = c == XCpu.class && f.getName().equals("mapped");
      if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic() && !cache) {
        out.add(f);
      }
    }
    return out;
  }

  private static void newline(int depth, StringBuilder out) {
    out.append('\n').append("  ".repeat(depth));
  }
}
