package org.migcheck.xml;

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

  public List<XmlNode> children(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  public Optional<XmlNode> child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }
}
