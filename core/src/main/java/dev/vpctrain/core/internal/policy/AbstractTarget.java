package dev.vpctrain.core.internal.policy;

import org.immutables.value.Value;

/**
 * The action or resource of a request: one exact name, or every name that starts with a prefix
 * (every object under an S3 key prefix, every action of a service).
 */
@Value.Immutable
abstract class AbstractTarget {
  /** The name, or the prefix. */
  @Value.Parameter
  public abstract String value();

  @Value.Parameter
  public abstract boolean isPrefix();

  /** Exactly {@code name}, for example {@code s3:GetObject} or {@code arn:aws:s3:::bucket}. */
  public static Target exact(String name) {
    return Target.of(name, false);
  }

  /** Every name that starts with {@code prefix}, for example {@code arn:aws:s3:::bucket/data/}. */
  public static Target startingWith(String prefix) {
    return Target.of(prefix, true);
  }

  /** Every name. */
  public static Target any() {
    return Target.of("", true);
  }

  /** The lower-case service prefix of an action name ({@code ec2} of {@code ec2:CreateNetworkInterface}); empty when none. */
  @Value.Lazy
  String service() {
    int colon = value().indexOf(':');
    return colon < 0 ? "" : value().substring(0, colon).toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether {@code glob} matches this target for every name ({@code all}) or for some name. */
  boolean matchedBy(Glob glob, boolean all) {
    if (!isPrefix()) {
      return glob.matches(value());
    }
    return all ? glob.matchesAll(value()) : glob.matchesSome(value());
  }

  @Override
  public String toString() {
    return isPrefix() ? value() + "*" : value();
  }
}
