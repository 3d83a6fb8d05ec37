package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code vpc.resource.not-found}: every job subnet and security group exists in the snapshot's account and region. */
public final class VpcResourceNotFound extends VpcRule {
  public VpcResourceNotFound() {
    super("vpc.resource.not-found", Severity.ERROR, "The job's subnets and security groups exist");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, VpcSpec vpc) {
    NetworkSnapshot net = ctx.network();
    List<String> missingSubnets = new ArrayList<>();
    List<String> missingGroups = new ArrayList<>();
    List<Finding> out = new ArrayList<>();
    if (!vpc.subnets().isEmpty()) {
      if (net.has(Section.SUBNETS)) {
        vpc.subnets().stream().filter(id -> net.subnet(id).isEmpty()).forEach(missingSubnets::add);
      } else {
        out.add(unverified("Whether the job's subnets exist is not known: " + net.unknownReason(Section.SUBNETS) + ".",
            "Capture ec2:DescribeSubnets (it needs the ec2:DescribeSubnets permission).",
            vpc.subnets().toArray(String[]::new)));
      }
    }
    if (!vpc.securityGroups().isEmpty()) {
      if (net.has(Section.SECURITY_GROUPS)) {
        vpc.securityGroups().stream().filter(id -> net.securityGroup(id).isEmpty()).forEach(missingGroups::add);
      } else {
        out.add(unverified("Whether the job's security groups exist is not known: "
                + net.unknownReason(Section.SECURITY_GROUPS) + ".",
            "Capture ec2:DescribeSecurityGroups (it needs the ec2:DescribeSecurityGroups permission).",
            vpc.securityGroups().toArray(String[]::new)));
      }
    }
    if (!missingSubnets.isEmpty() || !missingGroups.isEmpty()) {
      List<String> missing = new ArrayList<>(missingSubnets);
      missing.addAll(missingGroups);
      String where = net.accountId().map(a -> "account " + a + " in ").orElse("") + net.region();
      out.add(0, fail(describe(missingSubnets, missingGroups) + " not exist in " + where + ".",
          "Check the ids in VpcConfig against the account and region the job is launched in "
              + "(aws ec2 describe-subnets --subnet-ids …, aws ec2 describe-security-groups --group-ids …); "
              + "a job runs only in subnets and security groups of its own region.",
          missing.toArray(String[]::new)));
    }
    if (out.isEmpty()) {
      return one(pass("The job's " + vpc.subnets().size() + " subnet(s) and " + vpc.securityGroups().size()
          + " security group(s) exist in " + net.region() + "."));
    }
    return out;
  }

  private static String describe(List<String> subnets, List<String> groups) {
    StringBuilder sb = new StringBuilder();
    if (!subnets.isEmpty()) {
      sb.append(subnets.size() == 1 ? "Subnet " : "Subnets ").append(String.join(", ", subnets));
    }
    if (!groups.isEmpty()) {
      if (sb.length() > 0) {
        sb.append(" and ");
      }
      sb.append(groups.size() == 1 ? "security group " : "security groups ").append(String.join(", ", groups));
    }
    String s = sb.substring(0, 1).toUpperCase(Locale.ROOT) + sb.substring(1);
    return s + (subnets.size() + groups.size() == 1 ? " does" : " do");
  }
}
