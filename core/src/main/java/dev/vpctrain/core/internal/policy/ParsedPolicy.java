package dev.vpctrain.core.internal.policy;

import java.util.Optional;

/** A policy, or the error that kept it from being parsed (with its JSON location). */
public final class ParsedPolicy {
  private final Policy policy;
  private final PolicyParseException error;

  private ParsedPolicy(Policy policy, PolicyParseException error) {
    this.policy = policy;
    this.error = error;
  }

  static ParsedPolicy of(Policy policy) {
    return new ParsedPolicy(policy, null);
  }

  static ParsedPolicy failed(PolicyParseException error) {
    return new ParsedPolicy(null, error);
  }

  public boolean isValid() {
    return policy != null;
  }

  public Optional<Policy> policy() {
    return Optional.ofNullable(policy);
  }

  /** The parse error: its message names the source, line, column and JSON path. */
  public Optional<PolicyParseException> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    return policy != null ? policy.toString() : "invalid policy: " + error.getMessage();
  }
}
