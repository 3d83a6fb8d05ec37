package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code vpc.dhcp.incomplete}: SageMaker requires DHCP options with {@code domain-name} and {@code domain-name-servers}. */
public final class VpcDhcpIncomplete extends VpcAttributeRule {
  private static final List<String> REQUIRED = List.of("domain-name", "domain-name-servers");

  public VpcDhcpIncomplete() {
    super("vpc.dhcp.incomplete", Severity.ERROR, "The job's VPC has DHCP options with domain-name and domain-name-servers");
  }

  @Override
  String unknownSetting(String vpcId) {
    return "The DHCP options of " + vpcId + " are not known";
  }

  @Override
  String notInSnapshot(String vpcId) {
    return "The DHCP option set of " + vpcId + " is not in the snapshot.";
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, String id, Vpc vpc) {
    if (vpc.dhcpOptionsId().isEmpty()) {
      return one(unverified(notInSnapshot(id), null, id));
    }
    String dopt = vpc.dhcpOptionsId().get();
    if (dopt.equalsIgnoreCase("default")) {
      return one(fail("VPC " + id + " has no DHCP option set (DhcpOptionsId \"default\"): SageMaker rejects it at start-up "
              + "(\"expected DHCP options to include keys domain-name-servers and domain-name\").",
          remediation(ctx, id), id));
    }
    if (!ctx.network().has(Section.DHCP_OPTIONS)) {
      return one(unverified("The contents of DHCP option set " + dopt + " of " + id + " are not known: "
          + ctx.network().unknownReason(Section.DHCP_OPTIONS) + ".", null, id, dopt));
    }
    Optional<DhcpOptions> set = ctx.network().dhcpOptionSet(dopt);
    if (set.isEmpty()) {
      return one(unverified("DHCP option set " + dopt + " of " + id + " is not in the snapshot.", null, id, dopt));
    }
    List<String> missing = new ArrayList<>();
    for (String key : REQUIRED) {
      if (!hasValue(set.get().configurations(), key)) {
        missing.add(key);
      }
    }
    if (missing.isEmpty()) {
      return one(pass("DHCP option set " + dopt + " of " + id + " has domain-name and domain-name-servers.", id, dopt));
    }
    return one(fail("DHCP option set " + dopt + " of VPC " + id + " lacks " + String.join(" and ", missing)
            + ": SageMaker rejects it at start-up (\"expected DHCP options to include keys domain-name-servers and domain-name\").",
        remediation(ctx, id), id, dopt));
  }

  private static boolean hasValue(Map<String, List<String>> conf, String key) {
    for (Map.Entry<String, List<String>> e : conf.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key) && e.getValue().stream().anyMatch(v -> !v.isBlank())) {
        return true;
      }
    }
    return false;
  }

  private static String remediation(RuleContext ctx, String vpcId) {
    String region = ctx.network().region();
    String domain = region.equals("us-east-1") ? "ec2.internal" : region + ".compute.internal";
    return "Create a complete DHCP option set and associate it with the VPC: "
        + "aws ec2 create-dhcp-options --dhcp-configurations \"Key=domain-name,Values=" + domain + "\" "
        + "\"Key=domain-name-servers,Values=AmazonProvidedDNS\" --query DhcpOptions.DhcpOptionsId --output text; "
        + "then aws ec2 associate-dhcp-options --vpc-id " + vpcId + " --dhcp-options-id <the new dopt-… id>.";
  }
}
