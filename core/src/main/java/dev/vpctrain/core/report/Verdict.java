package dev.vpctrain.core.report;

/**
 * The report's verdict: NOT_READY if any ERROR fails, else UNVERIFIED if any ERROR is undecided and
 * not accepted by the user, else READY.
 */
public enum Verdict {
  READY,
  NOT_READY,
  UNVERIFIED
}
