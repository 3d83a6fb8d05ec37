package dev.vpctrain.core.internal.rules.policy;

import dev.vpctrain.core.report.JsonWriter;

/** Writes policy documents (maps, lists, strings, booleans) as indented JSON for remediations. */
public final class PolicyJson {
  private PolicyJson() {}

  /** {@code value} as JSON with two-space indentation; lists of strings one per line. */
  public static String pretty(Object value) {
    return JsonWriter.pretty(value);
  }
}
