package dev.vpctrain.aws.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts AWS SDK v2 model objects to and from the API's own JSON shape (PascalCase member names,
 * as the AWS CLI prints and reads them), driven by the field metadata the SDK generates for every
 * member. Every member of a shape is covered, including ones added in later SDK versions. Unknown
 * members and wrongly typed values are rejected with the JSON path. Members are named by their
 * model name ({@code SdkField.memberName()}), which is what the CLI prints for every protocol (EC2's
 * wire names differ: {@code vpcSet} for {@code Vpcs}).
 *
 * <p>Uses the SDK's {@code SdkField} metadata (a protected API of the SDK, stable across the 2.x
 * line and pinned here by the BOM).
 */
public final class SdkJson {
  /** The mapper used for parsing JSON text. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SdkJson() {}

  /** The JSON of {@code pojo}: every member that is set, with its wire name. */
  public static ObjectNode toJson(SdkPojo pojo) {
    ObjectNode node = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      JsonNode value = write(field, field.getValueOrDefault(pojo));
      if (value != null) {
        node.set(field.memberName(), value);
      }
    }
    return node;
  }

  /**
   * Builds a model object from {@code json}, for example
   * {@code read(CreateTrainingJobRequest::builder, node, "")}.
   *
   * @param builder supplies a fresh builder of the target shape
   * @param path the JSON path of {@code json} for error messages (empty for the document root)
   * @throws SdkJsonException naming the path of an unknown member or a wrongly typed value
   */
  @SuppressWarnings("unchecked")
  public static <T> T read(Supplier<? extends SdkBuilder<?, T>> builder, JsonNode json, String path) {
    SdkBuilder<?, T> b = builder.get();
    fill((SdkPojo) b, json, path);
    return b.build();
  }

  /** The wire names of the members of {@code shape}'s builder, sorted. */
  public static List<String> memberNames(SdkPojo shape) {
    List<String> names = new ArrayList<>();
    shape.sdkFields().forEach(f -> names.add(f.memberName()));
    names.sort(null);
    return names;
  }

  private static void fill(SdkPojo builder, JsonNode json, String path) {
    if (!json.isObject()) {
      throw new SdkJsonException(display(path), "expected an object but was " + describe(json));
    }
    Map<String, SdkField<?>> fields = new LinkedHashMap<>();
    builder.sdkFields().forEach(f -> fields.put(f.memberName(), f));
    Iterator<Map.Entry<String, JsonNode>> it = json.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      SdkField<?> field = fields.get(e.getKey());
      if (field == null) {
        throw new SdkJsonException(childPath, "unknown member '" + e.getKey() + "'; expected one of "
            + String.join(", ", new TreeSet<>(fields.keySet())));
      }
      if (e.getValue().isNull()) {
        continue;
      }
      field.set(builder, read(field, e.getValue(), childPath));
    }
  }

  private static Object read(SdkField<?> field, JsonNode json, String path) {
    MarshallingKnownType type = field.marshallingType().getKnownType();
    switch (type) {
      case STRING:
        if (!json.isTextual()) {
          throw new SdkJsonException(path, "expected a string but was " + describe(json));
        }
        return json.textValue();
      case INTEGER:
        return integral(json, path, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
      case LONG:
        return integral(json, path, Long.MIN_VALUE, Long.MAX_VALUE).longValue();
      case SHORT:
        return integral(json, path, Short.MIN_VALUE, Short.MAX_VALUE).shortValue();
      case BYTE:
        return integral(json, path, Byte.MIN_VALUE, Byte.MAX_VALUE).byteValue();
      case FLOAT:
        return number(json, path).floatValue();
      case DOUBLE:
        return number(json, path).doubleValue();
      case BIG_DECIMAL:
        return number(json, path);
      case BOOLEAN:
        if (!json.isBoolean()) {
          throw new SdkJsonException(path, "expected true or false but was " + describe(json));
        }
        return json.booleanValue();
      case INSTANT:
        return instant(json, path);
      case SDK_BYTES:
        if (!json.isTextual()) {
          throw new SdkJsonException(path, "expected base64 text but was " + describe(json));
        }
        try {
          return SdkBytes.fromByteArray(Base64.getDecoder().decode(json.textValue()));
        } catch (IllegalArgumentException e) {
          throw new SdkJsonException(path, "expected base64 text: " + e.getMessage());
        }
      case SDK_POJO: {
        SdkPojo nested = field.constructor().get();
        fill(nested, json, path);
        return ((SdkBuilder<?, ?>) nested).build();
      }
      case LIST: {
        if (!json.isArray()) {
          throw new SdkJsonException(path, "expected an array but was " + describe(json));
        }
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
          list.add(json.get(i).isNull() ? null : read(member, json.get(i), path + "[" + i + "]"));
        }
        return list;
      }
      case MAP: {
        if (!json.isObject()) {
          throw new SdkJsonException(path, "expected an object but was " + describe(json));
        }
        SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> map = new LinkedHashMap<>();
        json.properties().forEach(e -> map.put(e.getKey(),
            e.getValue().isNull() ? null : read(value, e.getValue(), path + "." + e.getKey())));
        return map;
      }
      case DOCUMENT:
        return document(json);
      default:
        throw new SdkJsonException(path, "unsupported member type " + type);
    }
  }

  private static BigDecimal integral(JsonNode json, String path, long min, long max) {
    if (!json.isIntegralNumber()) {
      throw new SdkJsonException(path, "expected an integer but was " + describe(json));
    }
    BigDecimal v = json.decimalValue();
    if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new SdkJsonException(path, "expected an integer in " + min + ".." + max + " but was " + v);
    }
    return v;
  }

  private static BigDecimal number(JsonNode json, String path) {
    if (!json.isNumber()) {
      throw new SdkJsonException(path, "expected a number but was " + describe(json));
    }
    return json.decimalValue();
  }

  private static Instant instant(JsonNode json, String path) {
    if (json.isNumber()) {
      BigDecimal seconds = json.decimalValue();
      return Instant.ofEpochSecond(seconds.longValue(),
          seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }
    if (json.isTextual()) {
      try {
        return java.time.OffsetDateTime.parse(json.textValue()).toInstant();
      } catch (DateTimeParseException e) {
        throw new SdkJsonException(path, "expected an ISO-8601 timestamp but was '" + json.textValue() + "'");
      }
    }
    throw new SdkJsonException(path, "expected a timestamp but was " + describe(json));
  }

  private static Document document(JsonNode json) {
    if (json.isObject()) {
      Map<String, Document> map = new LinkedHashMap<>();
      json.properties().forEach(e -> map.put(e.getKey(), document(e.getValue())));
      return Document.fromMap(map);
    }
    if (json.isArray()) {
      List<Document> list = new ArrayList<>();
      json.forEach(e -> list.add(document(e)));
      return Document.fromList(list);
    }
    if (json.isTextual()) {
      return Document.fromString(json.textValue());
    }
    if (json.isBoolean()) {
      return Document.fromBoolean(json.booleanValue());
    }
    if (json.isNumber()) {
      return Document.fromNumber(SdkNumber.fromBigDecimal(json.decimalValue()));
    }
    return Document.fromNull();
  }

  private static JsonNode write(SdkField<?> field, Object value) {
    if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
      return null;
    }
    switch (field.marshallingType().getKnownType()) {
      case STRING:
        return NODES.textNode((String) value);
      case INTEGER:
      case SHORT:
      case BYTE:
        return NODES.numberNode(((Number) value).intValue());
      case LONG:
        return NODES.numberNode(((Number) value).longValue());
      case FLOAT:
        return NODES.numberNode(((Number) value).floatValue());
      case DOUBLE:
        return NODES.numberNode(((Number) value).doubleValue());
      case BIG_DECIMAL:
        return NODES.numberNode((BigDecimal) value);
      case BOOLEAN:
        return NODES.booleanNode((Boolean) value);
      case INSTANT:
        return NODES.textNode(value.toString());
      case SDK_BYTES:
        return NODES.textNode(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArray()));
      case SDK_POJO:
        return toJson((SdkPojo) value);
      case LIST: {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        ArrayNode array = NODES.arrayNode();
        for (Object o : (List<?>) value) {
          JsonNode n = write(member, o);
          array.add(n == null ? NODES.nullNode() : n);
        }
        return array;
      }
      case MAP: {
        SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        ObjectNode object = NODES.objectNode();
        ((Map<?, ?>) value).forEach((k, v) -> {
          JsonNode n = write(member, v);
          object.set(String.valueOf(k), n == null ? NODES.nullNode() : n);
        });
        return object;
      }
      case DOCUMENT:
        return document((Document) value);
      default:
        return NODES.textNode(String.valueOf(value));
    }
  }

  private static JsonNode document(Document d) {
    if (d.isMap()) {
      ObjectNode o = NODES.objectNode();
      d.asMap().forEach((k, v) -> o.set(k, document(v)));
      return o;
    }
    if (d.isList()) {
      ArrayNode a = NODES.arrayNode();
      d.asList().forEach(v -> a.add(document(v)));
      return a;
    }
    if (d.isString()) {
      return NODES.textNode(d.asString());
    }
    if (d.isBoolean()) {
      return NODES.booleanNode(d.asBoolean());
    }
    if (d.isNumber()) {
      return NODES.numberNode(d.asNumber().bigDecimalValue());
    }
    return NODES.nullNode();
  }

  static String describe(JsonNode json) {
    if (json.isTextual()) {
      return "the string \"" + json.textValue() + "\"";
    }
    if (json.isObject()) {
      return "an object";
    }
    if (json.isArray()) {
      return "an array";
    }
    return json.toString();
  }

  private static String display(String path) {
    return path.isEmpty() ? "(document root)" : path;
  }
}
