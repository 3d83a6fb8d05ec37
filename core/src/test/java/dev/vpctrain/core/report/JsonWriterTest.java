package dev.vpctrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void escapesEveryCharacterThatNeedsIt() throws Exception {
    String nasty = "quote\" backslash\\ slash/ nl\n cr\r tab\t bs\b ff\f nul\u0000 us\u001f del\u007f "
        + "ls\u2028 ps\u2029 emoji\uD83D\uDE80 lone\uD800 é";
    String json = JsonWriter.create().beginObject().member("s", nasty).endObject().toString();
    assertThat(json).doesNotContain("\n s").contains("\\u0000").contains("\\u001f").contains("\\u2028")
        .contains("\\ud800");
    JsonNode node = mapper.readTree(json);
    assertThat(node.get("s").asText()).isEqualTo(nasty.replace("\uD800", "\uD800"));
  }

  @Test
  void roundTripsEveryStringThroughAStrictParser() throws Exception {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x300; c++) {
      all.append(c);
    }
    String json = JsonWriter.quoted(all.toString());
    assertThat(mapper.readTree(json).asText()).isEqualTo(all.toString());
  }

  @Test
  void writesNestedStructuresPrettyPrinted() throws Exception {
    String json = JsonWriter.create().beginObject()
        .member("a", 1).member("b", true).name("c").nullValue()
        .member("d", List.of("x", "y"))
        .name("e").beginArray().endArray()
        .name("f").beginObject().endObject()
        .name("g").beginArray().beginObject().member("h", "i").endObject().value(2).endArray()
        .endObject().toString();
    assertThat(json).startsWith("{\n  \"a\": 1,\n  \"b\": true,\n").endsWith("}\n").contains("\"e\": []");
    JsonNode n = mapper.readTree(json);
    assertThat(n.get("a").asInt()).isEqualTo(1);
    assertThat(n.get("c").isNull()).isTrue();
    assertThat(n.get("d").get(1).asText()).isEqualTo("y");
    assertThat(n.get("g").get(0).get("h").asText()).isEqualTo("i");
    assertThat(n.get("g").get(1).asInt()).isEqualTo(2);
  }

  @Test
  void rejectsMisuse() {
    assertThatThrownBy(() -> JsonWriter.create().name("x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JsonWriter.create().endObject()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JsonWriter.create().value(1).value(2)).isInstanceOf(IllegalStateException.class);
  }
}
