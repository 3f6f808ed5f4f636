package org.migcheck.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void writesNestedPrettyJsonInWriteOrder() {
    JsonWriter w = new JsonWriter();
    w.beginObject()
        .field("name", "sky \"a\"\n")
        .field("count", 3)
        .field("ratio", 0.5)
        .field("none", (String) null)
        .field("ok", true)
        .stringArray("list", List.of("x", "y"))
        .name("empty")
        .beginArray()
        .endArray()
        .name("obj")
        .beginObject()
        .endObject()
        .endObject();
    assertThat(w.toString())
        .isEqualTo(
            "{\n  \"name\": \"sky \\\"a\\\"\\n\",\n  \"count\": 3,\n  \"ratio\": 0.5,\n"
                + "  \"none\": null,\n  \"ok\": true,\n  \"list\": [\n    \"x\",\n    \"y\"\n  ],\n"
                + "  \"empty\": [],\n  \"obj\": {}\n}\n");
  }

  @Test
  void escapesControlCharacters() {
    assertThat(new JsonWriter().value("a\u0001b").toString()).isEqualTo("\"a\\u0001b\"");
  }
}
