package dev.vpctrain.aws.remediation;

import java.util.List;

/** The outcome of one successful (or dry-run) step, before it becomes a {@link StepResult}. */
record StepOutcome(StepStatus status, String detail, List<String> createdIds) {
  StepOutcome {
    createdIds = List.copyOf(createdIds);
  }

  static StepOutcome done(String detail, String... created) {
    return new StepOutcome(StepStatus.DONE, detail, List.of(created));
  }

  static StepOutcome already(String detail) {
    return new StepOutcome(StepStatus.ALREADY_DONE, detail, List.of());
  }

  static StepOutcome wouldSucceed(String detail) {
    return new StepOutcome(StepStatus.WOULD_SUCCEED, detail, List.of());
  }

  static StepOutcome wouldRun(String detail) {
    return new StepOutcome(StepStatus.WOULD_RUN, detail, List.of());
  }
}
