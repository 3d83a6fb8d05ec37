package dev.vpctrain.core.internal.policy;

import java.util.List;
import org.immutables.value.Value;

/** What a request context says of one key: its values, that it is absent, or that it cannot be known. */
@Value.Immutable
abstract class AbstractContextValue {
  /** Whether the key is in the request, not in it, or cannot be known. */
  enum State { PRESENT, ABSENT, UNKNOWN }

  @Value.Parameter
  abstract State state();

  /** The values when present; empty otherwise. */
  @Value.Parameter
  public abstract List<String> values();

  /** The key is in the request with these values (one for single-valued keys). */
  public static ContextValue of(String... values) {
    return ContextValue.of(State.PRESENT, List.of(values));
  }

  /** The key is in the request with these values (one for single-valued keys). */
  public static ContextValue of(List<String> values) {
    return ContextValue.of(State.PRESENT, values);
  }

  /** The key is not in the request. */
  public static ContextValue absent() {
    return Shared.ABSENT;
  }

  /** The key's presence and value cannot be known. */
  public static ContextValue unknown() {
    return Shared.UNKNOWN;
  }

  public boolean isPresent() {
    return state() == State.PRESENT;
  }

  public boolean isAbsent() {
    return state() == State.ABSENT;
  }

  public boolean isUnknown() {
    return state() == State.UNKNOWN;
  }

  @Override
  public String toString() {
    switch (state()) {
      case ABSENT:
        return "(absent)";
      case UNKNOWN:
        return "(unknown)";
      default:
        return values().size() == 1 ? values().get(0) : values().toString();
    }
  }

  /** The two value-less instances (in a holder: a superclass must not initialise its subclass). */
  private static final class Shared {
    static final ContextValue ABSENT = ContextValue.of(State.ABSENT, List.of());
    static final ContextValue UNKNOWN = ContextValue.of(State.UNKNOWN, List.of());
  }
}
