package dev.vpctrain.core.internal.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The condition keys of a request. Key names are case-insensitive. Each key is present with values,
 * declared absent, or declared unknown (for example {@code aws:PrincipalOrgID}, which no snapshot
 * shows). A key the context does not mention is <b>unknown</b> by default, so that a condition on it
 * makes the decision UNKNOWN rather than silently false; {@link Builder#undeclaredKeysAbsent()} makes
 * such keys absent instead. Immutable.
 */
public final class RequestContext {
  private static final RequestContext EMPTY = builder().build();

  private final Map<String, ContextValue> values;
  private final Map<String, String> spelling;
  private final boolean undeclaredAbsent;
  private int hash;

  private RequestContext(Builder b) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
    this.spelling = Collections.unmodifiableMap(new LinkedHashMap<>(b.spelling));
    this.undeclaredAbsent = b.undeclaredAbsent;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** No key declared: every key is unknown. */
  public static RequestContext empty() {
    return EMPTY;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    b.spelling.putAll(spelling);
    b.undeclaredAbsent = undeclaredAbsent;
    return b;
  }

  /** What the context says of {@code key} (any case). */
  public ContextValue get(String key) {
    ContextValue v = values.get(lower(key));
    if (v != null) {
      return v;
    }
    return undeclaredAbsent ? ContextValue.absent() : ContextValue.unknown();
  }

  /** What the context declares of {@code lowerKey} (already lower case); null when it does not declare it. */
  ContextValue declaredLower(String lowerKey) {
    return values.get(lowerKey);
  }

  /** What undeclared keys are: absent or unknown. */
  ContextValue undeclared() {
    return undeclaredAbsent ? ContextValue.absent() : ContextValue.unknown();
  }

  /** True when {@code key} was set or declared (absent or unknown). */
  public boolean declares(String key) {
    return values.containsKey(lower(key));
  }

  /** True when keys the context does not mention are absent rather than unknown. */
  public boolean undeclaredKeysAbsent() {
    return undeclaredAbsent;
  }

  /** The declared keys (as first spelled) and what the context says of them. */
  public Map<String, ContextValue> declared() {
    Map<String, ContextValue> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(spelling.get(k), v));
    return out;
  }

  private static String lower(String key) {
    return key.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestContext && ((RequestContext) o).values.equals(values)
        && ((RequestContext) o).undeclaredAbsent == undeclaredAbsent;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Objects.hash(values, undeclaredAbsent);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return declared() + (undeclaredAbsent ? " (others absent)" : " (others unknown)");
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
      return new RequestContext(this);
    }
  }
}
