package dev.vpctrain.core.report;

/**
 * The report's verdict: NOT_READY if any ERROR fails, else UNVERIFIED if any ERROR is undecided and
 * not accepted by the user, else READY.
 */
public enum Verdict {
  /** Every ERROR check passed (accepted UNVERIFIED findings aside). */
  READY,
  /** An ERROR check failed (with {@code --fail-on warning}, a WARNING too): the job would fail. */
  NOT_READY,
  /** No ERROR check failed, but at least one could not be decided. */
  UNVERIFIED
}
