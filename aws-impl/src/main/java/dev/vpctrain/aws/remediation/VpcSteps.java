package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.Change;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/** VPC attribute changes: {@code enableDnsSupport} and {@code enableDnsHostnames}, one per call as the API requires. */
final class VpcSteps {
  private VpcSteps() {}

  static StepOutcome enableAttribute(ApplyContext ctx, Change.EnableVpcAttribute c) {
    boolean support = c.attribute() == Change.VpcAttribute.ENABLE_DNS_SUPPORT;
    String name = c.attribute().apiName();
    if (ctx.lookups.vpcAttribute(c.vpcId(), support ? VpcAttributeName.ENABLE_DNS_SUPPORT : VpcAttributeName.ENABLE_DNS_HOSTNAMES)) {
      return StepOutcome.already(name + " of " + c.vpcId() + " is already on");
    }
    if (ctx.dryRun) {
      return StepOutcome.wouldRun("would turn on " + name + " of " + c.vpcId() + " (ModifyVpcAttribute has no dry run)");
    }
    AttributeBooleanValue on = AttributeBooleanValue.builder().value(true).build();
    AwsCalls.write("ec2:ModifyVpcAttribute", Set.of(), () -> ctx.ec2.modifyVpcAttribute(b -> {
      b.vpcId(c.vpcId());
      if (support) {
        b.enableDnsSupport(on);
      } else {
        b.enableDnsHostnames(on);
      }
    }));
    return StepOutcome.done(name + " of " + c.vpcId() + " turned on");
  }
}
