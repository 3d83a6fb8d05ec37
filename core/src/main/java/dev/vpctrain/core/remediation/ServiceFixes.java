package dev.vpctrain.core.remediation;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.remediation.Change.GroupRef;
import dev.vpctrain.core.remediation.Change.NewSecurityGroup;
import dev.vpctrain.core.remediation.Change.Peer;
import dev.vpctrain.core.remediation.Change.Rule;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS services the training code calls: the VPC's DNS attributes, interface endpoints with private
 * DNS (one subnet per Availability Zone) and the security group that admits the job to them.
 */
final class ServiceFixes {
  static final String DNS_SUPPORT = "vpc.dns.support-disabled";
  static final String UNREACHABLE = "egress.service.unreachable";
  static final String ENDPOINT_DNS = "egress.interface-endpoint.dns";
  static final String ENDPOINT_SG = "egress.interface-endpoint.security-group";

  private ServiceFixes() {}

  /** The VPC's DNS support, first: everything else resolves names. */
  static void planDns(PlanContext p) {
    if (p.vpcId.isPresent() && p.anyFailing(DNS_SUPPORT)) {
      p.add(Severity.ERROR, List.of(DNS_SUPPORT), "Turn on DNS support in VPC " + p.vpcId.get(),
          "Without enableDnsSupport the S3 and AWS service hostnames do not resolve in the VPC.",
          new Change.EnableVpcAttribute(p.vpcId.get(), Change.VpcAttribute.ENABLE_DNS_SUPPORT));
    }
  }

  /** Interface endpoints, their DNS and their security groups. */
  static void planEndpoints(PlanContext p) {
    if (p.vpcId.isEmpty()) {
      return;
    }
    String vpc = p.vpcId.get();
    endpointDns(p, vpc);
    endpointGroups(p);
    missingEndpoints(p, vpc);
  }

  private static void endpointDns(PlanContext p, String vpc) {
    for (Finding f : p.failing(ENDPOINT_DNS)) {
      List<String> fixes = alsoUnreachable(p, f);
      if (hostnamesOff(p, vpc)) {
        enableHostnames(p, vpc, fixes);
      }
      for (String id : PlanContext.endpointIds(f)) {
        p.net.vpcEndpoint(id).filter(e -> !e.privateDnsEnabled()).ifPresent(e ->
            p.add(Severity.ERROR, fixes, "Turn on private DNS for endpoint " + id,
                "The service's normal hostname must resolve to the endpoint.", new Change.EnableEndpointPrivateDns(id)));
      }
    }
  }

  /**
   * The finding's rule, and {@code egress.service.unreachable} when it fails for an endpoint this
   * finding names (the endpoint exists, so fixing it fixes both).
   */
  private static List<String> alsoUnreachable(PlanContext p, Finding f) {
    List<String> endpoints = PlanContext.endpointIds(f);
    boolean same = p.failing(UNREACHABLE).stream().anyMatch(u -> PlanContext.endpointIds(u).stream().anyMatch(endpoints::contains));
    return same ? List.of(f.ruleId(), UNREACHABLE) : List.of(f.ruleId());
  }

  private static void endpointGroups(PlanContext p) {
    Optional<String> job = p.firstJobGroup();
    if (job.isEmpty()) {
      return;
    }
    for (Finding f : p.failing(ENDPOINT_SG)) {
      for (String id : PlanContext.endpointIds(f)) {
        Optional<VpcEndpoint> e = p.net.vpcEndpoint(id);
        if (e.isEmpty() || e.get().groupIds().isEmpty()) {
          continue;
        }
        admitJob(p, GroupRef.existing(e.get().groupIds().get(0)), job.get(), alsoUnreachable(p, f), " of " + id);
      }
    }
  }

