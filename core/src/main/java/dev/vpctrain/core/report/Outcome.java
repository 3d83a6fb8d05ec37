package dev.vpctrain.core.report;

/** The three-valued result of one check. */
public enum Outcome {
  /** The check holds. */
  PASS,
  /** The check does not hold: what AWS would refuse or fail. */
  FAIL,
  /** The inputs needed to decide are missing or beyond the model. */
  UNVERIFIED
}
