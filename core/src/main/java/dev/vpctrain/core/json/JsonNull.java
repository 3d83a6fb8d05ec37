package dev.vpctrain.core.json;

/** {@code null}. */
public final class JsonNull extends JsonNode {
  JsonNull(Origin origin, int line, int column) {
    super(origin, line, column);
  }

  @Override
  public JsonKind kind() {
    return JsonKind.NULL;
  }

  @Override
  void writeTo(StringBuilder b) {
    b.append("null");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonNull;
  }

  @Override
  public int hashCode() {
    return 0;
  }
}
