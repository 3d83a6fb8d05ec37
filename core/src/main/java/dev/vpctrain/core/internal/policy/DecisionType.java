package dev.vpctrain.core.internal.policy;

/** The outcome of evaluating one policy for one request. */
public enum DecisionType {
  /** An Allow statement applies and no Deny statement does. */
  ALLOW,
  /** A Deny statement applies. */
  EXPLICIT_DENY,
  /** No statement applies: the policy does not allow the request. */
  IMPLICIT_DENY,
  /** The outcome depends on a condition key (or a principal detail) whose value cannot be known. */
  UNKNOWN
}
