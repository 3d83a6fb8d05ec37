package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code vpc.mixed}: the job's subnets and security groups all belong to one VPC. */
public final class VpcMixed extends VpcRule {
  public VpcMixed() {
    super("vpc.mixed", Severity.ERROR, "The job's subnets and security groups are in one VPC");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, VpcSpec vpc) {
    NetworkSnapshot net = ctx.network();
    Map<String, List<String>> byVpc = new LinkedHashMap<>();
    int notFound = 0;
    for (String id : vpc.subnets()) {
      if (net.subnet(id).isPresent()) {
        byVpc.computeIfAbsent(net.subnet(id).get().vpcId(), k -> new ArrayList<>()).add(id);
      } else {
        notFound++;
      }
    }
    for (String id : vpc.securityGroups()) {
      if (net.securityGroup(id).isPresent()) {
        byVpc.computeIfAbsent(net.securityGroup(id).get().vpcId(), k -> new ArrayList<>()).add(id);
      } else {
        notFound++;
      }
    }
    if (byVpc.size() > 1) {
      List<String> resources = new ArrayList<>();
      List<String> parts = new ArrayList<>();
      byVpc.forEach((vpcId, ids) -> {
        resources.addAll(ids);
        parts.add(vpcId + " (" + String.join(", ", ids) + ")");
      });
      resources.addAll(byVpc.keySet());
      return one(fail("The job's subnets and security groups belong to " + byVpc.size() + " VPCs: "
              + String.join("; ", parts) + ". A job's network interfaces live in one VPC.",
          "Choose one VPC and list only its subnets and security groups in VpcConfig "
              + "(security groups of another VPC cannot be attached to the job's network interfaces).",
          resources.toArray(String[]::new)));
    }
    boolean subnetsUnknown = !vpc.subnets().isEmpty() && !net.has(Section.SUBNETS);
    boolean groupsUnknown = !vpc.securityGroups().isEmpty() && !net.has(Section.SECURITY_GROUPS);
    if (subnetsUnknown || groupsUnknown) {
      Section s = subnetsUnknown ? Section.SUBNETS : Section.SECURITY_GROUPS;
      return one(unverified("Whether the job's subnets and security groups share one VPC is not known: "
          + net.unknownReason(s) + ".", null));
    }
    if (byVpc.isEmpty()) {
      return one(pass("None of the job's subnets and security groups is in the snapshot "
          + "(vpc.resource.not-found reports them)."));
    }
    String only = byVpc.keySet().iterator().next();
    return one(pass("The job's subnets and security groups all belong to " + only
        + (notFound > 0 ? " (" + notFound + " not in the snapshot: vpc.resource.not-found reports them)." : "."),
        only));
  }
}
