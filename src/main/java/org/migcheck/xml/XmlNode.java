package org.migcheck.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small immutable element tree with source lines, for order-sensitive formats such as cpu_map. */
public record XmlNode(
    String name, Map<String, String> attributes, List<XmlNode> children, String text, int line) {

  public XmlNode {
    attributes = Map.copyOf(attributes);
    children = List.copyOf(children);
  }

  public Optional<String> attr(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  // plain loops, not streams: these run while the first documents are mapped, on a cold JVM

  public List<XmlNode> children(String childName) {
    List<XmlNode> out = new ArrayList<>();
    for (XmlNode c : children) {
      if (c.name.equals(childName)) {
        out.add(c);
      }
    }
    return Collections.unmodifiableList(out);
  }

  public Optional<XmlNode> child(String childName) {
    for (XmlNode c : children) {
      if (c.name.equals(childName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
