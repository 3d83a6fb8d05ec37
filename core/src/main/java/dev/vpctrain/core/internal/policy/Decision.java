package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one policy for one request, with the statement that decided it and, when UNKNOWN,
 * the context keys whose values could not be known.
 */
public final class Decision {
  private final DecisionType type;
  private final Statement statement;
  private final List<String> unknownKeys;
  private final Tri explicitDeny;
  private final Tri allow;

  Decision(DecisionType type, Statement statement, List<String> unknownKeys, Tri explicitDeny, Tri allow) {
    this.type = type;
    this.statement = statement;
    this.unknownKeys = List.copyOf(unknownKeys);
    this.explicitDeny = explicitDeny;
    this.allow = allow;
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

  /**
   * The deciding statement: the Deny that applies (EXPLICIT_DENY), the Allow that applies (ALLOW),
   * the first statement whose application is unknown and matters (UNKNOWN); empty for IMPLICIT_DENY.
   * The first in document order when several qualify.
   */
  public Optional<Statement> statement() {
    return Optional.ofNullable(statement);
  }

  /**
   * For UNKNOWN: the keys (as written in the policy) that left {@link #statement()} undecided; a
   * principal that depends on the undisclosed role session name shows as
   * {@code Principal (role session name)}, one with a wildcard inside an ARN (which IAM does not
   * support) as {@code Principal (wildcard inside an ARN, not supported by IAM)}.
   */
  public List<String> unknownKeys() {
    return unknownKeys;
  }

  /**
   * Whether a Deny statement applies: TRUE (EXPLICIT_DENY), UNKNOWN (a Deny may apply: the decision
   * is then UNKNOWN and {@link #statement()} is that Deny), or FALSE. This is what matters for a
   * resource policy such as a bucket policy, which can block but need not allow.
   */
  public Tri explicitDeny() {
    return explicitDeny;
  }

  /**
   * Whether an Allow statement applies, whatever the Deny statements say: TRUE, UNKNOWN or FALSE.
   * What a policy contributes when several policies decide together (identity policies, a
   * permissions boundary and a resource policy: {@link Authorization}).
   */
  public Tri allow() {
    return allow;
  }

  /** One sentence: "explicitly denied by statement "DenyOther" (Statement[1])". */
  public String explanation() {
    switch (type) {
      case ALLOW:
        return "allowed by " + statement.label();
      case EXPLICIT_DENY:
        return "explicitly denied by " + statement.label();
      case IMPLICIT_DENY:
        return "not allowed: no statement allows it";
      default:
        return "undecidable: " + statement.label() + " (" + statement.effect().apiName() + ") depends on "
            + String.join(", ", unknownKeys) + ", whose value cannot be known";
    }
  }

  @Override
  public String toString() {
    return type + ": " + explanation();
  }
}
