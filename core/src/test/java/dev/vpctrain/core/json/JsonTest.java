package dev.vpctrain.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @Test
  void parsesEveryKindAndKeepsMemberOrder() {
    JsonObject o = Json.parse("{\"z\":1,\"a\":[true,false,null],\"m\":{\"s\":\"x\"},\"n\":-0.5e+2}").asObject();
    assertThat(o.keys()).containsExactly("z", "a", "m", "n");
    assertThat(o.require("z").asNumber().intValueExact()).isEqualTo(1);
    JsonArray a = o.require("a").asArray();
    assertThat(a.elements()).extracting(JsonNode::kind)
        .containsExactly(JsonKind.BOOLEAN, JsonKind.BOOLEAN, JsonKind.NULL);
    assertThat(a.get(0).booleanValue()).isTrue();
    assertThat(a.get(1).booleanValue()).isFalse();
    assertThat(o.require("m").asObject().require("s").stringValue()).isEqualTo("x");
    assertThat(o.require("n").asNumber().bigDecimalValue()).isEqualByComparingTo(new BigDecimal("-50"));
    assertThat(o.require("n").asNumber().text()).isEqualTo("-0.5e+2");
  }

  @Test
  void scalarsAtTheTopLevel() {
    assertThat(Json.parse(" \"hi\" ").stringValue()).isEqualTo("hi");
    assertThat(Json.parse("42").asNumber().longValueExact()).isEqualTo(42L);
    assertThat(Json.parse("null").isNull()).isTrue();
    assertThat(Json.parse("\uFEFF{}").asObject().size()).isZero();
    assertThat(Json.parse("[]").asArray().isEmpty()).isTrue();
  }

  @Test
  void nodesKnowTheirPathAndPosition() {
    String text = "{\n"
        + "  \"Statement\": [\n"
        + "    {\"Effect\": \"Allow\"},\n"
        + "    {\"Condition\": {\"StringEquals\": {\"aws:SourceVpce\": [\"a\", \"b\"]}}}\n"
        + "  ]\n"
        + "}";
    JsonObject root = Json.parse(text, "policy of vpce-1").asObject();
    JsonNode effect = root.require("Statement").asArray().get(0).asObject().require("Effect");
    assertThat(effect.path()).isEqualTo("Statement[0].Effect");
    assertThat(effect.line()).isEqualTo(3);
    assertThat(effect.column()).isEqualTo(16);
    JsonNode b = root.require("Statement").asArray().get(1).asObject().require("Condition").asObject()
        .require("StringEquals").asObject().require("aws:SourceVpce").asArray().get(1);
    assertThat(b.path()).isEqualTo("Statement[1].Condition.StringEquals.aws:SourceVpce[1]");
    assertThat(b.line()).isEqualTo(4);
    assertThat(b.column()).isEqualTo(61);
    assertThat(root.path()).isEmpty();
    assertThat(b.source()).contains("policy of vpce-1");
    assertThat(b.parent().get().key()).contains("aws:SourceVpce");
    assertThat(b.index()).isEqualTo(1);
  }

  @Test
  void oddMemberNamesAreBracketedInPaths() {
    JsonNode n = Json.parse("{\"a.b\": {\"\": [{\"x y\": 1}]}}").asObject().require("a.b").asObject()
        .require("").asArray().get(0).asObject().require("x y");
    assertThat(n.path()).isEqualTo("[\"a.b\"][\"\"][0][\"x y\"]");
  }

  @Test
  void shapeErrorsNameSourceLineColumnAndPath() {
    JsonObject root = Json.parse("{\n  \"Statement\": [\n    {\"Effect\": 7}\n  ]\n}", "policy of vpce-0a1b").asObject();
    JsonNode effect = root.require("Statement").asArray().get(0).asObject().require("Effect");
    assertThatThrownBy(effect::stringValue)
        .isInstanceOf(JsonParseException.class)
        .hasMessage("policy of vpce-0a1b: line 3 column 16 (Statement[0].Effect): expected a string but found a number (7)");
    JsonParseException e = effect.error("expected \"Allow\" or \"Deny\"");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(16);
    assertThat(e.path()).isEqualTo("Statement[0].Effect");
    assertThat(e.detail()).isEqualTo("expected \"Allow\" or \"Deny\"");
    assertThat(e.location()).isEqualTo("line 3 column 16 (Statement[0].Effect)");
    assertThat(e.source()).contains("policy of vpce-0a1b");
    assertThatThrownBy(() -> root.require("Version"))
        .hasMessage("policy of vpce-0a1b: line 1 column 1: missing required member \"Version\"");
    assertThatThrownBy(root::asArray).hasMessageEndingWith("expected an array but found an object");
    assertThat(Json.parse("true").scalarText()).isEqualTo("true");
    assertThat(Json.parse("-2.50").scalarText()).isEqualTo("-2.50");
    assertThatThrownBy(() -> Json.parse("null").scalarText())
        .hasMessageEndingWith("expected a string, number or boolean but found null");
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
    assertThat(Json.parse(json).stringValue()).isEqualTo(expected);
  }

  @Test
  void escapesRoundTripThroughToJson() {
    String s = "q\"b\\s/\b\f\n\r\t\u0001é\uD83D\uDE00";
    String json = JsonString.quote(s);
    assertThat(json).isEqualTo("\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001é\uD83D\uDE00\"");
    assertThat(Json.parse(json).stringValue()).isEqualTo(s);
    JsonNode tree = Json.parse("{\"a\" : [ 1 , 2.50, {\"b\":null} ], \"c\": \"d\"}");
    assertThat(tree.toJson()).isEqualTo("{\"a\":[1,2.50,{\"b\":null}],\"c\":\"d\"}");
    assertThat(Json.parse(tree.toJson())).isEqualTo(tree);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "1", "-1", "10", "123456789012345678901234567890", "0.5", "-0.5", "1e5", "1E5",
      "1e+5", "1e-5", "1.25e-10", "-9.0E+99"})
  void acceptsValidNumbers(String n) {
    JsonNumber num = Json.parse(n).asNumber();
    assertThat(num.text()).isEqualTo(n);
    assertThat(num.bigDecimalValue()).isEqualByComparingTo(new BigDecimal(n));
  }

  @Test
  void numberHelpers() {
    assertThat(Json.parse("1.0").asNumber().isIntegral()).isTrue();
    assertThat(Json.parse("1e2").asNumber().isIntegral()).isTrue();
    assertThat(Json.parse("1.5").asNumber().isIntegral()).isFalse();
    assertThat(Json.parse("1.0")).isEqualTo(Json.parse("1"));
    assertThat(Json.parse("1.0").hashCode()).isEqualTo(Json.parse("1").hashCode());
    assertThat(Json.parse("2.5").asNumber().doubleValue()).isEqualTo(2.5);
    assertThatThrownBy(() -> Json.parse("[1.5]").asArray().get(0).asNumber().intValueExact())
        .hasMessage("line 1 column 2 ([0]): expected a whole number between -2147483648 and 2147483647 but found 1.5");
    assertThatThrownBy(() -> Json.parse("1e99999999999").asNumber().bigDecimalValue())
        .hasMessageContaining("out of range");
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
  })
  void rejectsMalformedTextWithExactMessages(String json, String message) {
    assertThatThrownBy(() -> Json.parse(json))
        .isInstanceOf(JsonParseException.class)
        .hasMessage(message);
  }

  @Test
  void rawControlCharactersInStringsAreRejected() {
    assertThatThrownBy(() -> Json.parse("{\"a\": \"x\ny\"}"))
        .hasMessage("line 1 column 9 (a): control character '\\u000A' in a string (write it as an escape)");
    assertThatThrownBy(() -> Json.parse("\"a\\n\tb\""))
        .hasMessage("line 1 column 5: control character '\\u0009' in a string (write it as an escape)");
  }

  @Test
  void errorLocationsFollowLinesOfAllStyles() {
    assertThatThrownBy(() -> Json.parse("{\r\n\"a\":\r\n [1,\n\r  x]}", "doc.json"))
        .hasMessage("doc.json: line 5 column 3 (a[1]): expected a JSON value but found 'x'");
    assertThatThrownBy(() -> Json.parse("{\"Statement\":[{\"Effect\":\"Allow\"},{\"Action\": [\"s3:*\" \"x\"]}]}"))
        .hasMessage("line 1 column 53 (Statement[1].Action): expected ',' or ']' after an element of the array but found '\"'");
  }

  @Test
  void deepNestingIsRejectedNotOverflowed() {
    String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
    assertThat(Json.parse(ok).isArray()).isTrue();
    String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
    assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nested deeper than 512 levels");
    String huge = "{\"a\":".repeat(100_000);
    assertThatThrownBy(() -> Json.parse(huge)).isInstanceOf(JsonParseException.class);
  }

  @Test
  void treeIsImmutable() {
    JsonObject o = Json.parse("{\"a\":[1]}").asObject();
    assertThatThrownBy(() -> o.members().put("b", o)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> o.require("a").asArray().elements().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullTextIsAnError() {
    assertThatThrownBy(() -> Json.parse(null, "x")).hasMessage("x: line 1 column 1: expected a JSON value but there is no text");
  }

  /** Random documents written by {@link JsonNode#toJson()} parse back to equal trees. */
  @Test
  void randomDocumentsRoundTrip() {
    Random random = new Random(20261129L);
    for (int i = 0; i < 300; i++) {
      String json = randomValue(random, 0);
      JsonNode tree = Json.parse(json);
      assertThat(Json.parse(tree.toJson())).as(json).isEqualTo(tree);
    }
  }

  private static String randomValue(Random r, int depth) {
    int k = r.nextInt(depth > 4 ? 4 : 6);
    switch (k) {
      case 0:
        return JsonString.quote(randomString(r));
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
          b.append(i > 0 ? "," : "").append(' ').append(JsonString.quote("k" + i + randomString(r)))
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
