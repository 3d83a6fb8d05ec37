package dev.vpctrain.core.internal.rules.isolation;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.HostPort;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code isolation.conflict}: with {@code EnableNetworkIsolation} the container makes no outbound
 * calls, so a job that needs AWS services or internet destinations cannot work.
 */
public final class IsolationConflict extends BaseRule {
  public IsolationConflict() {
    super("isolation.conflict", Severity.ERROR,
        "A network-isolated job does not need AWS services or internet destinations");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<String> needs = new ArrayList<>();
    for (AwsService s : ctx.job().requiredServices()) {
      needs.add(s.endpointName());
    }
    for (HostPort h : ctx.job().requiredInternet()) {
      needs.add(h.toString());
    }
    if (!ctx.job().enableNetworkIsolation()) {
      return one(pass("Network isolation is off: the training container may make outbound calls."));
    }
    if (needs.isEmpty()) {
      return one(pass("The job is network-isolated and needs no AWS service or internet destination beyond its S3 data."));
    }
    return one(fail("Job " + ctx.job().name() + " sets EnableNetworkIsolation, yet its training code needs "
            + String.join(", ", needs) + ": an isolated container makes no outbound calls, so these calls will fail.",
        "Either set \"EnableNetworkIsolation\": false in the CreateTrainingJob request (and give the VPC interface "
            + "endpoints or a NAT path for these destinations), or remove the code's need for them.",
        ctx.job().name()));
  }
}
