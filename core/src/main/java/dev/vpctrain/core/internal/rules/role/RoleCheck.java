package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.internal.policy.AuthDecision;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import java.util.Objects;

/**
 * One request SageMaker makes as the job's role, as an ERROR role rule decided it: the action, the
 * resource as shown (ARN or pattern), what it is for, the request evaluated (with its context keys,
 * which {@code --simulate} passes on to IAM's simulator) and the role's decision. {@code role.policy.undecidable}
 * reads the checks of every ERROR role rule and reports those whose decision hangs on a condition key
 * whose value cannot be known ({@link #isUndecidable()}); the rule itself then neither fails nor
 * passes them, it leaves them to {@code role.policy.undecidable}.
 */
record RoleCheck(String rule, String action, String resource, String purpose, PolicyRequest request,
    AuthDecision decision) {
  RoleCheck {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decision, "decision");
  }

  /** UNKNOWN because a condition key's value cannot be known (not because a document is missing). */
  boolean isUndecidable() {
    return decision.isUnknown() && !decision.unknownKeys().isEmpty();
  }

  /** UNKNOWN because a policy document (or principal detail) is missing, with no condition key to name. */
  boolean isUncaptured() {
    return decision.isUnknown() && decision.unknownKeys().isEmpty();
  }
}
