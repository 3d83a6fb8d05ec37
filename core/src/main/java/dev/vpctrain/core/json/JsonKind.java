package dev.vpctrain.core.json;

/** The kind of a JSON value. */
public enum JsonKind {
  OBJECT("an object"),
  ARRAY("an array"),
  STRING("a string"),
  NUMBER("a number"),
  BOOLEAN("a boolean"),
  NULL("null");

  private final String description;

  JsonKind(String description) {
    this.description = description;
  }

  /** For messages: "an object", "a string", "null". */
  public String description() {
    return description;
  }
}
