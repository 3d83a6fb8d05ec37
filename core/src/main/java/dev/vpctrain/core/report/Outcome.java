package dev.vpctrain.core.report;

/** The three-valued result of one check. */
public enum Outcome {
  PASS,
  FAIL,
  /** The inputs needed to decide are missing or beyond the model. */
  UNVERIFIED
}
