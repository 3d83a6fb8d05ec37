package dev.vpctrain.core.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.core.internal.policy.JsonDocument.Node;
import dev.vpctrain.core.report.JsonWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Policy documents are read with Jackson; errors keep naming source, line, column and JSON path. */
class JsonDocumentTest {

  private static JsonNode read(String text) {
    return JsonDocument.read(text, null);
  }

  @Test
  void parsesEveryKindAndKeepsMemberOrder() {
    JsonNode o = JsonDocument.readObject("{\"z\":1,\"a\":[true,false,null],\"m\":{\"s\":\"x\"},\"n\":-0.5e+2}", null);
    List<String> keys = new ArrayList<>();
    o.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("z", "a", "m", "n");
    assertThat(o.get("z").intValue()).isEqualTo(1);
    JsonNode a = o.get("a");
    assertThat(a.get(0).booleanValue()).isTrue();
    assertThat(a.get(1).booleanValue()).isFalse();
    assertThat(a.get(2).isNull()).isTrue();
    assertThat(o.get("m").get("s").textValue()).isEqualTo("x");
    assertThat(o.get("n").decimalValue()).isEqualByComparingTo(new BigDecimal("-50"));
    assertThat(o.get("n").asText()).isEqualTo("-0.5e+2");
  }

  @Test
  void scalarsAtTheTopLevel() {
    assertThat(read(" \"hi\" ").textValue()).isEqualTo("hi");
    assertThat(read("42").longValue()).isEqualTo(42L);
    assertThat(read("null").isNull()).isTrue();
    assertThat(read("\uFEFF{}").size()).isZero();
    assertThat(read("[]").isEmpty()).isTrue();
  }

  @Test
  void nodesKnowTheirPathAndPosition() {
    String text = "{\n"
        + "  \"Statement\": [\n"
        + "    {\"Effect\": \"Allow\"},\n"
        + "    {\"Condition\": {\"StringEquals\": {\"aws:SourceVpce\": [\"a\", \"b\"]}}}\n"
        + "  ]\n"
        + "}";
    Node root = JsonDocument.parse(text, "policy of vpce-1").asObject();
    Node effect = root.require("Statement").elements().get(0).require("Effect");
    assertThat(effect.path()).isEqualTo("Statement[0].Effect");
    assertThat(effect.error("x").line()).isEqualTo(3);
    assertThat(effect.error("x").column()).isEqualTo(16);
    Node b = root.require("Statement").elements().get(1).require("Condition")
        .require("StringEquals").require("aws:SourceVpce").elements().get(1);
    assertThat(b.path()).isEqualTo("Statement[1].Condition.StringEquals.aws:SourceVpce[1]");
    assertThat(b.error("x").line()).isEqualTo(4);
    assertThat(b.error("x").column()).isEqualTo(61);
    assertThat(root.path()).isEmpty();
    assertThat(b.error("x").source()).contains("policy of vpce-1");
    assertThat(b.stringValue()).isEqualTo("b");
  }

  @Test
  void oddMemberNamesAreBracketedInPaths() {
    Node n = JsonDocument.parse("{\"a.b\": {\"\": [{\"x y\": 1}]}}", null).require("a.b")
        .require("").elements().get(0).require("x y");
    assertThat(n.path()).isEqualTo("[\"a.b\"][\"\"][0][\"x y\"]");
  }

