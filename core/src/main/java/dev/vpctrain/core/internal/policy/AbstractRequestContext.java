package dev.vpctrain.core.internal.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * The condition keys of a request. Key names are case-insensitive. Each key is present with values,
 * declared absent, or declared unknown (for example {@code aws:PrincipalOrgID}, which no snapshot
 * shows). A key the context does not mention is <b>unknown</b> by default, so that a condition on it
 * makes the decision UNKNOWN rather than silently false; {@link Builder#undeclaredKeysAbsent()} makes
 * such keys absent instead. Immutable; equal when the same keys (in any spelling) say the same.
 * Public (unlike most {@code Abstract*} types) so that {@code RequestContext.Builder}, written by
 * hand because {@link Builder#putIfUndeclared} reads what was put before, is visible; use
 * {@link RequestContext}.
 */
@Value.Immutable(builder = false, prehash = true)
public abstract class AbstractRequestContext {
  AbstractRequestContext() {}

  /** The declared keys, in lower case, and what the context says of them. */
  @Value.Parameter
  public abstract Map<String, ContextValue> declaredLowerCase();

  /** The first spelling of each declared key, by lower-case key (not part of equality). */
  @Value.Parameter
  @Value.Auxiliary
  public abstract Map<String, String> spelling();

  /** True when keys the context does not mention are absent rather than unknown. */
  @Value.Parameter
  public abstract boolean undeclaredKeysAbsent();

  public static Builder builder() {
    return new Builder();
  }

  /** No key declared: every key is unknown. */
  public static RequestContext empty() {
    return Shared.EMPTY;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(declaredLowerCase());
    b.spelling.putAll(spelling());
    b.undeclaredAbsent = undeclaredKeysAbsent();
    return b;
  }

  /** What the context says of {@code key} (any case). */
  public ContextValue get(String key) {
    ContextValue v = declaredLowerCase().get(lower(key));
    return v != null ? v : undeclared();
  }

  /** What the context declares of {@code lowerKey} (already lower case); null when it does not declare it. */
  ContextValue declaredLower(String lowerKey) {
    return declaredLowerCase().get(lowerKey);
  }

  /** What undeclared keys are: absent or unknown. */
  ContextValue undeclared() {
    return undeclaredKeysAbsent() ? ContextValue.absent() : ContextValue.unknown();
  }

  /** True when {@code key} was set or declared (absent or unknown). */
  public boolean declares(String key) {
    return declaredLowerCase().containsKey(lower(key));
  }

  /** The declared keys (as first spelled) and what the context says of them. */
  public Map<String, ContextValue> declared() {
    Map<String, ContextValue> out = new LinkedHashMap<>();
    declaredLowerCase().forEach((k, v) -> out.put(spelling().get(k), v));
    return out;
  }

  private static String lower(String key) {
    return key.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return declared() + (undeclaredKeysAbsent() ? " (others absent)" : " (others unknown)");
  }

  /** Builds a {@link RequestContext}; a later call for the same key replaces the earlier. */
  public static final class Builder {
    private final Map<String, ContextValue> values = new LinkedHashMap<>();
    private final Map<String, String> spelling = new LinkedHashMap<>();
    private boolean undeclaredAbsent;

    private Builder() {}

    /** Sets {@code key} present with {@code values} (several for a multivalued key). */
    public Builder put(String key, String... values) {
      return put(key, ContextValue.of(values));
    }

    public Builder put(String key, List<String> values) {
      return put(key, ContextValue.of(values));
    }

    public Builder put(String key, ContextValue value) {
      Objects.requireNonNull(value, "value");
      String k = lower(Objects.requireNonNull(key, "key"));
      values.put(k, value);
      spelling.putIfAbsent(k, key);
      return this;
    }

    /** Declares {@code keys} absent from the request. */
    public Builder absent(String... keys) {
      for (String k : keys) {
        put(k, ContextValue.absent());
      }
      return this;
    }

    /** Declares that the values of {@code keys} cannot be known. */
    public Builder unknown(String... keys) {
      for (String k : keys) {
        put(k, ContextValue.unknown());
      }
      return this;
    }

    /** Sets {@code key} unless the builder already declares it. */
    public Builder putIfUndeclared(String key, ContextValue value) {
      if (!values.containsKey(lower(key))) {
        put(key, value);
      }
      return this;
    }

    /** Keys not declared are absent (the default treats them as unknown). */
    public Builder undeclaredKeysAbsent() {
      this.undeclaredAbsent = true;
      return this;
    }

    public Builder undeclaredKeysAbsent(boolean absent) {
      this.undeclaredAbsent = absent;
      return this;
    }

    public RequestContext build() {
      return RequestContext.of(values, spelling, undeclaredAbsent);
    }
  }

  /** The empty context (in a holder: a superclass must not initialise its subclass). */
  private static final class Shared {
    static final RequestContext EMPTY = builder().build();
  }
}
