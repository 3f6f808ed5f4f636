package org.migcheck.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.migcheck.xml.XmlNode;

/** Reads enums and values out of the open-ended child elements (see {@link NodeHandler}). */
final class Dom {
  private Dom() {}

  /** {@code <enum name='x'><value>a</value>...</enum>} children, by enum name, in order. */
  static Map<String, List<String>> enums(XmlNode e) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (XmlNode child : e.children("enum")) {
      List<String> values = new ArrayList<>();
      for (XmlNode value : child.children("value")) {
        values.add(value.text());
      }
      out.put(child.attr("name").orElse(""), values);
    }
    return out;
  }

  /**
   * Text values of the non-enum children, keyed by name, with nested elements keyed by path
   * (e.g. {@code defaults/spinlocks}).
   */
  static Map<String, String> values(XmlNode e) {
    Map<String, String> out = new LinkedHashMap<>();
    collectValues(e, "", out);
    return out;
  }

  private static void collectValues(XmlNode e, String prefix, Map<String, String> out) {
    for (XmlNode child : e.children()) {
      if (prefix.isEmpty() && child.name().equals("enum")) {
        continue;
      }
      if (child.children().isEmpty()) {
        out.put(prefix + child.name(), child.text());
      } else {
        collectValues(child, prefix + child.name() + "/", out);
      }
    }
  }
}
