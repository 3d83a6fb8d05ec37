package dev.vpctrain.aws.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.job.SdkJsonException;
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
 * members and wrongly typed values are rejected with the JSON path.
 *
 * <p>Uses the SDK's {@code SdkField} metadata (a protected API of the SDK, stable across the 2.x
 * line and pinned here by the BOM).
 */
public final class SdkJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SdkJson() {}

  /** The JSON of {@code pojo}: every member that is set, with its wire name. */
  public static ObjectNode toJson(SdkPojo pojo) {
    return toJson(pojo, Style.WIRE);
  }

  /** The JSON of {@code pojo} in {@code style}: every member that is set. */
  public static ObjectNode toJson(SdkPojo pojo, Style style) {
    ObjectNode node = NODES.objectNode();
    for (SdkField<?> field : style.ordered(pojo)) {
      JsonNode value = write(field, field.getValueOrDefault(pojo), style);
      if (value != null) {
        node.set(style.name(field), value);
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
  public static <T> T read(Supplier<? extends SdkBuilder<?, T>> builder, JsonNode json, String path) {
    return read(builder, json, path, Style.WIRE, NO_CHECKS);
  }

  /**
   * As {@link #read(Supplier, JsonNode, String)}, calling {@code checks} as each structure is read,
   * in document order: a reader of a named file checks there what the API demands beyond the SDK's
   * shape (required members, ranges), and may refuse {@code null} values.
   */
  public static <T> T read(Supplier<? extends SdkBuilder<?, T>> builder, JsonNode json, String path, Checks checks) {
    return read(builder, json, path, Style.WIRE, checks);
  }

  /**
   * Builds a model object from {@code json} written in {@code style}.
   *
   * @throws SdkJsonException naming the path of a wrongly typed value (and of an unknown member,
   *     unless the style ignores them)
   */
  public static <T> T read(Supplier<? extends SdkBuilder<?, ? extends T>> builder, JsonNode json, String path,
      Style style) {
    return read(builder, json, path, style, NO_CHECKS);
  }

  /** Builds a model object from {@code json} written in {@code style}, calling {@code checks} as each structure is read. */
  public static <T> T read(Supplier<? extends SdkBuilder<?, ? extends T>> builder, JsonNode json, String path,
      Style style, Checks checks) {
    SdkBuilder<?, ? extends T> b = builder.get();
    fill((SdkPojo) b, json, path, style, checks);
    return b.build();
  }

  /**
   * What a {@linkplain #read(Supplier, JsonNode, String, Checks) reading} checks beyond member names
   * and types. Structures are named by the API's shape name ({@code ResourceConfig}); paths are JSON
   * paths as in {@link SdkJsonException#path()}. A check throws to refuse the document.
   */
  public interface Checks {
    /** True (the default) when a {@code null} value counts as absent; false makes it a wrongly typed value. */
    default boolean nullIsAbsent() {
      return true;
    }

    /** Called before {@code value}, member {@code name} of {@code owner} (a structure of {@code shape}), is read. */
    default void member(String shape, JsonNode owner, String name, JsonNode value, String path) {}

    /** Called after every member of {@code node}, a structure of {@code shape} at {@code path}, was read. */
    default void structure(String shape, JsonNode node, String path) {}
  }

  private static final Checks NO_CHECKS = new Checks() {};

  /** The wire names of the members of {@code shape}'s builder, sorted. */
  public static List<String> memberNames(SdkPojo shape) {
    List<String> names = new ArrayList<>();
    shape.sdkFields().forEach(f -> names.add(f.locationName()));
    names.sort(null);
    return names;
  }

  private static void fill(SdkPojo builder, JsonNode json, String path, Style style, Checks checks) {
    if (!json.isObject()) {
      throw wrongType(display(path), "an object", json);
    }
    Map<String, SdkField<?>> fields = new LinkedHashMap<>();
    builder.sdkFields().forEach(f -> fields.put(style.name(f), f));
    String shape = shapeName(builder);
    Iterator<Map.Entry<String, JsonNode>> it = json.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      SdkField<?> field = fields.get(e.getKey());
      if (field == null && style.ignoreUnknownMembers) {
        continue;
      }
      if (field == null) {
        throw SdkJsonException.unknownMember(childPath, "unknown member '" + e.getKey() + "'; expected one of "
            + String.join(", ", new TreeSet<>(fields.keySet())), e.getKey(), List.copyOf(fields.keySet()));
      }
      checks.member(shape, json, e.getKey(), e.getValue(), childPath);
      if (e.getValue().isNull() && checks.nullIsAbsent()) {
        continue;
      }
      field.set(builder, read(field, e.getValue(), childPath, style, checks));
    }
    checks.structure(shape, json, path);
  }

  /** The API's name of the shape {@code builder} builds: its model class's simple name. */
  private static String shapeName(SdkPojo builder) {
    Class<?> type = builder.getClass();
    return type.getEnclosingClass() != null ? type.getEnclosingClass().getSimpleName() : type.getSimpleName();
  }

  private static Object read(SdkField<?> field, JsonNode json, String path, Style style, Checks checks) {
    MarshallingKnownType type = field.marshallingType().getKnownType();
    switch (type) {
      case STRING:
        if (!json.isTextual()) {
          throw wrongType(path, "a string", json);
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
          throw wrongType(path, "true or false", json);
        }
        return json.booleanValue();
      case INSTANT:
        return instant(json, path);
      case SDK_BYTES:
        if (!json.isTextual()) {
          throw wrongType(path, "base64 text", json);
        }
        try {
          return SdkBytes.fromByteArray(Base64.getDecoder().decode(json.textValue()));
        } catch (IllegalArgumentException e) {
          throw SdkJsonException.wrongType(path, "expected base64 text: " + e.getMessage(), "base64 text", json);
        }
      case SDK_POJO: {
        SdkPojo nested = field.constructor().get();
        fill(nested, json, path, style, checks);
        return ((SdkBuilder<?, ?>) nested).build();
      }
      case LIST: {
        if (!json.isArray()) {
          throw wrongType(path, "an array", json);
        }
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
          JsonNode element = json.get(i);
          list.add(element.isNull() && checks.nullIsAbsent() ? null
              : read(member, element, path + "[" + i + "]", style, checks));
        }
        return list;
      }
      case MAP: {
        if (!json.isObject()) {
          throw wrongType(path, "an object", json);
        }
        SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> map = new LinkedHashMap<>();
        json.properties().forEach(e -> map.put(e.getKey(),
            e.getValue().isNull() && checks.nullIsAbsent() ? null
                : read(value, e.getValue(), path + "." + e.getKey(), style, checks)));
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
      throw wrongType(path, "an integer", json);
    }
    BigDecimal v = json.decimalValue();
    if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw SdkJsonException.wrongType(path, "expected an integer in " + min + ".." + max + " but was " + v,
          "an integer", json);
    }
    return v;
  }

  private static BigDecimal number(JsonNode json, String path) {
    if (!json.isNumber()) {
      throw wrongType(path, "a number", json);
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
        throw SdkJsonException.wrongType(path, "expected an ISO-8601 timestamp but was '" + json.textValue() + "'",
            "a timestamp", json);
      }
    }
    throw wrongType(path, "a timestamp", json);
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

  private static JsonNode write(SdkField<?> field, Object value, Style style) {
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
        return toJson((SdkPojo) value, style);
      case LIST: {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        ArrayNode array = NODES.arrayNode();
        for (Object o : (List<?>) value) {
          JsonNode n = write(member, o, style);
          array.add(n == null ? NODES.nullNode() : n);
        }
        return array;
      }
      case MAP: {
        SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        ObjectNode object = NODES.objectNode();
        ((Map<?, ?>) value).forEach((k, v) -> {
          JsonNode n = write(member, v, style);
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

  private static SdkJsonException wrongType(String path, String expected, JsonNode json) {
    return SdkJsonException.wrongType(path, "expected " + expected + " but was " + describe(json), expected, json);
  }

  /**
   * How a document names and orders the members of a shape. {@link #WIRE} uses the wire names
   * ({@code locationName}: for the EC2 query protocol these are XML names such as {@code TagSet});
   * {@link #MEMBER_NAMES} uses the model's member names ({@code Tags}), which is what the AWS CLI v2
   * prints for every protocol. Immutable; the {@code with…} methods return a copy.
   */
  public static final class Style {
    /** Wire names, every member known, the SDK's member order. */
    public static final Style WIRE = new Style(false, false, Map.of());
    /** The model's member names (the AWS CLI v2 JSON shape), every member known, the SDK's member order. */
    public static final Style MEMBER_NAMES = new Style(true, false, Map.of());

    private final boolean memberNames;
    private final boolean ignoreUnknownMembers;
    private final Map<Class<?>, List<String>> order;

    private Style(boolean memberNames, boolean ignoreUnknownMembers, Map<Class<?>, List<String>> order) {
      this.memberNames = memberNames;
      this.ignoreUnknownMembers = ignoreUnknownMembers;
      this.order = order;
    }

    /** This style, reading past members the SDK does not know (a newer CLI's output) instead of rejecting them. */
    public Style ignoringUnknownMembers() {
      return new Style(memberNames, true, order);
    }

    /**
     * This style, writing the members of {@code shape} named in {@code names} first and in that
     * order (the others follow in the SDK's order).
     */
    public Style withMemberOrder(Class<? extends SdkPojo> shape, List<String> names) {
      Map<Class<?>, List<String>> copy = new LinkedHashMap<>(order);
      copy.put(shape, List.copyOf(names));
      return new Style(memberNames, ignoreUnknownMembers, Map.copyOf(copy));
    }

    String name(SdkField<?> field) {
      return memberNames ? field.memberName() : field.locationName();
    }

    List<SdkField<?>> ordered(SdkPojo pojo) {
      List<String> first = order.get(pojo.getClass());
      if (first == null) {
        return pojo.sdkFields();
      }
      List<SdkField<?>> fields = new ArrayList<>(pojo.sdkFields());
      fields.sort(java.util.Comparator.comparingInt(f -> {
        int i = first.indexOf(name(f));
        return i < 0 ? first.size() : i;
      }));
      return fields;
    }
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
