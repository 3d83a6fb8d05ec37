package dev.vpctrain.aws.diagnosis;

import dev.vpctrain.core.report.Finding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Why a training job failed: the classified {@code FailureReason} and, for network causes, the
 * failing preflight findings of the matching rule families, re-run after the failure.
 */
@Value.Immutable
abstract class AbstractFailureDiagnosis {
  /** {@return SageMaker's {@code FailureReason}, verbatim} */
  public abstract String failureReason();

  /** {@return what the failure reason says went wrong, as the classifier reads it: the cluster's own traffic, capacity, free addresses, DNS, an AWS service out of reach, the image, the training code, …} */
  public abstract FailureCategory category();

  /** {@return FAIL and UNVERIFIED findings of the category's rule families from the re-run preflight} */
  public abstract List<Finding> findings();

  /** {@return why the preflight was not re-run, or what it could not tell} */
  public abstract Optional<String> note();

  /** {@return the resources the findings name, most likely first} */
  public Set<String> likelyResources() {
    Set<String> out = new LinkedHashSet<>();
    findings().forEach(f -> out.addAll(f.resources()));
    return out;
  }

  /** {@return the diagnosis for people: cause, then one line per finding} */
  public String render() {
    StringBuilder sb = new StringBuilder("Likely cause: ").append(category().explanation());
    if (!category().ruleFamilies().isEmpty()) {
      sb.append(" (rules ").append(category().describeFamilies()).append(')');
    }
    sb.append('.');
    for (Finding f : findings()) {
      sb.append("\n  ").append(f.ruleId()).append(' ').append(f.outcome()).append(": ").append(f.message());
      f.remediation().ifPresent(r -> sb.append("\n    fix: ").append(r));
    }
    note().ifPresent(n -> sb.append("\n  ").append(n));
    return sb.toString();
  }
}
