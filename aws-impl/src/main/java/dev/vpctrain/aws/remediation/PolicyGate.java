package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.PolicyUpdate;
import java.util.Optional;

/** What every policy-putting step does with a {@link PolicyUpdate} before it writes. */
final class PolicyGate {
  private PolicyGate() {}

  /**
   * The step's outcome when nothing is to be written (the live policy already is the planned one);
   * empty when the write should go ahead.
   *
   * @throws StepFailure when the live policy changed since the plan was made
   */
  static Optional<StepOutcome> settled(PolicyUpdate u) {
    switch (u.kind()) {
      case ALREADY_DONE:
        return Optional.of(StepOutcome.already(u.reason()));
      case CONFLICT:
        throw new StepFailure("vpctrain:ComparePolicy", "PolicyChangedSincePlan", u.reason());
      default:
        return Optional.empty();
    }
  }
}
