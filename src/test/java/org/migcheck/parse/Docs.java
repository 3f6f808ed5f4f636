package org.migcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.migcheck.input.InputReader;
import org.migcheck.model.ParsedDocument;
import org.migcheck.testing.SharedData;

/** Test helpers: read reference files and inline XML through the real input layer. */
final class Docs {
  private Docs() {}

  static <T extends ParsedDocument> T caps(String file, Class<T> type) {
    return one(SharedData.caps(file), type);
  }

  static <T extends ParsedDocument> T one(Path file, Class<T> type) {
    List<ParsedDocument> docs = new InputReader().readAll(List.of(file.toString()));
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0)).isInstanceOf(type);
    assertThat(docs.get(0).source()).isEqualTo(file.toString());
    return type.cast(docs.get(0));
  }

  /** Reads XML text as standard input would deliver it; the source is {@code <stdin>}. */
  static List<ParsedDocument> read(String xml) {
    return reader(xml).readAll(List.of("-"));
  }

  static <T extends ParsedDocument> T parse(String xml, Class<T> type) {
    List<ParsedDocument> docs = read(xml);
    assertThat(docs).hasSize(1);
    return type.cast(docs.get(0));
  }

  static InputReader reader(String xml) {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    return new InputReader(() -> new ByteArrayInputStream(bytes));
  }
}
