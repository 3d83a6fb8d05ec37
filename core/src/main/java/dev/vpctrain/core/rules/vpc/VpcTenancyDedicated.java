package dev.vpctrain.core.rules.vpc;

import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;

/** {@code vpc.tenancy.dedicated}: training jobs run only in default-tenancy VPCs. */
public final class VpcTenancyDedicated extends BaseRule {
  public VpcTenancyDedicated() {
    super("vpc.tenancy.dedicated", Severity.ERROR, "The job's VPC has default instance tenancy");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    Optional<String> vpcId = JobVpc.vpcId(ctx);
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC."));
    }
    if (vpcId.isEmpty()) {
      return one(unverified("The job's VPC is not known: " + JobVpc.whyUnknown(ctx) + ".", null));
    }
    if (!ctx.network().has(Section.VPCS)) {
      return one(unverified("The tenancy of " + vpcId.get() + " is not known: "
          + ctx.network().unknownReason(Section.VPCS) + ".", null, vpcId.get()));
    }
    Optional<Vpc> vpc = ctx.network().vpc(vpcId.get());
    if (vpc.isEmpty() || vpc.get().instanceTenancy().isEmpty()) {
      return one(unverified("The tenancy of " + vpcId.get() + " is not in the snapshot.", null, vpcId.get()));
    }
    String tenancy = vpc.get().instanceTenancy().get();
    if (tenancy.equalsIgnoreCase("default")) {
      return one(pass("VPC " + vpcId.get() + " has default tenancy.", vpcId.get()));
    }
    return one(fail(
        "VPC " + vpcId.get() + " has " + tenancy + " instance tenancy; SageMaker training jobs run only in VPCs of default tenancy.",
        "Run the job in subnets of a default-tenancy VPC, or change the VPC's tenancy: "
            + "aws ec2 modify-vpc-tenancy --vpc-id " + vpcId.get() + " --instance-tenancy default "
            + "(possible from dedicated to default only).",
        vpcId.get()));
  }
}
