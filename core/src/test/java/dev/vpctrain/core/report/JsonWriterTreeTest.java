package dev.vpctrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.internal.policy.JsonDocument;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTreeTest {
  @Test
  void writesATreeAsOnePrettyDocumentThatParsesBack() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("s", "a \"quoted\" \u2028 line");
    doc.put("n", new BigDecimal("1.50"));
    doc.put("i", 7);
    doc.put("b", false);
    doc.put("none", null);
    doc.put("list", Arrays.asList("x", null, Map.of()));
    doc.put("empty", List.of());
    String text = JsonWriter.pretty(doc);
    assertThat(text).startsWith("{\n  \"s\": ").endsWith("}").contains("\"n\": 1.50", "\"none\": null", "\"empty\": []",
        "\\u2028");
    assertThat(JsonDocument.readObject(text, null).required("list").size()).isEqualTo(3);
  }

  @Test
  void refusesWhatIsNotJson() {
    assertThatThrownBy(() -> JsonWriter.pretty(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonWriter.pretty(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
