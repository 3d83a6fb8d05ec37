package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/** {@code vpc.tenancy.dedicated}: training jobs run only in default-tenancy VPCs. */
public final class VpcTenancyDedicated extends VpcAttributeRule {
  public VpcTenancyDedicated() {
    super("vpc.tenancy.dedicated", Severity.ERROR, "The job's VPC has default instance tenancy");
  }

  @Override
  String unknownSetting(String vpcId) {
    return "The tenancy of " + vpcId + " is not known";
  }

  @Override
  String notInSnapshot(String vpcId) {
    return "The tenancy of " + vpcId + " is not in the snapshot.";
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, String vpcId, Vpc vpc) {
    if (vpc.instanceTenancy().isEmpty()) {
      return one(unverified(notInSnapshot(vpcId), null, vpcId));
    }
    String tenancy = vpc.instanceTenancy().get();
    if (tenancy.equalsIgnoreCase("default")) {
      return one(pass("VPC " + vpcId + " has default tenancy.", vpcId));
    }
    return one(fail(
        "VPC " + vpcId + " has " + tenancy + " instance tenancy; SageMaker training jobs run only in VPCs of default tenancy.",
        "Run the job in subnets of a default-tenancy VPC, or change the VPC's tenancy: "
            + "aws ec2 modify-vpc-tenancy --vpc-id " + vpcId + " --instance-tenancy default "
            + "(possible from dedicated to default only).",
        vpcId));
  }
}
