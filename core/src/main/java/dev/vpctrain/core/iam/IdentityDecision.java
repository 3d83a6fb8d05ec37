package dev.vpctrain.core.iam;

/** vpctrain's identity-side decision of a {@link RoleRequest}. */
public enum IdentityDecision {
  /** The role's policies allow the request. */
  ALLOW,
  /** The request is refused: an explicit deny, or no allow. */
  DENY,
  /** A document or a condition value is unknown: no disagreement with the simulator is possible. */
  UNKNOWN
}
