package dev.vpctrain.core.internal.policy;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of an {@link Authorization} for one request: ALLOW, EXPLICIT_DENY, IMPLICIT_DENY or
 * UNKNOWN, the policy and statement that decided it (or left it undecided), the condition keys whose
 * values could not be known, and one sentence saying so.
 */
public final class AuthDecision {
  private final DecisionType type;
  private final String policy;
  private final Statement statement;
  private final List<String> unknownKeys;
  private final String explanation;

  AuthDecision(DecisionType type, String policy, Statement statement, List<String> unknownKeys, String explanation) {
    this.type = type;
    this.policy = policy;
    this.statement = statement;
    this.unknownKeys = List.copyOf(unknownKeys);
    this.explanation = explanation;
  }

  public DecisionType type() {
    return type;
  }

  public boolean isAllowed() {
    return type == DecisionType.ALLOW;
  }

  public boolean isUnknown() {
    return type == DecisionType.UNKNOWN;
  }

  /** Denied for certain, explicitly or implicitly. */
  public boolean isDenied() {
    return type == DecisionType.EXPLICIT_DENY || type == DecisionType.IMPLICIT_DENY;
  }

  /** The name of the deciding policy (the Deny's, the Allow's, the undecidable one's); empty for an implicit deny. */
  public Optional<String> policy() {
    return Optional.ofNullable(policy);
  }

  /** The deciding statement, when one statement decided. */
  public Optional<Statement> statement() {
    return Optional.ofNullable(statement);
  }

  /** For UNKNOWN: the condition keys (as written) whose values could not be known; may be empty (an uncaptured document). */
  public List<String> unknownKeys() {
    return unknownKeys;
  }

  /** One sentence, for example {@code explicitly denied by statement "NoEni" (Statement[1]) of inline policy "Guard"}. */
  public String explanation() {
    return explanation;
  }

  /**
   * This decision made UNKNOWN, keeping its policy and statement, for a reason outside the policies
   * (for example an Allow that counts only if the resource is in the role's account, whose owner is
   * not known); {@code explanation} says why. No condition key is named.
   */
  public AuthDecision asUnknown(String explanation) {
    return new AuthDecision(DecisionType.UNKNOWN, policy, statement, List.of(), explanation);
  }

  @Override
  public String toString() {
    return type + ": " + explanation;
  }
}
