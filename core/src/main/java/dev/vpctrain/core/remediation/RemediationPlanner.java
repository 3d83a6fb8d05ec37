package dev.vpctrain.core.remediation;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.remediation.Change.GroupRef;
import dev.vpctrain.core.remediation.Change.NewSecurityGroup;
import dev.vpctrain.core.remediation.Change.Peer;
import dev.vpctrain.core.remediation.Change.Rule;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a preflight report into a {@link RemediationPlan}: exact changes for what vpctrain can fix
 * (S3 gateway endpoint and its route tables, endpoint and bucket policies, security-group rules,
 * interface endpoints, DNS attributes), advice for the rest. Pure: reads the snapshot, calls nothing.
 */
public final class RemediationPlanner {
  /** Name of the security group the plan creates for interface endpoints. */
  public static final String ENDPOINT_GROUP_NAME = "vpctrain-endpoints";

  private final TrainingJobSpec job;
  private final NetworkSnapshot net;
  private final PreflightReport report;
  private final String region;
  private final String partition;
  private final List<Draft> required = new ArrayList<>();
  private final List<Draft> recommended = new ArrayList<>();
  private final Set<String> handled = new LinkedHashSet<>();

  private RemediationPlanner(TrainingJobSpec job, NetworkSnapshot net, PreflightReport report) {
    this.job = job;
    this.net = net;
    this.report = report;
    this.region = report.region();
    this.partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  /** The plan that fixes {@code report}'s findings for {@code job} on {@code network}. */
  public static RemediationPlan plan(TrainingJobSpec job, NetworkSnapshot network, PreflightReport report) {
    return new RemediationPlanner(job, network, report).build();
  }

  private RemediationPlan build() {
    Optional<String> vpcId = jobVpcId();
    if (vpcId.isPresent()) {
      dns(vpcId.get());
      s3Routes(vpcId.get());
      endpointPolicy();
      bucketPolicies();
      s3Egress();
      cluster();
      interfaceEndpoints(vpcId.get());
    }
    advice();
    List<RemediationStep> steps = new ArrayList<>();
    List<RemediationStep> extra = new ArrayList<>();
    int n = 0;
    for (Draft d : required) {
      steps.add(d.toStep(++n));
    }
    for (Draft d : recommended) {
      extra.add(d.toStep(++n));
    }
    return new RemediationPlan(report.jobName(), region, steps, extra);
  }

  // ---- the VPC's DNS attributes --------------------------------------------------------------

  private void dns(String vpcId) {
    if (failing("vpc.dns.support-disabled").isEmpty()) {
      return;
    }
    add(Severity.ERROR, List.of("vpc.dns.support-disabled"), "Turn on DNS support in VPC " + vpcId,
        "Without enableDnsSupport the S3 and AWS service hostnames do not resolve in the VPC.",
        new Change.EnableVpcAttribute(vpcId, Change.VpcAttribute.ENABLE_DNS_SUPPORT));
  }

  // ---- S3 gateway endpoint routes -------------------------------------------------------------

  private void s3Routes(String vpcId) {
    List<Finding> missing = new ArrayList<>(failing("s3.route.missing"));
    missing.addAll(failing("s3.route.igw-only"));
    if (missing.isEmpty()) {
      return;
    }
    Set<String> tables = new LinkedHashSet<>();
    Set<String> fixes = new LinkedHashSet<>();
    for (Finding f : missing) {
      fixes.add(f.ruleId());
      for (String r : f.resources()) {
        if (r.startsWith("subnet-")) {
          effectiveRouteTable(r).ifPresent(rt -> tables.add(rt.routeTableId()));
        }
      }
    }
    if (tables.isEmpty()) {
      return;
    }
    String service = "com.amazonaws." + region + ".s3";
    Optional<VpcEndpoint> existing = s3GatewayEndpoint(vpcId);
    if (existing.isPresent()) {
      List<String> add = new ArrayList<>(tables);
      add.removeAll(existing.get().routeTableIds());
      if (add.isEmpty()) {
        return;
      }
      add(Severity.ERROR, List.copyOf(fixes),
          "Add route table" + (add.size() == 1 ? " " : "s ") + String.join(", ", add) + " to S3 gateway endpoint "
              + existing.get().vpcEndpointId(),
          "The job subnets' route tables have no route to S3; the endpoint adds a route to the S3 prefix list.",
          new Change.AddEndpointRouteTables(existing.get().vpcEndpointId(), add));
    } else {
      add(Severity.ERROR, List.copyOf(fixes),
          "Create an S3 gateway endpoint in " + vpcId + " for route table" + (tables.size() == 1 ? " " : "s ")
              + String.join(", ", tables),
          "The job subnets have no route to S3; a gateway endpoint is free and keeps S3 traffic in the AWS network. "
              + "Its policy allows exactly the job's S3 requests and blocks the Amazon Linux repositories.",
          new Change.CreateGatewayEndpoint(vpcId, service, List.copyOf(tables),
              Policies.leastPrivilegeEndpointPolicy(job, partition)));
    }
    handled.addAll(fixes);
  }

  // ---- the S3 endpoint's policy ---------------------------------------------------------------

  private void endpointPolicy() {
    Map<String, List<Map<String, Object>>> additions = new LinkedHashMap<>();
    Map<String, Set<String>> fixes = new LinkedHashMap<>();
    boolean requiredChange = false;
    for (Finding f : failing("s3.endpoint-policy.denies")) {
      for (String vpce : endpointIds(f)) {
        additions.computeIfAbsent(vpce, k -> new ArrayList<>()).addAll(Policies.jobAllowStatements(job, partition));
        fixes.computeIfAbsent(vpce, k -> new LinkedHashSet<>()).add(f.ruleId());
        requiredChange = true;
      }
    }
    for (Finding f : failing("s3.packages.not-blocked")) {
      for (String vpce : endpointIds(f)) {
        additions.computeIfAbsent(vpce, k -> new ArrayList<>()).addAll(Policies.repositoryDenyStatements(partition));
        fixes.computeIfAbsent(vpce, k -> new LinkedHashSet<>()).add(f.ruleId());
      }
    }
    for (Map.Entry<String, List<Map<String, Object>>> e : additions.entrySet()) {
      Optional<VpcEndpoint> endpoint = net.vpcEndpoint(e.getKey());
      if (endpoint.isEmpty()) {
        continue;
      }
      Optional<String> current = endpoint.get().policyDocument();
      String merged;
      try {
        merged = Policies.merge(current, e.getValue(), "policy of " + e.getKey());
      } catch (RuntimeException ex) {
        continue; // the policy rules report the malformed policy; nothing safe to merge into
      }
      boolean denies = fixes.get(e.getKey()).contains("s3.endpoint-policy.denies");
      Severity severity = denies ? Severity.ERROR : job.blockPackageRepositories() ? Severity.WARNING : Severity.INFO;
      add(severity, List.copyOf(fixes.get(e.getKey())),
          "Add statements to the policy of S3 endpoint " + e.getKey(),
          (denies ? "The endpoint policy does not allow the job's S3 requests; the added Allow statements cover "
              + "exactly the job's buckets, prefixes and actions. " : "")
              + (fixes.get(e.getKey()).contains("s3.packages.not-blocked")
                  ? "The AWS guide recommends denying the Amazon Linux package repositories through the endpoint. "
                  : "")
              + "Every existing statement is kept.",
          new Change.SetEndpointPolicy(e.getKey(), current, merged));
      handled.addAll(fixes.get(e.getKey()));
    }
    if (!requiredChange) {
      for (Finding f : failing("s3.endpoint-policy.full-access")) {
        for (String vpce : endpointIds(f)) {
          if (additions.containsKey(vpce)) {
            continue;
          }
          Optional<VpcEndpoint> endpoint = net.vpcEndpoint(vpce);
          if (endpoint.isEmpty()) {
            continue;
          }
          add(Severity.INFO, List.of(f.ruleId()), "Replace the full-access policy of S3 endpoint " + vpce,
              "The guide recommends a custom endpoint policy. This one allows exactly the job's S3 requests and "
                  + "denies the Amazon Linux repositories; other workloads in the VPC that use S3 through this "
                  + "endpoint would lose access, so the step is optional.",
              new Change.SetEndpointPolicy(vpce, endpoint.get().policyDocument(),
                  Policies.leastPrivilegeEndpointPolicy(job, partition)));
          handled.add(f.ruleId());
        }
      }
    }
  }

  // ---- bucket policies ------------------------------------------------------------------------

  private void bucketPolicies() {
    for (Finding f : failing("s3.bucket-policy.not-restricted")) {
      Optional<String> vpce = endpointIds(f).stream().findFirst();
      for (String bucket : bucketsOf(f)) {
        if (vpce.isEmpty() || net.buckets().get(bucket) == null) {
          continue;
        }
        Optional<String> current = net.buckets().get(bucket).policy();
        String merged;
        try {
          merged = Policies.merge(current,
              List.of(Policies.restrictToEndpointStatement(bucket, vpce.get(), partition)), "policy of bucket " + bucket);
        } catch (RuntimeException ex) {
          continue;
        }
        add(Severity.INFO, List.of(f.ruleId()), "Restrict bucket " + bucket + " to S3 endpoint " + vpce.get(),
            "The guide recommends that a training bucket accept requests only through the VPC endpoint. The added "
                + "Deny statement also blocks console and CLI access from outside the VPC; every existing statement "
                + "is kept.",
            new Change.SetBucketPolicy(bucket, current, merged));
        handled.add(f.ruleId());
      }
    }
  }

  // ---- security groups ------------------------------------------------------------------------

  private void s3Egress() {
    List<Finding> f = failing("s3.security-group.egress");
    Optional<String> group = firstJobGroup();
    if (f.isEmpty() || group.isEmpty()) {
      return;
    }
    Optional<String> pl = net.s3PrefixList().map(p -> p.prefixListId());
    if (pl.isEmpty()) {
      return;
    }
    add(Severity.ERROR, List.of("s3.security-group.egress"),
        "Allow HTTPS from " + group.get() + " to the S3 prefix list " + pl.get(),
        "No job security group lets the instances reach S3 on TCP 443.",
        new Change.AuthorizeEgress(GroupRef.existing(group.get()), Rule.tcp(443, Peer.prefixList(pl.get()))));
    handled.add("s3.security-group.egress");
  }

  private void cluster() {
    Optional<String> first = firstJobGroup();
    if (first.isEmpty()) {
      return;
    }
    GroupRef g = GroupRef.existing(first.get());
    Rule self = Rule.allTraffic(Peer.group(g));
    List<String> ingressFixes = new ArrayList<>();
    List<String> egressFixes = new ArrayList<>();
    if (!failing("sg.self-ingress.missing").isEmpty()) {
      ingressFixes.add("sg.self-ingress.missing");
    }
    if (!failing("sg.cluster-egress.blocked").isEmpty()) {
      egressFixes.add("sg.cluster-egress.blocked");
    }
    List<Finding> efa = failing("sg.efa.self-traffic");
    boolean efaError = efa.stream().anyMatch(x -> x.severity() == Severity.ERROR);
    if (efaError) {
      if (!hasAllTraffic(first.get(), true)) {
        ingressFixes.add("sg.efa.self-traffic");
      }
      if (!hasAllTraffic(first.get(), false)) {
        egressFixes.add("sg.efa.self-traffic");
      }
    }
    if (!ingressFixes.isEmpty() && !hasAllTraffic(first.get(), true)) {
      add(Severity.ERROR, ingressFixes, "Let " + first.get() + " admit all traffic from itself",
          "The job's instances must reach each other (distributed training; EFA needs every protocol).",
          new Change.AuthorizeIngress(g, self));
    }
    if (!egressFixes.isEmpty() && !hasAllTraffic(first.get(), false)) {
      add(Severity.ERROR, egressFixes, "Let " + first.get() + " send all traffic to itself",
          "The job's instances must reach each other; restricted egress blocks the cluster.",
          new Change.AuthorizeEgress(g, self));
    }
    handled.addAll(ingressFixes);
    handled.addAll(egressFixes);
    if (!efaError) {
      for (Finding w : efa) {
        for (String id : w.resources()) {
          if (!id.startsWith("sg-") || net.securityGroup(id).isEmpty()) {
            continue;
          }
          GroupRef ref = GroupRef.existing(id);
          if (!hasAllTraffic(id, true)) {
            add(Severity.WARNING, List.of(w.ruleId()), "Let " + id + " admit all traffic from itself (EFA)",
                "EFA health checks have failed when one job group lacks the all-protocol self rules.",
                new Change.AuthorizeIngress(ref, Rule.allTraffic(Peer.group(ref))));
          }
          if (!hasAllTraffic(id, false)) {
            add(Severity.WARNING, List.of(w.ruleId()), "Let " + id + " send all traffic to itself (EFA)",
                "EFA health checks have failed when one job group lacks the all-protocol self rules.",
                new Change.AuthorizeEgress(ref, Rule.allTraffic(Peer.group(ref))));
          }
        }
        handled.add(w.ruleId());
      }
    }
  }

  private boolean hasAllTraffic(String groupId, boolean ingress) {
    Optional<SecurityGroup> g = net.securityGroup(groupId);
    if (g.isEmpty()) {
      return false;
    }
    List<Permission> perms = ingress ? g.get().ingress() : g.get().egress();
    return perms.stream().anyMatch(p -> p.isAllProtocols() && p.groupIds().contains(groupId));
  }

  // ---- interface endpoints --------------------------------------------------------------------

  private void interfaceEndpoints(String vpcId) {
    Optional<Vpc> vpc = net.vpc(vpcId);
    if (!failing("egress.interface-endpoint.dns").isEmpty()) {
      if (vpc.flatMap(Vpc::enableDnsHostnames).map(b -> !b).orElse(false)) {
        add(Severity.ERROR, List.of("egress.interface-endpoint.dns"), "Turn on DNS hostnames in VPC " + vpcId,
            "Interface endpoints' private DNS names resolve only when enableDnsHostnames is on.",
            new Change.EnableVpcAttribute(vpcId, Change.VpcAttribute.ENABLE_DNS_HOSTNAMES));
      }
      for (Finding f : failing("egress.interface-endpoint.dns")) {
        for (String id : endpointIds(f)) {
          net.vpcEndpoint(id).filter(e -> !e.privateDnsEnabled()).ifPresent(e ->
              add(Severity.ERROR, List.of(f.ruleId()), "Turn on private DNS for endpoint " + id,
                  "The service's normal hostname must resolve to the endpoint.",
                  new Change.EnableEndpointPrivateDns(id)));
        }
      }
      handled.add("egress.interface-endpoint.dns");
    }
    Optional<String> first = firstJobGroup();
    for (Finding f : failing("egress.interface-endpoint.security-group")) {
      if (first.isEmpty()) {
        break;
      }
      for (String id : endpointIds(f)) {
        Optional<VpcEndpoint> e = net.vpcEndpoint(id);
        if (e.isEmpty() || e.get().groupIds().isEmpty()) {
          continue;
        }
        GroupRef endpointGroup = GroupRef.existing(e.get().groupIds().get(0));
        add(Severity.ERROR, List.of(f.ruleId()),
            "Let endpoint group " + endpointGroup.display() + " of " + id + " admit HTTPS from " + first.get(),
            "The job's instances reach the endpoint on TCP 443 only if its security group admits them.",
            new Change.AuthorizeIngress(endpointGroup, Rule.tcp(443, Peer.group(GroupRef.existing(first.get())))));
        handled.add(f.ruleId());
      }
    }
    List<AwsService> missing = new ArrayList<>();
    if (!failing("egress.service.unreachable").isEmpty()) {
      for (AwsService s : job.requiredServices()) {
        if (s.hasVpcEndpoint() && interfaceEndpoint(vpcId, s).isEmpty()) {
          missing.add(s);
        }
      }
    }
    if (missing.isEmpty() || first.isEmpty()) {
      return;
    }
    List<String> subnets = onePerAz();
    Optional<SecurityGroup> existingGroup = net.securityGroups().orElse(List.of()).stream()
        .filter(g -> g.vpcId().equals(vpcId) && g.groupName().map(ENDPOINT_GROUP_NAME::equals).orElse(false))
        .findFirst();
    GroupRef endpointGroup;
    if (existingGroup.isPresent()) {
      endpointGroup = GroupRef.existing(existingGroup.get().groupId());
    } else {
      NewSecurityGroup created = new NewSecurityGroup(vpcId, ENDPOINT_GROUP_NAME,
          "Interface endpoints for SageMaker training jobs (created by vpctrain)");
      endpointGroup = GroupRef.created(created);
      add(Severity.ERROR, List.of("egress.service.unreachable"), "Create security group " + ENDPOINT_GROUP_NAME
              + " in " + vpcId + " for interface endpoints",
          "Interface endpoints need a security group that admits HTTPS from the job.",
          new Change.CreateSecurityGroup(created));
    }
    boolean admits = existingGroup.map(g -> g.ingress().stream()
        .anyMatch(p -> p.coversTcp(443) && p.groupIds().contains(first.get()))).orElse(false);
    if (!admits) {
      add(Severity.ERROR, List.of("egress.service.unreachable"),
          "Let " + endpointGroup.display() + " admit HTTPS from " + first.get(),
          "The job's instances call the endpoints on TCP 443.",
          new Change.AuthorizeIngress(endpointGroup, Rule.tcp(443, Peer.group(GroupRef.existing(first.get())))));
    }
    if (!egressAllows443(first.get())) {
      add(Severity.ERROR, List.of("egress.service.unreachable"),
          "Let " + first.get() + " send HTTPS to " + endpointGroup.display(),
          "The job's security group must let the instances reach the endpoints on TCP 443.",
          new Change.AuthorizeEgress(GroupRef.existing(first.get()), Rule.tcp(443, Peer.group(endpointGroup))));
    }
    for (AwsService s : missing) {
      add(Severity.ERROR, List.of("egress.service.unreachable"),
          "Create an interface endpoint for " + s.endpointServiceName(region) + " with private DNS",
          "The training code calls " + s + " and the job subnets have no endpoint or NAT path to it.",
          new Change.CreateInterfaceEndpoint(vpcId, s.endpointServiceName(region), subnets, List.of(endpointGroup), true));
    }
    handled.add("egress.service.unreachable");
  }

  private boolean egressAllows443(String groupId) {
    return net.securityGroup(groupId).map(g -> g.egress().stream()
        .anyMatch(p -> p.coversTcp(443) && p.ipRanges().contains("0.0.0.0/0"))).orElse(false);
  }

  private Optional<VpcEndpoint> interfaceEndpoint(String vpcId, AwsService s) {
    String name = s.endpointServiceName(region);
    return net.vpcEndpoints().orElse(List.of()).stream()
        .filter(e -> e.vpcId().equals(vpcId) && e.type() == EndpointType.INTERFACE && e.serviceName().equals(name))
        .findFirst();
  }

  private List<String> onePerAz() {
    Map<String, String> byAz = new LinkedHashMap<>();
    for (String id : job.vpc().map(v -> v.subnets()).orElse(List.of())) {
      net.subnet(id).ifPresent(s -> byAz.putIfAbsent(s.availabilityZone().orElse(id), id));
    }
    return new ArrayList<>(byAz.values());
  }

  // ---- advice for everything else -------------------------------------------------------------

  private void advice() {
    for (Finding f : report.problems()) {
      if (handled.contains(f.ruleId())) {
        continue;
      }
      String text = f.remediation().orElse(f.outcome() == Outcome.UNVERIFIED
          ? "Give vpctrain the data it needs (see the message), or check by hand."
          : "See " + f.doc() + ".");
      Change.Advice advice = new Change.Advice(text);
      String title = (f.outcome() == Outcome.UNVERIFIED ? "Check " : "Fix ") + f.ruleId()
          + (f.resources().isEmpty() ? "" : " (" + String.join(", ", f.resources()) + ")");
      add(f.severity(), List.of(f.ruleId()), title, f.message(), advice);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private void add(Severity severity, List<String> fixes, String title, String why, Change change) {
    Draft d = new Draft(fixes, title, why, change, severity == Severity.INFO && !(change instanceof Change.Advice));
    if (!(change instanceof Change.Advice)) {
      handled.addAll(fixes);
    }
    if (severity == Severity.ERROR) {
      required.add(d);
    } else {
      recommended.add(d);
    }
  }

  private List<Finding> failing(String ruleId) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : report.findings(ruleId)) {
      if (f.outcome() == Outcome.FAIL) {
        out.add(f);
      }
    }
    return out;
  }

  private static List<String> endpointIds(Finding f) {
    List<String> out = new ArrayList<>();
    f.resources().stream().filter(r -> r.startsWith("vpce-")).forEach(out::add);
    return out;
  }

  private List<String> bucketsOf(Finding f) {
    List<String> out = new ArrayList<>();
    f.resources().stream().filter(r -> net.buckets().containsKey(r) || job.buckets().contains(r)).forEach(out::add);
    return out;
  }

  private Optional<String> firstJobGroup() {
    return job.vpc().flatMap(v -> v.securityGroups().stream().filter(id -> net.securityGroup(id).isPresent()).findFirst());
  }

  private Optional<String> jobVpcId() {
    if (job.vpc().isEmpty()) {
      return Optional.empty();
    }
    for (String id : job.vpc().get().subnets()) {
      Optional<Subnet> s = net.subnet(id);
      if (s.isPresent()) {
        return Optional.of(s.get().vpcId());
      }
    }
    return Optional.empty();
  }

  private Optional<VpcEndpoint> s3GatewayEndpoint(String vpcId) {
    String name = "com.amazonaws." + region + ".s3";
    return net.vpcEndpoints().orElse(List.of()).stream()
        .filter(e -> e.vpcId().equals(vpcId) && e.type() == EndpointType.GATEWAY && e.serviceName().equals(name))
        .filter(e -> e.state().map(s -> !s.equalsIgnoreCase("deleted") && !s.equalsIgnoreCase("deleting")).orElse(true))
        .findFirst();
  }

  private Optional<RouteTable> effectiveRouteTable(String subnetId) {
    Optional<Subnet> subnet = net.subnet(subnetId);
    if (subnet.isEmpty() || net.routeTables().isEmpty()) {
      return Optional.empty();
    }
    RouteTable main = null;
    for (RouteTable rt : net.routeTables().get()) {
      if (!rt.vpcId().equals(subnet.get().vpcId())) {
        continue;
      }
      if (rt.associations().stream().anyMatch(a -> a.subnetId().map(subnetId::equals).orElse(false))) {
        return Optional.of(rt);
      }
      if (rt.isMain()) {
        main = rt;
      }
    }
    return Optional.ofNullable(main);
  }

  private record Draft(List<String> fixes, String title, String why, Change change, boolean optional) {
    RemediationStep toStep(int number) {
      return new RemediationStep(number, fixes, title, why, change, optional);
    }
  }
}
