package dev.vpctrain.core.report;

import java.util.List;

final class ReportFixtures {
  private ReportFixtures() {}

  static Finding finding(String rule, Severity severity, Outcome outcome, String... resources) {
    Finding.Builder b = Finding.builder().ruleId(rule).severity(severity).outcome(outcome)
        .message(rule + " " + outcome + " on " + String.join(",", resources)).resources(List.of(resources));
    if (outcome != Outcome.PASS) {
      b.remediation("fix " + rule);
    }
    return b.build();
  }

  static PreflightReport report(Finding... findings) {
    return PreflightReport.of("job-1", "us-east-1", List.of(findings), findings.length);
  }
}
