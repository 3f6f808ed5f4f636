package org.migcheck.report;

import java.util.List;

/**
 * Builds terminal text: "label  value" lines with the values in one column, long values wrapped
 * at 100 columns under that column, so reports stay readable in an ordinary terminal.
 */
final class TextLayout {
  static final int WIDTH = 100;

  private final StringBuilder out = new StringBuilder();
  private final int labelWidth;

  TextLayout(int labelWidth) {
    this.labelWidth = labelWidth;
  }

  TextLayout line(String text) {
    out.append(text).append('\n');
    return this;
  }

  /** A label and a value, wrapped at spaces. */
  TextLayout field(String label, String value) {
    return items(label, List.of(value.split(" ")), " ");
  }

  /** A label and a list, joined with ", " and wrapped between items. */
  TextLayout list(String label, List<String> values) {
    return items(label, values.isEmpty() ? List.of("none") : values, ", ");
  }

  /** A value with no label, in the value column (a continuation of the field above). */
  TextLayout more(String value) {
    return field("", value);
  }

  private TextLayout items(String label, List<String> values, String separator) {
    String indent = " ".repeat(labelWidth);
    StringBuilder line = new StringBuilder(pad(label));
    boolean first = true;
    String sep = separator.stripTrailing();
    for (int i = 0; i < values.size(); i++) {
      String item = values.get(i) + (i < values.size() - 1 ? sep : "");
      if (!first && line.length() + 1 + item.length() > WIDTH) {
        out.append(line.toString().stripTrailing()).append('\n');
        line = new StringBuilder(indent);
        first = true;
      }
      if (!first) {
        line.append(' ');
      }
      line.append(item);
      first = false;
    }
    out.append(line.toString().stripTrailing()).append('\n');
    return this;
  }

  private String pad(String label) {
    if (label.length() >= labelWidth) {
      return label + " ";
    }
    return label + " ".repeat(labelWidth - label.length());
  }

  /** Text wrapped at spaces to {@link #WIDTH} columns, continuation lines indented. */
  static String wrap(String text, int indent) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    boolean first = true;
    for (String word : text.split(" ")) {
      if (!first && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(" ".repeat(indent));
        first = true;
      }
      if (!first) {
        line.append(' ');
      }
      line.append(word);
      first = false;
    }
    return out.append(line).append('\n').toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
