package dev.vpctrain.core.internal.policy;

import java.util.Objects;

/**
 * The action or resource of a request: one exact name, or every name that starts with a prefix
 * (every object under an S3 key prefix, every action of a service).
 */
public final class Target {
  private final String value;
  private final boolean prefix;

  private Target(String value, boolean prefix) {
    this.value = Objects.requireNonNull(value);
    this.prefix = prefix;
  }

  /** Exactly {@code name}, for example {@code s3:GetObject} or {@code arn:aws:s3:::bucket}. */
  public static Target exact(String name) {
    return new Target(name, false);
  }

  /** Every name that starts with {@code prefix}, for example {@code arn:aws:s3:::bucket/data/}. */
  public static Target startingWith(String prefix) {
    return new Target(prefix, true);
  }

  /** Every name. */
  public static Target any() {
    return new Target("", true);
  }

  /** The name, or the prefix. */
  public String value() {
    return value;
  }

  public boolean isPrefix() {
    return prefix;
  }

  /** Whether {@code glob} matches this target for every name ({@code all}) or for some name. */
  boolean matchedBy(Glob glob, boolean all) {
    if (!prefix) {
      return glob.matches(value);
    }
    return all ? glob.matchesAll(value) : glob.matchesSome(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Target && ((Target) o).value.equals(value) && ((Target) o).prefix == prefix;
  }

  @Override
  public int hashCode() {
    return value.hashCode() * 31 + (prefix ? 1 : 0);
  }

  @Override
  public String toString() {
    return prefix ? value + "*" : value;
  }
}
