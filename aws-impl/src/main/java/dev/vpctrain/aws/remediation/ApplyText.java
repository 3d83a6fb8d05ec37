package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.Change;
import dev.vpctrain.core.remediation.RemediationStep;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Renders an {@link ApplyResult} for people. */
final class ApplyText {
  private ApplyText() {}

  static String render(ApplyResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.dryRun() ? "Dry run of the plan for job " : "Applied the plan for job ")
        .append(r.jobName()).append(" in ").append(r.region()).append(": ").append(summary(r)).append('\n');
    if (r.dryRun()) {
      sb.append("Nothing was changed.\n");
    }
    for (StepResult s : r.results()) {
      RemediationStep step = s.step();
      sb.append("  ").append(step.number()).append(". [").append(s.status().label()).append("] ")
          .append(step.title()).append('\n');
      sb.append("     ").append(step.operation()).append(": ").append(s.detail()).append('\n');
      if (s.status() == StepStatus.FAILED) {
        sb.append("     error: ").append(s.failedOperation().orElse("")).append(' ')
            .append(s.errorCode().orElse("")).append(": ").append(s.errorMessage().orElse("")).append('\n');
      }
    }
    if (r.failure().isPresent() && !r.dryRun()) {
      sb.append("The run stopped at step ").append(r.failure().get().step().number()).append('.');
      List<StepResult> undone = r.withStatus(StepStatus.ROLLED_BACK);
      long roles = undone.stream().filter(s -> s.step().change() instanceof Change.PutRolePolicy).count();
      long rolledBack = undone.size() - roles;
      if (rolledBack > 0) {
        sb.append(' ').append(rolledBack).append(rolledBack == 1 ? " network ACL entry it had added was" : " network ACL entries it had added were")
            .append(" removed again.");
      }
      if (roles > 0) {
        sb.append(" The role's inline policy it had put was reverted.");
      }
      sb.append(" Fix the cause and apply again: steps already done are recognised and skipped.\n");
    }
    if (!r.skippedOptional().isEmpty()) {
      sb.append(r.skippedOptional().size()).append(" optional hardening step")
          .append(r.skippedOptional().size() == 1 ? " was" : "s were").append(" left out (include optional steps to run them).\n");
    }
    for (RemediationStep s : r.skippedIam()) {
      sb.append("  ").append(s.number()).append(". [skipped] ").append(s.title()).append('\n')
          .append("     ").append(s.operation()).append(": IAM changes are made only with --include-iam\n");
    }
    if (!r.advice().isEmpty()) {
      sb.append(r.advice().size()).append(" step").append(r.advice().size() == 1 ? " needs" : "s need")
          .append(" a person:\n");
      for (RemediationStep a : r.advice()) {
        sb.append("  ").append(a.number()).append(". ").append(a.title()).append('\n');
      }
    }
    return sb.toString();
  }

  private static String summary(ApplyResult r) {
    if (r.results().isEmpty()) {
      return "no change to make.";
    }
    Map<StepStatus, Integer> counts = new EnumMap<>(StepStatus.class);
    r.results().forEach(s -> counts.merge(s.status(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder();
    counts.forEach((status, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(status.label()));
    return sb.append('.').toString();
  }
}
