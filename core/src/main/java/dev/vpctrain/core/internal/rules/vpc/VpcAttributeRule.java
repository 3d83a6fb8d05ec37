package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * A rule about a setting of the job's VPC itself (DHCP options, DNS support, tenancy): UNVERIFIED
 * while the VPC ({@link JobVpc}), the {@code DescribeVpcs} output or the VPC in it is unknown.
 */
abstract class VpcAttributeRule extends VpcRule {
  VpcAttributeRule(String id, Severity severity, String title) {
    super(id, severity, title);
  }

  /** "The tenancy of vpc-1 is not known": what the rule cannot tell when {@code DescribeVpcs} was not captured. */
  abstract String unknownSetting(String vpcId);

  /** The sentence when {@code vpcId} is not in the snapshot. */
  abstract String notInSnapshot(String vpcId);

  /** Judges the VPC {@code vpc} of id {@code vpcId}. */
  abstract List<Finding> evaluate(RuleContext ctx, String vpcId, Vpc vpc);

  @Override
  final List<Finding> evaluate(RuleContext ctx, VpcSpec spec) {
    Optional<String> vpcId = JobVpc.vpcId(ctx);
    if (vpcId.isEmpty()) {
      return one(unverified("The job's VPC is not known: " + JobVpc.whyUnknown(ctx) + ".", null));
    }
    String id = vpcId.get();
    if (!ctx.network().has(Section.VPCS)) {
      return one(unverified(unknownSetting(id) + ": " + ctx.network().unknownReason(Section.VPCS) + ".", null, id));
    }
    Optional<Vpc> vpc = ctx.network().vpc(id);
    if (vpc.isEmpty()) {
      return one(unverified(notInSnapshot(id), null, id));
    }
    return evaluate(ctx, id, vpc.get());
  }
}
