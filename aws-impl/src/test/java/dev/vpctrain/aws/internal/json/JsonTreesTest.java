package dev.vpctrain.aws.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonTrees} builds and writes the trees an {@code ObjectMapper} would, without one. */
class JsonTreesTest {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  @ParameterizedTest
  @ValueSource(strings = {"{}", "[]", "0", "-1", "2147483647", "2147483648", "-9223372036854775808",
      "9223372036854775808", "123456789012345678901234567890", "1.5", "-0.0", "1e308", "1E-7", "3.141592653589793238",
      "\"\"", "\"a\\u00e9\\n\\\"\\\\/\"", "true", "false", "null", "[1,[2,[3,{}]],{\"a\":[]}]",
      "{\"b\":1,\"a\":{\"c\":null,\"d\":[true,1.0,\"x\"]}}", "  {\"k\" : \"v\"}  ", "{\"Version\":\"2012-10-17\","
      + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\"],"
      + "\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}}]}"})
  void readsAndWritesAsTheMapperDoes(String text) throws IOException {
    JsonNode expected = MAPPER.readTree(text);
    JsonNode tree = JsonTrees.read(text);
    assertThat(tree).isEqualTo(expected);
    assertThat(tree.getClass()).isEqualTo(expected.getClass());
    assertThat(JsonTrees.compact(tree)).isEqualTo(expected.toString());
  }

  @Test
  void everyJsonFileOfTheRepositoryReadsAsTheMapperReadsIt() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("/target/")
          && !p.toString().contains("/.git/")).collect(Collectors.toList());
    }
    assertThat(files).hasSizeGreaterThan(100);
    int read = 0;
    for (Path file : files) {
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      } catch (CharacterCodingException e) { // a fixture of an encoding error: not JSON text to compare
        continue;
      }
      JsonNode expected;
      try {
        expected = MAPPER.readTree(text);
      } catch (JsonProcessingException e) { // malformed on purpose (error tests): both refuse it the same way
        assertThatThrownBy(() -> JsonTrees.read(text)).as(file.toString())
            .isInstanceOf(JsonProcessingException.class)
            .hasMessageStartingWith(e.getOriginalMessage());
        continue;
      }
      JsonNode tree = JsonTrees.read(text);
      assertThat(tree).as(file.toString()).isEqualTo(expected.isMissingNode() ? null : expected);
      if (tree != null) {
        assertThat(JsonTrees.compact(tree)).as(file.toString()).isEqualTo(expected.toString());
        read++;
      }
    }
    assertThat(read).isGreaterThan(100);
  }

  @Test
  void aDuplicateMemberIsRefusedWithItsLocation() {
    assertThatThrownBy(() -> JsonTrees.read("{\"a\":1,\n\"a\":2}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Duplicate field 'a'")
        .hasMessageContaining("line: 2");
  }

  @Test
  void emptyInputIsNoValue() throws IOException {
    assertThat(JsonTrees.read("")).isNull();
    assertThat(JsonTrees.read("   \n")).isNull();
  }

  @Test
  void theParserStopsOnTheValuesLastTokenSoTrailingContentCanBeFound() throws IOException {
    try (JsonParser parser = JsonTrees.parser("{\"a\":[1]} {\"b\":2}")) {
      assertThat(JsonTrees.read(parser)).isEqualTo(MAPPER.readTree("{\"a\":[1]}"));
      assertThat(JsonTrees.read(parser)).isEqualTo(MAPPER.readTree("{\"b\":2}"));
      assertThat(JsonTrees.read(parser)).isNull();
    }
  }
}
