package dev.vpctrain.core.remediation;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.internal.rules.target.ResolvedTarget;
import dev.vpctrain.core.internal.rules.target.TargetChecks;
import dev.vpctrain.core.internal.rules.target.TargetEndpoint;
import dev.vpctrain.core.internal.rules.target.VpcTargets;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.remediation.Change.GroupRef;
import dev.vpctrain.core.remediation.Change.Peer;
import dev.vpctrain.core.remediation.Change.Rule;
import dev.vpctrain.core.report.Finding;
import java.util.List;
import java.util.Optional;

/**
 * Security-group rules for declared in-VPC targets: the target's group admits the target's
 * protocol and ports from the job's group ({@code target.security-group.ingress}), and the job's
 * group lets them out to the target's group, else to its address ({@code target.security-group.egress}).
 * Only groups of the job's VPC are changed; rules are only added, never one that already exists.
 * Each failing finding is checked again, endpoint by endpoint, so only what fails gets a rule.
 */
final class TargetFixes {
  static final String INGRESS = "target.security-group.ingress";
  static final String EGRESS = "target.security-group.egress";

  private TargetFixes() {}

  static void plan(PlanContext p) {
    Optional<String> jobGroup = p.firstJobGroup();
    if (jobGroup.isEmpty()) {
      return;
    }
    for (Finding f : p.failing(INGRESS)) {
      target(p, f).ifPresent(t -> ingress(p, f, t, jobGroup.get()));
    }
    for (Finding f : p.failing(EGRESS)) {
      target(p, f).ifPresent(t -> egress(p, f, t, jobGroup.get()));
    }
  }

  /** The declared target a finding names (its resources hold the target's name). */
  private static Optional<ResolvedTarget> target(PlanContext p, Finding f) {
    return VpcTargets.of(p.rules).stream().filter(t -> f.resources().contains(t.name())).findFirst();
  }

  private static void ingress(PlanContext p, Finding f, ResolvedTarget t, String jobGroup) {
    String subnet = f.resources().get(0);
    Traffic traffic = t.traffic();
    for (TargetEndpoint e : t.endpoints()) {
      if (!e.admitting() || e.networkInterface().isEmpty()) {
        continue;
      }
      TargetChecks.Check c = TargetChecks.ingress(p.rules, subnet, e, traffic, TargetChecks.route(p.rules, subnet, e, traffic));
      Optional<String> group = TargetChecks.referenceable(p.rules, e);
      if (c.result() != Tri.NO || group.isEmpty()) {
        continue; // decided elsewhere, or a group of another VPC: the finding's advice stays
      }
      Rule rule = rule(traffic, Peer.group(GroupRef.existing(jobGroup)));
      if (exists(p, group.get(), true, rule)) {
        continue;
      }
      p.add(f.severity(), List.of(INGRESS), "Let " + group.get() + " admit " + rule.describe("from") + " (target "
              + t.name() + ")",
          "Declared target " + t.describe() + " must admit the job's instances; the rule references the job's group, "
              + "so it holds whatever addresses the instances get.",
          new Change.AuthorizeIngress(GroupRef.existing(group.get()), rule));
    }
  }

  private static void egress(PlanContext p, Finding f, ResolvedTarget t, String jobGroup) {
    Traffic traffic = t.traffic();
    for (TargetEndpoint e : t.endpoints()) {
      if (!e.routed() || TargetChecks.egress(p.rules, e, traffic).result() != Tri.NO) {
        continue;
      }
      Peer peer = TargetChecks.referenceable(p.rules, e).map(g -> Peer.group(GroupRef.existing(g)))
          .orElseGet(() -> Peer.cidr(e.cidr()));
      Rule rule = rule(traffic, peer);
      if (exists(p, jobGroup, false, rule)) {
        continue;
      }
      p.add(f.severity(), List.of(EGRESS), "Let " + jobGroup + " send " + rule.describe("to") + " (target " + t.name() + ")",
          "The job's security groups let no traffic out to declared target " + t.describe() + ".",
          new Change.AuthorizeEgress(GroupRef.existing(jobGroup), rule));
    }
  }

  private static Rule rule(Traffic traffic, Peer peer) {
    return new Rule(traffic.protocol() == Traffic.UDP ? "udp" : "tcp", Optional.of(traffic.fromPort()),
        Optional.of(traffic.toPort()), peer);
  }

  /** True when {@code groupId} already has exactly this rule (same protocol, ports and peer). */
  static boolean exists(PlanContext p, String groupId, boolean ingress, Rule rule) {
    Optional<SecurityGroup> g = p.net.securityGroup(groupId);
    if (g.isEmpty()) {
      return false;
    }
    for (Permission x : ingress ? g.get().ingress() : g.get().egress()) {
      if (!x.ipProtocol().equalsIgnoreCase(rule.protocol()) || !x.fromPort().equals(rule.fromPort())
          || !x.toPort().equals(rule.toPort())) {
        continue;
      }
      Peer peer = rule.peer();
      if (peer.group().flatMap(GroupRef::groupId).map(x.groupIds()::contains).orElse(false)
          || peer.cidr().map(x.ipRanges()::contains).orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