  @Test
  void shapeErrorsNameSourceLineColumnAndPath() {
    Node root = JsonDocument.parse("{\n  \"Statement\": [\n    {\"Effect\": 7}\n  ]\n}", "policy of vpce-0a1b").asObject();
    Node effect = root.require("Statement").elements().get(0).require("Effect");
    assertThatThrownBy(effect::stringValue)
        .isInstanceOf(PolicyParseException.class)
        .hasMessage("policy of vpce-0a1b: line 3 column 16 (Statement[0].Effect): expected a string but found a number (7)");
    PolicyParseException e = effect.error("expected \"Allow\" or \"Deny\"");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(16);
    assertThat(e.path()).isEqualTo("Statement[0].Effect");
    assertThat(e.detail()).isEqualTo("expected \"Allow\" or \"Deny\"");
    assertThat(e.location()).isEqualTo("line 3 column 16 (Statement[0].Effect)");
    assertThat(e.source()).contains("policy of vpce-0a1b");
    assertThat(e.file()).isEqualTo("policy of vpce-0a1b");
    assertThat(e.jsonPath()).isEqualTo("Statement[0].Effect");
    assertThat(e).isInstanceOf(dev.vpctrain.core.InvalidInputException.class);
    assertThatThrownBy(() -> root.require("Version"))
        .hasMessage("policy of vpce-0a1b: line 1 column 1: missing required member \"Version\"");
    assertThatThrownBy(root::asArray).hasMessageEndingWith("expected an array but found an object");
    assertThat(JsonDocument.parse("true", null).scalarText()).isEqualTo("true");
    assertThat(JsonDocument.parse("-2.50", null).scalarText()).isEqualTo("-2.50");
    assertThatThrownBy(() -> JsonDocument.parse("null", null).scalarText())
        .hasMessageEndingWith("expected a string, number or boolean but found null");
    assertThatThrownBy(() -> JsonDocument.parse("[false]", null).elements().get(0).stringValue())
        .hasMessage("line 1 column 2 ([0]): expected a string but found a boolean (false)");
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("\"a\\\"b\"", "a\"b"),
        Arguments.of("\"\\\\\"", "\\"),
        Arguments.of("\"\\/\"", "/"),
        Arguments.of("\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t"),
        Arguments.of("\"\\u0041\\u00e9\\u00E9\"", "A\u00e9\u00e9"),
        Arguments.of("\"\\u20AC\"", "\u20ac"),
        Arguments.of("\"\\uD83D\\uDE00\"", "\uD83D\uDE00"),
        Arguments.of("\"\\ud83d\\ude00\"", "\uD83D\uDE00"),
        Arguments.of("\"x\\u0000y\"", "x\u0000y"),
        Arguments.of("\"\uD83D\uDE00 raw \u00e9\"", "\uD83D\uDE00 raw \u00e9"));
  }

  @ParameterizedTest
  @MethodSource("escapes")
  void decodesEscapes(String json, String expected) {
    assertThat(read(json).textValue()).isEqualTo(expected);
  }

  @Test
  void escapesRoundTripThroughToJson() {
    String s = "q\"b\\s/\b\f\n\r\t\u0001é\uD83D\uDE00";
    String json = JsonWriter.quoted(s);
    assertThat(json).isEqualTo("\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001é\uD83D\uDE00\"");
    assertThat(read(json).textValue()).isEqualTo(s);
    JsonNode tree = read("{\"a\" : [ 1 , 2.50, {\"b\":null} ], \"c\": \"d\"}");
    assertThat(JsonWriter.compact(tree)).isEqualTo("{\"a\":[1,2.50,{\"b\":null}],\"c\":\"d\"}");
    assertThat(read(JsonWriter.compact(tree))).isEqualTo(tree);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "1", "-1", "10", "123456789012345678901234567890", "0.5", "-0.5", "1e5", "1E5",
      "1e+5", "1e-5", "1.25e-10", "-9.0E+99"})
  void acceptsValidNumbers(String n) {
    JsonNode num = read(n);
    assertThat(num.isNumber()).isTrue();
    assertThat(num.asText()).isEqualTo(n);
    assertThat(num.decimalValue()).isEqualByComparingTo(new BigDecimal(n));
  }

  @Test
  void numbersCompareByValue() {
    assertThat(read("1.0")).isEqualTo(read("1"));
    assertThat(read("1.0").hashCode()).isEqualTo(read("1").hashCode());
    assertThat(read("{\"a\":[1e2]}")).isEqualTo(read("{\"a\":[100]}"));
    assertThat(read("2.5").doubleValue()).isEqualTo(2.5);
    assertThatThrownBy(() -> read("[1e99999999999]"))
        .hasMessage("line 1 column 2 ([0]): number 1e99999999999 is out of range");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "``                               | line 1 column 1: expected a JSON value but the text is empty",
      "`   `                            | line 1 column 4: expected a JSON value but the text is empty",
      "`{`                              | line 1 column 2: expected a member name in double quotes but the text ended",
      "`{\"a\" 1}`                      | line 1 column 6: expected ':' after member name \"a\" but found '1'",
      "`{\"a\":1,}`                     | line 1 column 8: expected a member name in double quotes but found '}'",
      "`[1,]`                           | line 1 column 4 ([1]): expected a JSON value but found ']' (trailing comma)",
      "`[1 2]`                          | line 1 column 4: expected ',' or ']' after an element of the array but found '2'",
      "`{\"a\":1 \"b\":2}`              | line 1 column 8: expected ',' or '}' after a member of the object but found '\"'",
      "`{'a':1}`                        | line 1 column 2: expected a member name in double quotes but found '''",
      "`{\"a\":01}`                     | line 1 column 6 (a): invalid number: leading zeros are not allowed ('01')",
      "`-`                              | line 1 column 1: invalid number '-': expected a digit after '-'",
      "`1.`                             | line 1 column 1: invalid number '1.': expected a digit after '.'",
      "`1e`                             | line 1 column 1: invalid number '1e': expected a digit in the exponent",
      "`+1`                             | line 1 column 1: expected a JSON value but found '+'",
      "`.5`                             | line 1 column 1: expected a JSON value but found '.'",
      "`12abc`                          | line 1 column 1: invalid number '12abc'",
      "`NaN`                            | line 1 column 1: expected a JSON value but found 'N'",
      "`tru`                            | line 1 column 1: expected a JSON value but found 'tru'",
      "`truex`                          | line 1 column 1: expected a JSON value but found 'truex'",
      "`nul`                            | line 1 column 1: expected a JSON value but found 'nul'",
      "`{} x`                           | line 1 column 4: unexpected 'x' after the end of the JSON value",
      "`{}{}`                           | line 1 column 3: unexpected '{' after the end of the JSON value",
      "`\"abc`                          | line 1 column 5: unterminated string: the text ended before the closing '\"'",
      "`\"a\\x\"`                       | line 1 column 3: invalid escape '\\x' in a string (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
      "`\"\\u12G4\"`                    | line 1 column 2: invalid \\u escape '\\u12G4': expected 4 hexadecimal digits",
      "`\"\\u12`                        | line 1 column 2: incomplete \\u escape: expected 4 hexadecimal digits",
      "`\"\\uD83D\"`                    | line 1 column 2: unpaired high surrogate \\uD83D (it must be followed by a \\uDC00-\\uDFFF escape)",
      "`\"\\uD83D\\u0041\"`             | line 1 column 2: high surrogate \\uD83D is followed by \\u0041, not by a low surrogate \\uDC00-\\uDFFF",
      "`\"\\uDE00\"`                    | line 1 column 2: unpaired low surrogate \\uDE00",
      "`{\"a\":1,\"a\":2}`              | line 1 column 8 (a): duplicate member name \"a\"",
      "`/* c */ {}`                     | line 1 column 1: expected a JSON value but found '/'",
      "`{\"a\":1`                       | line 1 column 7: expected ',' or '}' after a member of the object but found the end of the text",
      "`{\"a\":1,`                      | line 1 column 8: expected a member name in double quotes but the text ended",
      "`[1`                             | line 1 column 3: expected ',' or ']' after an element of the array but found the end of the text",
      "`[`                              | line 1 column 2 ([0]): expected a JSON value but the text ended",
      "`[1,`                            | line 1 column 4 ([1]): expected a JSON value but the text ended",
      "`{\"a\"`                         | line 1 column 5: expected ':' after member name \"a\" but found the end of the text",
      "`{\"a\":`                        | line 1 column 6 (a): expected a JSON value but the text ended",
      "`{\"a\":\"x`                      | line 1 column 8 (a): unterminated string: the text ended before the closing '\"'",
      "`{\"St`                          | line 1 column 5: unterminated string: the text ended before the closing '\"'",
      "`{\"a\":1]`                      | line 1 column 7: expected ',' or '}' after a member of the object but found ']'",
      "`[1}`                            | line 1 column 3: expected ',' or ']' after an element of the array but found '}'",
      "`[}`                             | line 1 column 2 ([0]): expected a JSON value but found '}'",
      "`]`                              | line 1 column 1: expected a JSON value but found ']'",
      "`{\"a\"/:1}`                     | line 1 column 5: expected ':' after member name \"a\" but found '/'",
      "`{\"a\":1/}`                     | line 1 column 7: expected ',' or '}' after a member of the object but found '/'",
      "`[0arn]`                         | line 1 column 2 ([0]): invalid number '0arn'",
      "`{\"a\": 1.5x}`                  | line 1 column 7 (a): invalid number '1.5x'",
      "`1{}`                            | line 1 column 2: unexpected '{' after the end of the JSON value",
      "`{\"a\":}`                       | line 1 column 6 (a): expected a JSON value but found '}'",
      "`[1.5e}`                         | line 1 column 2 ([0]): invalid number '1.5e': expected a digit in the exponent",
      "`{\"a\":\u0001 1}`                | line 1 column 6 (a): expected a JSON value but found '\\u0001'",
  })
  void rejectsMalformedTextWithExactMessages(String json, String message) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(PolicyParseException.class)
        .hasMessage(message);
  }

  @Test
  void rawControlCharactersInStringsAreRejected() {
    assertThatThrownBy(() -> read("{\"a\": \"x\ny\"}"))
        .hasMessage("line 1 column 9 (a): control character '\\u000A' in a string (write it as an escape)");
    assertThatThrownBy(() -> read("\"a\\n\tb\""))
        .hasMessage("line 1 column 5: control character '\\u0009' in a string (write it as an escape)");
  }

  @Test
  void errorLocationsFollowLinesOfAllStyles() {
    assertThatThrownBy(() -> JsonDocument.read("{\r\n\"a\":\r\n [1,\n\r  x]}", "doc.json"))
        .hasMessage("doc.json: line 5 column 3 (a[1]): expected a JSON value but found 'x'");
    assertThatThrownBy(() -> read("{\"Statement\":[{\"Effect\":\"Allow\"},{\"Action\": [\"s3:*\" \"x\"]}]}"))
        .hasMessage("line 1 column 53 (Statement[1].Action): expected ',' or ']' after an element of the array but found '\"'");
  }

  @Test
  void deepNestingIsRejectedNotOverflowed() {
    String ok = "[".repeat(JsonDocument.MAX_DEPTH) + "]".repeat(JsonDocument.MAX_DEPTH);
    assertThat(read(ok).isArray()).isTrue();
    String deep = "[".repeat(JsonDocument.MAX_DEPTH + 1) + "]".repeat(JsonDocument.MAX_DEPTH + 1);
    assertThatThrownBy(() -> read(deep)).hasMessageContaining("nested deeper than 512 levels");
    String huge = "{\"a\":".repeat(100_000);
    assertThatThrownBy(() -> read(huge)).isInstanceOf(PolicyParseException.class);
  }

  @Test
  void nullTextIsAnError() {
    assertThatThrownBy(() -> JsonDocument.read(null, "x")).hasMessage("x: line 1 column 1: expected a JSON value but there is no text");
  }

  /** Random documents written by {@link JsonWriter#compact} parse back to equal trees. */
  @Test
  void randomDocumentsRoundTrip() {
    Random random = new Random(20261129L);
    for (int i = 0; i < 300; i++) {
      String json = randomValue(random, 0);
      JsonNode tree = read(json);
      assertThat(read(JsonWriter.compact(tree))).as(json).isEqualTo(tree);
    }
  }

  private static String randomValue(Random r, int depth) {
    int k = r.nextInt(depth > 4 ? 4 : 6);
    switch (k) {
      case 0:
        return JsonWriter.quoted(randomString(r));
      case 1:
        return List.of("0", "-1", "3.25", "1e3", "-2.5E-3", "12345678901234567890").get(r.nextInt(6));
      case 2:
        return r.nextBoolean() ? "true" : "false";
      case 3:
        return "null";
      case 4: {
        StringBuilder b = new StringBuilder("{");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          b.append(i > 0 ? "," : "").append(' ').append(JsonWriter.quoted("k" + i + randomString(r)))
              .append(" :\n").append(randomValue(r, depth + 1));
        }
        return b.append("}").toString();
      }
      default: {
        StringBuilder b = new StringBuilder("[");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          b.append(i > 0 ? ",\t" : "").append(randomValue(r, depth + 1));
        }
        return b.append("]").toString();
      }
    }
  }

  private static String randomString(Random r) {
    String alphabet = "ab\"\\/\n\t\u0001é€\uD83D\uDE00*?:";
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      int at = r.nextInt(alphabet.length());
      char c = alphabet.charAt(at);
      if (Character.isHighSurrogate(c)) {
        b.append(c).append(alphabet.charAt(at + 1));
      } else if (!Character.isLowSurrogate(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
