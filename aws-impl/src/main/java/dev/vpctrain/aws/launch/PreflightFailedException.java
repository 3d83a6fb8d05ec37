package dev.vpctrain.aws.launch;

import dev.vpctrain.core.VpcTrainException;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The launch was refused before any instance was requested: the preflight found problems the
 * {@link LaunchPolicy} does not allow. The message names each blocking rule id and its resources;
 * {@link #report()} is the whole report.
 */
public final class PreflightFailedException extends VpcTrainException {
  private static final long serialVersionUID = 1L;

  private final transient PreflightReport report;
  private final transient List<Finding> blockers;

  /**
   * Creates the exception for a preflight that blocks the launch.
   *
   * @param report the preflight report
   * @param blockers the blockers
   */
  public PreflightFailedException(PreflightReport report, List<Finding> blockers) {
    super(message(report, blockers));
    this.report = report;
    this.blockers = List.copyOf(blockers);
  }

  /** {@return the preflight that refused the launch: its findings say what to fix} */
  public PreflightReport report() {
    return report;
  }

  /** {@return the findings that blocked the launch} */
  public List<Finding> blockers() {
    return blockers;
  }

  /** {@return the refused preflight's verdict: NOT_READY, or UNVERIFIED when the launch policy does not accept it} */
  public Verdict verdict() {
    return report.verdict();
  }

  /** {@return the distinct rule ids of the blocking findings} */
  public List<String> ruleIds() {
    return blockers.stream().map(Finding::ruleId).distinct().collect(Collectors.toUnmodifiableList());
  }

  private static String message(PreflightReport report, List<Finding> blockers) {
    StringBuilder sb = new StringBuilder("Refusing to launch training job '").append(report.jobName())
        .append("': preflight verdict ").append(report.verdict()).append("; blocking: ");
    for (int i = 0; i < blockers.size(); i++) {
      Finding f = blockers.get(i);
      sb.append(i == 0 ? "" : "; ").append(f.ruleId()).append(' ').append(f.severity()).append(' ').append(f.outcome());
      if (!f.resources().isEmpty()) {
        sb.append(" [").append(String.join(", ", f.resources())).append(']');
      }
      sb.append(": ").append(f.message());
    }
    return sb.toString();
  }
}
