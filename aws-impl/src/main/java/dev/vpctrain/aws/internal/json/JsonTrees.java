package dev.vpctrain.aws.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON text to and from Jackson trees through Jackson's streaming parser and generator alone, without
 * an {@code ObjectMapper}: creating the first mapper (its default date format's calendar and locale
 * data, its deserializer factories) costs about 50 ms of a command-line check's start-up. The trees
 * are the ones {@code ObjectMapper.readTree} builds (the same node types, numbers typed by the size the
 * parser reports, members in document order), and the parser is Jackson's, strict about duplicate
 * members. Internal.
 */
public final class JsonTrees {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** {@return a parser of {@code text} (strict about duplicate members)} */
  public static JsonParser parser(String text) throws IOException {
    return FACTORY.createParser(text);
  }

  /**
   * Reads the JSON value that starts at {@code parser}'s next token, as {@code ObjectMapper.readTree(parser)}
   * does for a new parser; the parser is left on the value's last token.
   *
   * @param parser the parser, for example of {@link #parser(String)}
   * @return the value, or null when the input has no more content
   * @throws IOException a {@code JsonProcessingException} for malformed JSON, as Jackson reports it
   */
  public static JsonNode read(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    return token == null ? null : value(parser, token);
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() != JsonToken.END_OBJECT) { // on a member name
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        return array;
      default:
        return scalar(parser, token);
    }
  }

  private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default: // VALUE_EMBEDDED_OBJECT does not occur in JSON text
        throw new IllegalStateException("unexpected JSON token " + token);
    }
  }

  /** {@return {@code text} as a tree, or null when it holds no JSON value} */
  public static JsonNode read(String text) throws IOException {
    try (JsonParser parser = parser(text)) {
      return read(parser);
    }
  }

  /** {@return {@code node} as compact JSON text, as {@code JsonNode.toString()} writes it} */
  public static String compact(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      write(node, gen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonNode node, JsonGenerator gen) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT:
        gen.writeStartObject();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          gen.writeFieldName(e.getKey());
          write(e.getValue(), gen);
        }
        gen.writeEndObject();
        break;
      case ARRAY:
        gen.writeStartArray();
        for (JsonNode element : node) {
          write(element, gen);
        }
        gen.writeEndArray();
        break;
      case STRING:
        gen.writeString(node.textValue());
        break;
      case NUMBER:
        switch (node.numberType()) {
          case INT:
            gen.writeNumber(node.intValue());
            break;
          case LONG:
            gen.writeNumber(node.longValue());
            break;
          case BIG_INTEGER:
            gen.writeNumber(node.bigIntegerValue());
            break;
          case BIG_DECIMAL:
            gen.writeNumber(node.decimalValue());
            break;
          case FLOAT:
            gen.writeNumber(node.floatValue());
            break;
          default:
            gen.writeNumber(node.doubleValue());
        }
        break;
      case BOOLEAN:
        gen.writeBoolean(node.booleanValue());
        break;
      case NULL:
        gen.writeNull();
        break;
      default: // BINARY, POJO and MISSING nodes are never built from JSON text
        throw new IllegalArgumentException("not a JSON text node: " + node.getNodeType());
    }
  }
}
