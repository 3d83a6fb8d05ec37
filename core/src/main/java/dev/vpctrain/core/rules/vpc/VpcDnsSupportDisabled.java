package dev.vpctrain.core.rules.vpc;

import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;

/** {@code vpc.dns.support-disabled}: without {@code enableDnsSupport} S3 and AWS service hostnames do not resolve. */
public final class VpcDnsSupportDisabled extends BaseRule {
  public VpcDnsSupportDisabled() {
    super("vpc.dns.support-disabled", Severity.ERROR, "The job's VPC has DNS resolution (enableDnsSupport) turned on");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC."));
    }
    Optional<String> vpcId = JobVpc.vpcId(ctx);
    if (vpcId.isEmpty()) {
      return one(unverified("The job's VPC is not known: " + JobVpc.whyUnknown(ctx) + ".", null));
    }
    String id = vpcId.get();
    if (!ctx.network().has(Section.VPCS)) {
      return one(unverified("Whether " + id + " resolves DNS is not known: " + ctx.network().unknownReason(Section.VPCS) + ".", null, id));
    }
    Optional<Vpc> vpc = ctx.network().vpc(id);
    if (vpc.isEmpty()) {
      return one(unverified("VPC " + id + " is not in the snapshot, so its DNS settings are unknown.", null, id));
    }
    if (vpc.get().enableDnsSupport().isEmpty()) {
      return one(unverified("The enableDnsSupport attribute of " + id + " is not known: "
          + ctx.network().unknownReason(Section.VPC_ATTRIBUTES) + ".",
          "Capture it with: aws ec2 describe-vpc-attribute --vpc-id " + id + " --attribute enableDnsSupport", id));
    }
    if (vpc.get().enableDnsSupport().get()) {
      return one(pass("VPC " + id + " has DNS resolution (enableDnsSupport) on.", id));
    }
    return one(fail("VPC " + id + " has enableDnsSupport turned off: the Amazon-provided DNS server does not answer in it, "
            + "so S3 and AWS service hostnames do not resolve and the job cannot read its data.",
        "Turn DNS resolution on: aws ec2 modify-vpc-attribute --vpc-id " + id + " --enable-dns-support \"{\\\"Value\\\":true}\" "
            + "(console: VPC > Your VPCs > " + id + " > Actions > Edit VPC settings > Enable DNS resolution).",
        id));
  }
}
