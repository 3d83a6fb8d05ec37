package dev.vpctrain.core.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** A JSON array. */
public final class JsonArray extends JsonNode implements Iterable<JsonNode> {
  private final List<JsonNode> elements = new ArrayList<>();
  private final List<JsonNode> view = Collections.unmodifiableList(elements);

  JsonArray(Origin origin, int line, int column) {
    super(origin, line, column);
  }

  void add(JsonNode value) {
    value.attach(this, null, elements.size());
    elements.add(value);
  }

  @Override
  public JsonKind kind() {
    return JsonKind.ARRAY;
  }

  /** The elements in order (unmodifiable). */
  public List<JsonNode> elements() {
    return view;
  }

  public int size() {
    return elements.size();
  }

  public boolean isEmpty() {
    return elements.isEmpty();
  }

  public JsonNode get(int i) {
    return elements.get(i);
  }

  @Override
  public Iterator<JsonNode> iterator() {
    return view.iterator();
  }

  @Override
  void writeTo(StringBuilder b) {
    b.append('[');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      elements.get(i).writeTo(b);
    }
    b.append(']');
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonArray && ((JsonArray) o).elements.equals(elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }
}
