package dev.vpctrain.aws.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.aws.json.JsonInput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;

/**
 * The shape of a SageMaker JSON request, taken from the AWS SDK's own model (so every member the
 * API accepts at this SDK version is known), used to reject unknown members and wrong types the way
 * the AWS CLI does.
 */
final class ApiShape {
  enum Kind { STRUCTURE, LIST, MAP, STRING, INTEGER, LONG, NUMBER, BOOLEAN, TIMESTAMP, ANY }

  private static final Map<Class<?>, ApiShape> STRUCTURES = new ConcurrentHashMap<>();
  private static final ApiShape REQUEST = structure(CreateTrainingJobRequest.builder().build()::sdkFields,
      CreateTrainingJobRequest.class);

  private final Kind kind;
  private final Supplier<Map<String, ApiShape>> members;
  private final Supplier<ApiShape> element;
  /** The SDK class of a structure (its simple name is the API's shape name), else null. */
  private final Class<?> type;

  private ApiShape(Kind kind, Supplier<Map<String, ApiShape>> members, Supplier<ApiShape> element) {
    this(kind, members, element, null);
  }

  private ApiShape(Kind kind, Supplier<Map<String, ApiShape>> members, Supplier<ApiShape> element, Class<?> type) {
    this.kind = kind;
    this.members = members;
    this.element = element;
    this.type = type;
  }

  /** The shape of {@code CreateTrainingJobRequest}. */
  static ApiShape createTrainingJobRequest() {
    return REQUEST;
  }

  Kind kind() {
    return kind;
  }

  /** Member names in the SDK's (the API's) order. */
  Map<String, ApiShape> members() {
    return members.get();
  }

  private static ApiShape structure(Supplier<List<SdkField<?>>> fields, Class<?> type) {
    ApiShape known = STRUCTURES.get(type);
    if (known != null) {
      return known;
    }
    AtomicReference<Map<String, ApiShape>> cache = new AtomicReference<>();
    ApiShape s = new ApiShape(Kind.STRUCTURE, () -> {
      if (cache.get() == null) {
        Map<String, ApiShape> m = new LinkedHashMap<>();
        for (SdkField<?> f : fields.get()) {
          m.put(f.locationName(), of(f));
        }
        cache.compareAndSet(null, Collections.unmodifiableMap(m));
      }
      return cache.get();
    }, null, type);
    STRUCTURES.putIfAbsent(type, s);
    return STRUCTURES.get(type);
  }

  private static ApiShape of(SdkField<?> f) {
    MarshallingType<?> t = f.marshallingType();
    if (t == MarshallingType.SDK_POJO) {
      Supplier<SdkPojo> ctor = f.constructor();
      SdkPojo sample = ctor.get();
      return structure(sample::sdkFields, sample.getClass());
    }
    if (t == MarshallingType.LIST) {
      SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
      return new ApiShape(Kind.LIST, Map::of, () -> of(member));
    }
    if (t == MarshallingType.MAP) {
      SdkField<?> value = f.getTrait(MapTrait.class).valueFieldInfo();
      return new ApiShape(Kind.MAP, Map::of, () -> of(value));
    }
    if (t == MarshallingType.STRING || t == MarshallingType.SDK_BYTES) {
      return scalar(Kind.STRING);
    }
    if (t == MarshallingType.INTEGER || t == MarshallingType.SHORT || t == MarshallingType.BYTE) {
      return scalar(Kind.INTEGER);
    }
    if (t == MarshallingType.LONG) {
      return scalar(Kind.LONG);
    }
    if (t == MarshallingType.FLOAT || t == MarshallingType.DOUBLE || t == MarshallingType.BIG_DECIMAL) {
      return scalar(Kind.NUMBER);
    }
    if (t == MarshallingType.BOOLEAN) {
      return scalar(Kind.BOOLEAN);
    }
    if (t == MarshallingType.INSTANT) {
      return scalar(Kind.TIMESTAMP);
    }
    return scalar(Kind.ANY);
  }

  private static ApiShape scalar(Kind kind) {
    return new ApiShape(kind, Map::of, null);
  }

  /**
   * Rejects unknown members, values of the wrong type, missing required members and values outside
   * the API's ranges anywhere below {@code value} (see {@link ApiConstraints}).
   */
  void validate(JsonInput value) {
    JsonNode n = value.node();
    switch (kind) {
      case STRUCTURE:
        value.requireObject();
        String shape = shapeName();
        for (String name : value.memberNames()) {
          ApiShape member = members().get(name);
          if (member == null) {
            throw new InvalidInputException(value.file(), value.pathOf(name),
                "unknown member \"" + name + "\"; expected one of " + String.join(", ", members().keySet()));
          }
          JsonInput child = value.member(name);
          ApiConstraints.checkRange(shape, value, name, child);
          member.validate(child);
        }
        ApiConstraints.checkRequired(shape, value);
        break;
      case LIST:
        ApiShape e = element.get();
        value.elements().forEach(e::validate);
        break;
      case MAP:
        value.requireObject();
        ApiShape v = element.get();
        for (String key : value.memberNames()) {
          v.validate(value.member(key));
        }
        break;
      case STRING:
        expect(value, n.isTextual(), "a string");
        break;
      case INTEGER:
        expect(value, n.isIntegralNumber() && n.canConvertToInt(), "an integer");
        break;
      case LONG:
        expect(value, n.isIntegralNumber() && n.canConvertToLong(), "an integer");
        break;
      case NUMBER:
        expect(value, n.isNumber(), "a number");
        break;
      case BOOLEAN:
        expect(value, n.isBoolean(), "true or false");
        break;
      case TIMESTAMP:
        expect(value, n.isNumber() || n.isTextual(), "a timestamp");
        break;
      default:
        break;
    }
  }

  /** The API's name of this structure: the model class's simple name (the SDK hands out builders). */
  private String shapeName() {
    if (type == null) {
      return "";
    }
    Class<?> c = type.getEnclosingClass() != null && type.getSimpleName().equals("BuilderImpl") ? type.getEnclosingClass() : type;
    return c.getSimpleName();
  }

  private static void expect(JsonInput value, boolean ok, String what) {
    if (!ok) {
      throw value.error("expected " + what + " but was " + JsonInput.describe(value.node()));
    }
  }
}
