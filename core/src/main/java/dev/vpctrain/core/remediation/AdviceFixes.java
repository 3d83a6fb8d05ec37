package dev.vpctrain.core.remediation;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import java.util.Map;

/**
 * Advice for every problem no change was planned for: what to do (the finding's remediation) and
 * why vpctrain leaves it to a person. UNVERIFIED findings the user accepted get no step.
 */
final class AdviceFixes {
  private static final Map<String, String> WHY_MANUAL = Map.ofEntries(
      Map.entry("vpc.tenancy.dedicated", "vpctrain does not change a VPC's tenancy: it decides how every instance "
          + "launched in the VPC afterwards is placed and billed."),
      Map.entry("vpc.dhcp.incomplete", "A DHCP option set cannot be edited; a new one changes name resolution for "
          + "everything in the VPC, so vpctrain leaves the choice of servers and domain to you."),
      Map.entry("subnet.ip-capacity", "Subnets cannot grow: free addresses, pick other subnets, or add a subnet "
          + "(with its route table and network ACL) — a capacity decision vpctrain does not make."),
      Map.entry("subnet.ip-headroom", "Subnets cannot grow; adding headroom is a capacity decision."),
      Map.entry("vpc.subnets.single-az", "Choosing another Availability Zone's subnet is part of the job's design."),
      Map.entry("egress.internet.unreachable", "A NAT gateway costs money by the hour and the gigabyte and needs a "
          + "public subnet with an internet gateway route: a network design decision vpctrain does not make."),
      Map.entry("egress.internet.igw-only", "Training ENIs get no public IP; moving the job to private subnets with a "
          + "NAT path is a network design decision."),
      Map.entry("egress.nat.misplaced", "The NAT design (where the gateway sits and where its subnet routes) is yours "
          + "to change."),
      Map.entry("egress.nat.nacl-blocked", "The NAT gateway's subnet ACL governs everything the NAT gateway forwards "
          + "for the VPC; inserting entries safely needs someone who knows that traffic (an S3 gateway endpoint or "
          + "interface endpoints avoid the NAT gateway altogether)."),
      Map.entry("s3.interface-endpoint.dns", "Turning on private DNS or the VPC's DNS attributes changes how every "
          + "S3 name resolves in the VPC, so vpctrain leaves it to you."),
      Map.entry("s3.interface-endpoint.security-group", "The endpoint's security groups serve every workload that "
          + "uses the endpoint; the rule to add is named in the fix."),
      Map.entry("egress.subnets.inconsistent", "The job subnets must be made alike, or reduced to those that work."),
      Map.entry("s3.bucket-policy.denies", "vpctrain never weakens a Deny statement you wrote."),
      Map.entry("s3.nacl.blocked", "Network ACLs are stateless and ordered; inserting entries safely needs someone "
          + "who knows the other traffic they govern."),
      Map.entry("nacl.cluster.blocked", "Network ACLs are stateless and ordered; inserting entries safely needs "
          + "someone who knows the other traffic they govern."),
      Map.entry("target.nacl.blocked", "Network ACLs are stateless and ordered; inserting entries safely needs "
          + "someone who knows the other traffic they govern (the exact entries are in the fix)."),
      Map.entry("s3.bucket.other-region", "Gateway endpoints serve their own region only: copy the data to the job's "
          + "region or give the subnets another path."),
      Map.entry("role.trust.sagemaker", "vpctrain never changes a trust policy: who may assume the role is a "
          + "security decision (the exact update-assume-role-policy command is in the advice)."),
      Map.entry("role.not-found", "vpctrain does not create roles: create it (or correct RoleArn) as the advice says."),
      Map.entry("isolation.conflict", "The job request itself must change."),
      Map.entry("sg.intercontainer-encryption.off", "The job request itself must change "
          + "(EnableInterContainerTrafficEncryption)."));

  private AdviceFixes() {}

  static void plan(PlanContext p) {
    for (Finding f : p.report.problems()) {
      if (p.handled.contains(f.ruleId()) || f.accepted()) {
        continue; // an accepted UNVERIFIED is the user's word that it works: nothing to check or change
      }
      String text = f.remediation().orElse(f.outcome() == Outcome.UNVERIFIED
          ? "Give vpctrain the data it needs (see the message), or check by hand."
          : "See " + f.doc() + ".");
      String title = (f.outcome() == Outcome.UNVERIFIED ? "Check " : "Fix ") + f.ruleId()
          + (f.resources().isEmpty() ? "" : " (" + String.join(", ", f.resources()) + ")");
      p.add(f.severity(), List.of(f.ruleId()), title, why(f), new Change.Advice(text));
    }
  }

  private static String why(Finding f) {
    String manual = f.ruleId().startsWith("request.")
        ? "The job request itself must change (the job file, or the code that builds it)."
        : WHY_MANUAL.get(f.ruleId());
    if (f.outcome() == Outcome.UNVERIFIED) {
      manual = "vpctrain could not decide this from the snapshot, so it changes nothing for it.";
    }
    return manual == null ? f.message() : f.message() + " " + manual;
  }
}