  private static void missingEndpoints(PlanContext p, String vpc) {
    Optional<String> job = p.firstJobGroup();
    List<AwsService> missing = new ArrayList<>();
    if (p.anyFailing(UNREACHABLE)) {
      for (AwsService s : p.job.requiredServices()) {
        if (s.hasVpcEndpoint() && interfaceEndpoints(p, vpc, s).isEmpty()) {
          missing.add(s);
        }
      }
    }
    if (p.anyFailing(UNREACHABLE)) {
      for (AwsService s : p.job.requiredServices()) {
        if (!s.hasVpcEndpoint()) {
          p.add(Severity.ERROR, List.of(UNREACHABLE), "Give the job subnets a NAT path for " + s,
              s + " has no VPC endpoint, so the training code reaches it only through a NAT gateway. A NAT gateway "
                  + "costs money by the hour and the gigabyte and needs a public subnet with an internet gateway route: "
                  + "a network design decision vpctrain does not make.",
              new Change.Advice("Create a NAT gateway in a public subnet of the VPC (aws ec2 create-nat-gateway "
                  + "--subnet-id <public-subnet> --allocation-id <eipalloc-id>) and route 0.0.0.0/0 of the job subnets' "
                  + "route tables to it (aws ec2 create-route --route-table-id <rtb> --destination-cidr-block 0.0.0.0/0 "
                  + "--nat-gateway-id <nat-id>)."));
        }
      }
    }
    List<String> subnets = onePerAz(p);
    if (missing.isEmpty() || job.isEmpty() || subnets.isEmpty()) {
      return;
    }
    if (p.net.vpc(vpc).flatMap(Vpc::enableDnsSupport).map(b -> !b).orElse(false) && !p.anyFailing(DNS_SUPPORT)) {
      p.add(Severity.ERROR, List.of(UNREACHABLE), "Turn on DNS support in VPC " + vpc,
          "Interface endpoints with private DNS need enableDnsSupport.",
          new Change.EnableVpcAttribute(vpc, Change.VpcAttribute.ENABLE_DNS_SUPPORT));
    }
    if (hostnamesOff(p, vpc)) {
      enableHostnames(p, vpc, List.of(UNREACHABLE));
    }
    Optional<SecurityGroup> existing = p.net.securityGroups().orElse(List.of()).stream()
        .filter(g -> g.vpcId().equals(vpc) && g.groupName().map(RemediationPlanner.ENDPOINT_GROUP_NAME::equals).orElse(false))
        .findFirst();
    GroupRef endpointGroup;
    if (existing.isPresent()) {
      endpointGroup = GroupRef.existing(existing.get().groupId());
    } else {
      NewSecurityGroup created = new NewSecurityGroup(vpc, RemediationPlanner.ENDPOINT_GROUP_NAME,
          "Interface endpoints for SageMaker training jobs (created by vpctrain)");
      endpointGroup = GroupRef.created(created);
      p.add(Severity.ERROR, List.of(UNREACHABLE),
          "Create security group " + RemediationPlanner.ENDPOINT_GROUP_NAME + " in " + vpc + " for interface endpoints",
          "Interface endpoints need a security group that admits HTTPS from the job.", new Change.CreateSecurityGroup(created));
    }
    admitJob(p, endpointGroup, job.get(), List.of(UNREACHABLE), "");
    for (AwsService s : missing) {
      p.add(Severity.ERROR, List.of(UNREACHABLE),
          "Create an interface endpoint for " + s.endpointServiceName(p.region) + " with private DNS",
          "The training code calls " + s + " and the job subnets have no endpoint or NAT path to it.",
          new Change.CreateInterfaceEndpoint(vpc, s.endpointServiceName(p.region), subnets, List.of(endpointGroup), true));
    }
  }

  /** The endpoint group admits HTTPS from the job's group, and the job's group may send HTTPS to it. */
  private static void admitJob(PlanContext p, GroupRef endpointGroup, String jobGroup, List<String> fixes, String of) {
    boolean admits = endpointGroup.groupId().flatMap(p.net::securityGroup).map(g -> g.ingress().stream()
        .anyMatch(x -> x.coversTcp(443) && (x.groupIds().contains(jobGroup) || x.ipRanges().contains("0.0.0.0/0"))))
        .orElse(false);
    if (!admits) {
      p.add(Severity.ERROR, fixes, "Let endpoint group " + endpointGroup.display() + of + " admit HTTPS from " + jobGroup,
          "The job's instances call the endpoints on TCP 443.",
          new Change.AuthorizeIngress(endpointGroup, Rule.tcp(443, Peer.group(GroupRef.existing(jobGroup)))));
    }
    boolean sends = p.net.securityGroup(jobGroup).map(g -> g.egress().stream().anyMatch(x -> x.coversTcp(443)
        && (coversJobSubnets(p, x.ipRanges()) || endpointGroup.groupId().map(x.groupIds()::contains).orElse(false))))
        .orElse(false);
    if (!sends) {
      p.add(Severity.ERROR, fixes, "Let " + jobGroup + " send HTTPS to " + endpointGroup.display(),
          "The job's security group must let the instances reach the endpoints on TCP 443.",
          new Change.AuthorizeEgress(GroupRef.existing(jobGroup), Rule.tcp(443, Peer.group(endpointGroup))));
    }
  }

  /** True when one of {@code cidrs} covers every job subnet (where the endpoints' interfaces are). */
  private static boolean coversJobSubnets(PlanContext p, List<String> cidrs) {
    List<Cidr> ranges = new ArrayList<>();
    cidrs.forEach(c -> Cidr.tryParseIpv4(c).ifPresent(ranges::add));
    for (String id : p.jobSubnets()) {
      Optional<Cidr> subnet = p.net.subnet(id).flatMap(s -> s.cidrBlock()).flatMap(Cidr::tryParseIpv4);
      if (subnet.isEmpty() || ranges.stream().noneMatch(r -> r.covers(subnet.get()))) {
        return false;
      }
    }
    return !p.jobSubnets().isEmpty();
  }

  private static boolean hostnamesOff(PlanContext p, String vpc) {
    return p.net.vpc(vpc).flatMap(Vpc::enableDnsHostnames).map(b -> !b).orElse(false);
  }

  private static void enableHostnames(PlanContext p, String vpc, List<String> fixes) {
    p.add(Severity.ERROR, fixes, "Turn on DNS hostnames in VPC " + vpc,
        "Interface endpoints' private DNS names resolve only when enableDnsHostnames is on.",
        new Change.EnableVpcAttribute(vpc, Change.VpcAttribute.ENABLE_DNS_HOSTNAMES));
  }

  private static List<VpcEndpoint> interfaceEndpoints(PlanContext p, String vpc, AwsService s) {
    return p.reach.endpoints(vpc, EndpointType.INTERFACE, s.endpointName());
  }

  /** One job subnet per Availability Zone (an interface endpoint takes at most one subnet per zone). */
  private static List<String> onePerAz(PlanContext p) {
    Map<String, String> byAz = new LinkedHashMap<>();
    for (String id : p.jobSubnets()) {
      p.net.subnet(id).ifPresent(s -> byAz.putIfAbsent(s.availabilityZone().orElse(id), id));
    }
    return new ArrayList<>(byAz.values());
  }
}
