package dev.vpctrain.core.internal.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * One policy taking part in an {@link Authorization}: its name for messages ({@code inline policy
 * "S3Read" of role Train}, {@code arn:aws:iam::aws:policy/AmazonSageMakerFullAccess}) and its
 * document, or why the document is unknown (a managed policy attached but not captured).
 */
public final class PolicySource {
  private final String name;
  private final Policy policy;
  private final String unknownReason;

  private PolicySource(String name, Policy policy, String unknownReason) {
    this.name = Objects.requireNonNull(name, "name");
    this.policy = policy;
    this.unknownReason = unknownReason;
  }

  /** A policy whose document is known. */
  public static PolicySource of(String name, Policy policy) {
    return new PolicySource(name, Objects.requireNonNull(policy, "policy"), null);
  }

  /** A policy that applies but whose document is unknown, {@code reason} saying why. */
  public static PolicySource unknown(String name, String reason) {
    return new PolicySource(name, null, Objects.requireNonNull(reason, "reason"));
  }

  public String name() {
    return name;
  }

  /** The document; empty when unknown. */
  public Optional<Policy> policy() {
    return Optional.ofNullable(policy);
  }

  /** Why the document is unknown; empty when it is known. */
  public Optional<String> unknownReason() {
    return Optional.ofNullable(unknownReason);
  }

  @Override
  public String toString() {
    return name + (policy == null ? " (document unknown: " + unknownReason + ")" : "");
  }
}
