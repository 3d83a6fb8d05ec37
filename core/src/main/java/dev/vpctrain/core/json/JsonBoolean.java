package dev.vpctrain.core.json;

/** {@code true} or {@code false}. */
public final class JsonBoolean extends JsonNode {
  private final boolean value;

  JsonBoolean(Origin origin, int line, int column, boolean value) {
    super(origin, line, column);
    this.value = value;
  }

  @Override
  public JsonKind kind() {
    return JsonKind.BOOLEAN;
  }

  public boolean value() {
    return value;
  }

  @Override
  String describe() {
    return "a boolean (" + value + ")";
  }

  @Override
  void writeTo(StringBuilder b) {
    b.append(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonBoolean && ((JsonBoolean) o).value == value;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(value);
  }
}
