package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import dev.vpctrain.core.internal.rules.vpc.JobVpc;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code s3.security-group.egress}: some job security group must allow outbound TCP 443 to S3 —
 * to {@code 0.0.0.0/0}, to the S3 prefix list, or to CIDRs covering its entries (or, on an S3
 * interface endpoint path, to the endpoint).
 */
public final class S3SecurityGroupEgress extends S3PathRule {
  public S3SecurityGroupEgress() {
    super("s3.security-group.egress", Severity.ERROR, "A job security group allows outbound TCP 443 to S3");
  }

  @Override
  List<Finding> evaluatePaths(RuleContext ctx) {
    List<String> groups = new ArrayList<>(new LinkedHashSet<>(ctx.job().vpc().get().securityGroups()));
    Reach reach = ReachContext.of(ctx);
    String vpcId = JobVpc.vpcId(ctx).orElse("");
    Set<Peer> peers = new LinkedHashSet<>();
    List<String> subnets = JobSubnets.evaluable(ctx);
    if (subnets.isEmpty()) {
      peers.addAll(S3Destinations.from(ctx, reach, vpcId, null, true));
    }
    for (String subnet : subnets) {
      peers.addAll(S3Destinations.from(ctx, reach, vpcId, subnet, true));
    }
    if (peers.isEmpty()) {
      return one(pass("No job subnet has an S3 path that counts (see s3.interface-endpoint.*), so no S3 egress rule "
          + "is needed yet.", groups.toArray(new String[0])));
    }
    SecurityGroupEvaluator sg = ReachContext.securityGroups(ctx);
    List<Finding> out = new ArrayList<>();
    Set<String> allowedBy = new LinkedHashSet<>();
    for (Peer peer : peers) {
      SgDecision d = sg.egress(groups, Traffic.tcp(443), peer);
      String[] resources = resources(groups, peer);
      switch (d.result()) {
        case YES:
          allowedBy.addAll(d.allowedBy());
          break;
        case NO:
          out.add(fail("None of the job's security groups (" + String.join(", ", groups) + ") allows outbound TCP 443 to "
                  + peer.description() + ": SageMaker cannot read or write the job's S3 data.",
              remediation(groups, peer), resources));
          break;
        default:
          out.add(unverified("Whether the job's security groups (" + String.join(", ", groups) + ") allow outbound TCP 443 to "
              + peer.description() + " cannot be decided: " + d.unknownReason() + ".", null, resources));
      }
    }
    if (out.isEmpty()) {
      return one(pass(String.join(", ", allowedBy) + " allow" + (allowedBy.size() == 1 ? "s" : "") + " outbound TCP 443 to S3.",
          groups.toArray(new String[0])));
    }
    return out;
  }

  private static String[] resources(List<String> groups, Peer peer) {
    List<String> r = new ArrayList<>(groups);
    peer.prefixListId().ifPresent(r::add);
    return r.toArray(new String[0]);
  }

  private static String remediation(List<String> groups, Peer peer) {
    String group = groups.isEmpty() ? "<sg-…>" : groups.get(0);
    String target;
    if (peer.prefixListId().isPresent()) {
      target = "PrefixListIds=[{PrefixListId=" + peer.prefixListId().get() + "}]";
    } else if (!peer.groupIds().isEmpty()) {
      target = "UserIdGroupPairs=[{GroupId=" + peer.groupIds().iterator().next() + "}]";
    } else {
      target = "IpRanges=[{CidrIp=0.0.0.0/0}]";
    }
    return "Allow HTTPS to " + peer.description() + " from " + group + ": aws ec2 authorize-security-group-egress --group-id " + group
        + " --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443," + target + "'";
  }
}
