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

  /**
   * Items joined by {@code separator}, wrapped between items; an item too long for a line of its
   * own (a model with many blockers) is wrapped between its words.
   */
  private TextLayout items(String label, List<String> values, String separator) {
    String sep = separator.stripTrailing();
    Line line = new Line(pad(label));
    for (int i = 0; i < values.size(); i++) {
      String item = values.get(i) + (i < values.size() - 1 ? sep : "");
      if (line.fits(item) || line.empty()) {
        line.add(item);
      } else if (labelWidth + item.length() <= WIDTH) {
        line = line.flush().add(item);
      } else {
        for (String word : item.split(" ")) {
          line = line.fits(word) || line.empty() ? line.add(word) : line.flush().add(word);
        }
      }
    }
    line.flush();
    return this;
  }

  /** The line being filled; flushing it starts the next one in the value column. */
  private final class Line {
    private final StringBuilder text;
    private boolean empty = true;

    Line(String start) {
      text = new StringBuilder(start);
    }

    boolean empty() {
      return empty;
    }

    boolean fits(String word) {
      return text.length() + 1 + word.length() <= WIDTH;
    }

    Line add(String word) {
      if (!empty) {
        text.append(' ');
      }
      text.append(word);
      empty = false;
      return this;
    }

    Line flush() {
      out.append(text.toString().stripTrailing()).append('\n');
      return new Line(" ".repeat(labelWidth));
    }
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
