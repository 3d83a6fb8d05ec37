package dev.vpctrain.core.iam;

/** vpctrain's identity-side decision of a {@link RoleRequest}. */
public enum IdentityDecision {
  ALLOW,
  DENY,
  /** A document or a condition value is unknown: no disagreement with the simulator is possible. */
  UNKNOWN
}
