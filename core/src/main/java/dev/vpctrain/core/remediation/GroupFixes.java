package dev.vpctrain.core.remediation;

import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.remediation.Change.GroupRef;
import dev.vpctrain.core.remediation.Change.Peer;
import dev.vpctrain.core.remediation.Change.Rule;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Security-group rules of the job's own groups: HTTPS egress to the S3 prefix list, and the
 * self-referencing all-traffic rules distributed and EFA training need. Rules are only added.
 */
final class GroupFixes {
  static final String S3_EGRESS = "s3.security-group.egress";
  static final String SELF_INGRESS = "sg.self-ingress.missing";
  static final String CLUSTER_EGRESS = "sg.cluster-egress.blocked";
  static final String EFA = "sg.efa.self-traffic";

  private GroupFixes() {}

  static void plan(PlanContext p) {
    Optional<String> first = p.firstJobGroup();
    if (first.isEmpty()) {
      return;
    }
    s3Egress(p, first.get());
    cluster(p, first.get());
  }

  private static void s3Egress(PlanContext p, String group) {
    if (!p.anyFailing(S3_EGRESS)) {
      return;
    }
    Optional<String> pl = p.net.s3PrefixList().map(x -> x.prefixListId());
    if (pl.isEmpty()) {
      return; // without the prefix list id there is no exact rule to add: advice
    }
    p.add(Severity.ERROR, List.of(S3_EGRESS), "Allow HTTPS from " + group + " to the S3 prefix list " + pl.get(),
        "No job security group lets the instances reach S3 on TCP 443.",
        new Change.AuthorizeEgress(GroupRef.existing(group), Rule.tcp(443, Peer.prefixList(pl.get()))));
  }

  private static void cluster(PlanContext p, String first) {
    List<String> ingressFixes = new ArrayList<>();
    List<String> egressFixes = new ArrayList<>();
    if (p.anyFailing(SELF_INGRESS)) {
      ingressFixes.add(SELF_INGRESS);
    }
    if (p.anyFailing(CLUSTER_EGRESS)) {
      egressFixes.add(CLUSTER_EGRESS);
    }
    List<Finding> efa = p.failing(EFA);
    boolean efaError = efa.stream().anyMatch(x -> x.severity() == Severity.ERROR);
    if (efaError) {
      ingressFixes.add(EFA);
      egressFixes.add(EFA);
    }
    GroupRef g = GroupRef.existing(first);
    if (!ingressFixes.isEmpty() && !hasAllTrafficSelf(p, first, true)) {
      p.add(Severity.ERROR, ingressFixes, "Let " + first + " admit all traffic from itself",
          "The job's instances must reach each other (distributed training; EFA needs every protocol).",
          new Change.AuthorizeIngress(g, Rule.allTraffic(Peer.group(g))));
    }
    if (!egressFixes.isEmpty() && !hasAllTrafficSelf(p, first, false)) {
      p.add(Severity.ERROR, egressFixes, "Let " + first + " send all traffic to itself",
          "The job's instances must reach each other; restricted egress blocks the cluster.",
          new Change.AuthorizeEgress(g, Rule.allTraffic(Peer.group(g))));
    }
    if (efaError) {
      return;
    }
    for (Finding w : efa) {
      for (String id : w.resources()) {
        if (!id.startsWith("sg-") || p.net.securityGroup(id).isEmpty()) {
          continue;
        }
        GroupRef ref = GroupRef.existing(id);
        String why = "EFA health checks have failed when one job group lacks the all-protocol self rules.";
        if (!hasAllTrafficSelf(p, id, true)) {
          p.add(w.severity(), List.of(w.ruleId()), "Let " + id + " admit all traffic from itself (EFA)", why,
              new Change.AuthorizeIngress(ref, Rule.allTraffic(Peer.group(ref))));
        }
        if (!hasAllTrafficSelf(p, id, false)) {
          p.add(w.severity(), List.of(w.ruleId()), "Let " + id + " send all traffic to itself (EFA)", why,
              new Change.AuthorizeEgress(ref, Rule.allTraffic(Peer.group(ref))));
        }
      }
    }
  }

  static boolean hasAllTrafficSelf(PlanContext p, String groupId, boolean ingress) {
    Optional<SecurityGroup> g = p.net.securityGroup(groupId);
    if (g.isEmpty()) {
      return false;
    }
    List<Permission> perms = ingress ? g.get().ingress() : g.get().egress();
    return perms.stream().anyMatch(x -> x.isAllProtocols() && x.groupIds().contains(groupId));
  }
}
