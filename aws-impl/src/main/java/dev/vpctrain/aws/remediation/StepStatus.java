package dev.vpctrain.aws.remediation;

/** What happened to one step of a plan. */
public enum StepStatus {
  /** The change was made. */
  DONE("done"),
  /** The change was already in place (an equal rule, association, attribute or policy). */
  ALREADY_DONE("already done"),
  /** Dry run: EC2 answered {@code DryRunOperation}, the call would succeed. */
  WOULD_SUCCEED("would succeed"),
  /** Dry run: the call would be made; the API has no dry run, or it depends on an earlier step. */
  WOULD_RUN("would run"),
  /** The call failed; see the operation and AWS error code. */
  FAILED("FAILED"),
  /** Done, then undone because a later step failed (network-ACL entries: nothing is left half-applied). */
  ROLLED_BACK("rolled back"),
  /** Not started because an earlier step failed. */
  NOT_STARTED("not started");

  private final String label;

  StepStatus(String label) {
    this.label = label;
  }

  /**
   * For text output: {@code done}, {@code already done}, {@code FAILED}…
   *
   * @return the word the text output shows
   */
  public String label() {
    return label;
  }

  /** {@return true when the step's change is in place after this run} */
  public boolean isInPlace() {
    return this == DONE || this == ALREADY_DONE;
  }
}
