package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/** {@code vpc.dns.support-disabled}: without {@code enableDnsSupport} S3 and AWS service hostnames do not resolve. */
public final class VpcDnsSupportDisabled extends VpcAttributeRule {
  public VpcDnsSupportDisabled() {
    super("vpc.dns.support-disabled", Severity.ERROR, "The job's VPC has DNS resolution (enableDnsSupport) turned on");
  }

  @Override
  String unknownSetting(String vpcId) {
    return "Whether " + vpcId + " resolves DNS is not known";
  }

  @Override
  String notInSnapshot(String vpcId) {
    return "VPC " + vpcId + " is not in the snapshot, so its DNS settings are unknown.";
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, String id, Vpc vpc) {
    if (vpc.enableDnsSupport().isEmpty()) {
      return one(unverified("The enableDnsSupport attribute of " + id + " is not known: "
          + ctx.network().unknownReason(Section.VPC_ATTRIBUTES) + ".",
          "Capture it with: aws ec2 describe-vpc-attribute --vpc-id " + id + " --attribute enableDnsSupport", id));
    }
    if (vpc.enableDnsSupport().get()) {
      return one(pass("VPC " + id + " has DNS resolution (enableDnsSupport) on.", id));
    }
    return one(fail("VPC " + id + " has enableDnsSupport turned off: the Amazon-provided DNS server does not answer in it, "
            + "so S3 and AWS service hostnames do not resolve and the job cannot read its data.",
        "Turn DNS resolution on: aws ec2 modify-vpc-attribute --vpc-id " + id + " --enable-dns-support \"{\\\"Value\\\":true}\" "
            + "(console: VPC > Your VPCs > " + id + " > Actions > Edit VPC settings > Enable DNS resolution).",
        id));
  }
}
