package dev.vpctrain.core.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A JSON object: members in document order, names unique. */
public final class JsonObject extends JsonNode {
  private final Map<String, JsonNode> members = new LinkedHashMap<>();
  private final Map<String, JsonNode> view = Collections.unmodifiableMap(members);

  JsonObject(Origin origin, int line, int column) {
    super(origin, line, column);
  }

  /** Adds a member while parsing; false when the name is already taken. */
  boolean add(String name, JsonNode value) {
    if (members.putIfAbsent(name, value) != null) {
      return false;
    }
    value.attach(this, name, -1);
    return true;
  }

  @Override
  public JsonKind kind() {
    return JsonKind.OBJECT;
  }

  /** The members in document order (unmodifiable). */
  public Map<String, JsonNode> members() {
    return view;
  }

  public Set<String> keys() {
    return view.keySet();
  }

  public int size() {
    return members.size();
  }

  public boolean has(String name) {
    return members.containsKey(name);
  }

  public Optional<JsonNode> get(String name) {
    return Optional.ofNullable(members.get(name));
  }

  /** The member {@code name}; throws {@link JsonParseException} at this object when it is missing. */
  public JsonNode require(String name) {
    JsonNode n = members.get(name);
    if (n == null) {
      throw error("missing required member \"" + name + "\"");
    }
    return n;
  }

  @Override
  void writeTo(StringBuilder b) {
    b.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> e : members.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      JsonString.quote(b, e.getKey());
      b.append(':');
      e.getValue().writeTo(b);
    }
    b.append('}');
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonObject && ((JsonObject) o).members.equals(members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }
}
