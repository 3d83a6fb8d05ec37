package dev.vpctrain.core.internal.policy;

/**
 * What a decision over a request whose action or resource is a set ({@link Target#startingWith})
 * speaks for.
 */
public enum Coverage {
  /**
   * Every member of the set (the default, for a job that needs all its objects): ALLOW only when an
   * Allow statement covers the whole set; EXPLICIT_DENY when a Deny statement touches any member.
   */
  EVERY,
  /**
   * Some member of the set (for exposure questions such as "can anything be fetched from this
   * bucket?"): ALLOW when an Allow statement touches any member not covered by a Deny; EXPLICIT_DENY
   * only when a Deny statement covers the whole set.
   */
  ANY
}
