package dev.vpctrain.core.internal.policy;

import java.util.List;
import java.util.Objects;

/** What a request context says of one key: its values, that it is absent, or that it cannot be known. */
public final class ContextValue {
  private static final ContextValue ABSENT = new ContextValue(State.ABSENT, List.of());
  private static final ContextValue UNKNOWN = new ContextValue(State.UNKNOWN, List.of());

  private enum State { PRESENT, ABSENT, UNKNOWN }

  private final State state;
  private final List<String> values;

  private ContextValue(State state, List<String> values) {
    this.state = state;
    this.values = values;
  }

  /** The key is in the request with these values (one for single-valued keys). */
  public static ContextValue of(List<String> values) {
    return new ContextValue(State.PRESENT, List.copyOf(values));
  }

  public static ContextValue of(String... values) {
    return of(List.of(values));
  }

  /** The key is not in the request. */
  public static ContextValue absent() {
    return ABSENT;
  }

  /** The key's presence and value cannot be known. */
  public static ContextValue unknown() {
    return UNKNOWN;
  }

  public boolean isPresent() {
    return state == State.PRESENT;
  }

  public boolean isAbsent() {
    return state == State.ABSENT;
  }

  public boolean isUnknown() {
    return state == State.UNKNOWN;
  }

  /** The values when present; empty otherwise. */
  public List<String> values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContextValue && ((ContextValue) o).state == state && ((ContextValue) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, values);
  }

  @Override
  public String toString() {
    switch (state) {
      case ABSENT:
        return "(absent)";
      case UNKNOWN:
        return "(unknown)";
      default:
        return values.size() == 1 ? values.get(0) : values.toString();
    }
  }
}
