package dev.vpctrain.core.internal.rules.request;

import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.reach.AclDecision;
import dev.vpctrain.core.internal.reach.EgressPath;
import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.reach.NetworkAclEvaluator;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code request.image.private-registry}: without {@code TrainingRepositoryAccessMode = Vpc} only
 * ECR images can be pulled (ERROR). With {@code Vpc} mode the image is pulled from the registry host
 * through the job subnets: PASS when every job subnet has a NAT path (or, for ECR, an
 * {@code ecr.dkr} interface endpoint) and the job security groups and subnet ACL let TCP to the
 * registry port through; otherwise UNVERIFIED naming the host, since the registry may sit inside
 * the VPC or behind a peering connection, which the request alone cannot tell — unless a declared
 * in-VPC target is labelled with the registry host: then the route, the security groups and the
 * network ACLs to that target on the registry port decide (FAIL, UNVERIFIED naming the hop, or PASS).
 */
public final class RequestImagePrivateRegistry extends BaseRule {
  public RequestImagePrivateRegistry() {
    super("request.image.private-registry", Severity.ERROR, "The training image's registry can be reached");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().trainingImage().isEmpty() || ctx.job().trainingImage().get().isBlank()) {
      return one(pass("The job names no training image (an algorithm resource provides it)."));
    }
    String image = ctx.job().trainingImage().get();
    RegistryHost registry = RegistryHost.of(image);
    boolean vpcMode = ctx.job().repositoryAccessMode().map(m -> m == RepositoryAccessMode.VPC).orElse(false);
    if (!vpcMode) {
      if (registry.isEcr()) {
        return one(pass("Image " + image + " is in Amazon ECR; SageMaker pulls it through its platform."));
      }
      return one(fail("Image " + image + " is not in Amazon ECR (registry " + registry + ") and TrainingRepositoryAccessMode is not Vpc: "
              + "SageMaker pulls only ECR images through its platform.",
          "Push the image to ECR (aws ecr create-repository --repository-name <name>; docker tag " + image
              + " <account>.dkr.ecr." + ctx.region() + ".amazonaws.com/<name>:<tag>; docker push …) and use that URI, or set "
              + "AlgorithmSpecification.TrainingImageConfig.TrainingRepositoryAccessMode to Vpc with a registry the job subnets reach."));
    }
    if (ctx.job().vpc().isEmpty()) {
      return one(fail("TrainingRepositoryAccessMode is Vpc, so SageMaker pulls " + image + " through the job's VPC, but the job has no VpcConfig.",
          "Add VpcConfig (Subnets and SecurityGroupIds) with subnets that reach " + registry + ", or push the image to ECR and use Platform mode."));
    }
    String host = registry.host();
    List<String> subnets = JobSubnets.evaluable(ctx);
    if (subnets.isEmpty()) {
      return one(unverified("None of the job's subnets is in the snapshot, so whether they reach registry " + registry
          + " of " + image + " is unknown.", null, host));
    }
    Optional<dev.vpctrain.core.internal.rules.target.ResolvedTarget> declared = DeclaredRegistry.find(ctx, registry);
    if (declared.isPresent()) {
      return one(declared(registry, image, DeclaredRegistry.decide(ctx, registry, declared.get(), subnets)));
    }
    if (registry.isPrivateName() || (registry.isAddress() && Cidr.parseIpv4(host).isNonPublic())) {
      return one(unverified("Registry " + registry + " of " + image + " is a private " + (registry.isAddress() ? "address" : "name")
              + ": the registry sits inside the VPC or behind a peering connection, transit gateway or VPN, which the request "
              + "alone cannot tell, so whether the job subnets reach it on TCP " + registry.port() + " is unknown.",
          acceptance(registry), host));
    }
    Reach reach = ReachContext.of(ctx);
    java.util.Map<String, List<String>> missing = new java.util.LinkedHashMap<>();
    Set<String> res = new LinkedHashSet<>();
    res.add(host);
    List<String> how = new ArrayList<>();
    for (String subnet : subnets) {
      Optional<String> endpoint = registry.isEcr() ? ecrEndpoint(ctx, reach, subnet, registry) : Optional.empty();
      if (endpoint.isPresent()) {
        how.add("interface endpoint " + endpoint.get());
        continue;
      }
      List<String> why = new ArrayList<>();
      Tri ok = natPath(reach, subnet, registry, why, res).and(securityGroups(ctx, registry, why, res))
          .and(acl(ctx, subnet, registry, why, res));
      if (ok == Tri.YES) {
        how.add("NAT");
      } else {
        res.add(subnet);
        missing.computeIfAbsent(String.join("; ", why), k -> new ArrayList<>()).add(JobSubnets.label(ctx, subnet));
      }
    }
    if (missing.isEmpty()) {
      return one(pass("Every job subnet reaches registry " + registry + " of " + image + " through "
          + String.join(" or ", new LinkedHashSet<>(how)) + ", and the job's security groups and network ACLs let TCP "
          + registry.port() + " to it through.", subnets.toArray(new String[0])));
    }
    return one(unverified("TrainingRepositoryAccessMode is Vpc, but no NAT path with egress TCP " + registry.port()
            + " to registry " + registry + " of " + image + " was found from " + bySubnets(missing)
            + ". The registry may sit inside the VPC or behind a peering connection, which the request alone cannot tell.",
        acceptance(registry) + " Otherwise give the subnets a NAT path: aws ec2 create-route --route-table-id <rtb-…> "
            + "--destination-cidr-block 0.0.0.0/0 --nat-gateway-id <nat-…> (NAT gateway in a public subnet), allow TCP "
            + registry.port() + " out in the job's security groups and network ACLs"
            + (registry.isEcr() ? ", or create interface endpoints com.amazonaws." + ctx.network().region()
                + ".ecr.dkr and .ecr.api with private DNS" : ", or push the image to ECR") + ".",
        res.toArray(new String[0])));
  }

  /** The finding for a registry declared as an in-VPC target: the target checks on the registry port decide. */
  private Finding declared(RegistryHost registry, String image, DeclaredRegistry d) {
    String host = registry.host();
    List<String> res = new ArrayList<>(List.of(host));
    d.resources.stream().filter(r -> !res.contains(r)).forEach(res::add);
    String what = "Registry " + registry + " of " + image + " is declared as in-VPC target " + d.target.describe();
    if (d.result == Tri.YES) {
      return pass(what + ": every job subnet has a route to it and back, and the security groups and network ACLs pass TCP "
          + registry.port() + " both ways.", res.toArray(new String[0]));
    }
    if (d.result == Tri.NO) {
      return fail(what + ", but the job cannot pull from it on TCP " + registry.port() + ": " + d.detail + ".",
          (d.fixes.isEmpty() ? "See the target.* findings for " + d.target.name() : String.join("; ", d.fixes)) + ".",
          res.toArray(new String[0]));
    }
    return unverified(what + "; whether the job pulls from it on TCP " + registry.port() + " is unknown: " + d.detail + ".",
        "Confirm that the job subnets reach " + registry + " (see the target.* findings for " + d.target.name()
            + "), then accept it: --accept-unverified request.image.private-registry=" + host + ".",
        res.toArray(new String[0]));
  }

  /** {@code subnet-a, subnet-b: reason; from subnet-c: other reason}. */
  private static String bySubnets(java.util.Map<String, List<String>> reasons) {
    List<String> parts = new ArrayList<>();
    reasons.forEach((why, subnets) -> parts.add(String.join(", ", subnets) + ": " + why));
    return String.join("; from ", parts);
  }

  private static String acceptance(RegistryHost registry) {
    return "If the job subnets reach " + registry + " another way (inside the VPC, over peering, a transit gateway or VPN), "
        + "accept it: --accept-unverified request.image.private-registry=" + registry.host() + ".";
  }

  /** YES when the subnet's route to the registry leads to a working NAT gateway. */
  private static Tri natPath(Reach reach, String subnet, RegistryHost registry, List<String> why, Set<String> res) {
    // the traffic-aware path: a NAT gateway whose own subnet ACL drops the pull is no NAT path (egress.nat.nacl-blocked)
    Traffic pull = Traffic.tcp(registry.port());
    EgressPath p = registry.isAddress()
        ? reach.pathTo(subnet, Cidr.parseIpv4Address(registry.host()), pull, peer(registry))
        : reach.internetPath(subnet, pull, peer(registry));
    if (p.kind() == EgressPath.Kind.NAT) {
      return Tri.YES;
    }
    if (!p.routeTableId().isEmpty()) {
      res.add(p.routeTableId());
    }
    p.target().ifPresent(res::add);
    why.add("no NAT path, as " + p.detail());
    return p.kind() == EgressPath.Kind.UNKNOWN ? Tri.UNKNOWN : Tri.NO;
  }

  private static Peer peer(RegistryHost registry) {
    return registry.isAddress()
        ? Peer.addresses("registry " + registry, Ipv4RangeSet.of(List.of(Cidr.ipv4Host(Cidr.parseIpv4Address(registry.host())))))
        : Peer.internetHost(registry.host());
  }

  /** YES when the job's security groups let TCP to the registry port out to it. */
  private static Tri securityGroups(RuleContext ctx, RegistryHost registry, List<String> why, Set<String> res) {
    List<String> groups = new ArrayList<>(new LinkedHashSet<>(ctx.job().vpc().get().securityGroups()));
    SgDecision d = ReachContext.securityGroups(ctx).egress(groups, Traffic.tcp(registry.port()), peer(registry));
    if (d.denied()) {
      res.addAll(groups);
      why.add("the job's security groups (" + String.join(", ", groups) + ") allow no outbound TCP " + registry.port()
          + " to public addresses");
    } else if (!d.allowed()) {
      why.add("whether the job's security groups allow outbound TCP " + registry.port() + " to it is unknown: " + d.unknownReason());
    }
    return d.result();
  }

  /** YES when the subnet's network ACL lets TCP to the registry out and its replies back in. */
  private static Tri acl(RuleContext ctx, String subnet, RegistryHost registry, List<String> why, Set<String> res) {
    NetworkAclEvaluator acls = ReachContext.acls(ctx);
    Optional<NetworkAcl> acl = acls.aclOf(subnet);
    if (acl.isEmpty()) {
      why.add("its network ACL is unknown: " + acls.whyNoAcl(subnet));
      return Tri.UNKNOWN;
    }
    AclDecision d = acls.request(acl.get(), Traffic.tcp(registry.port()), peer(registry));
    if (!d.allowed()) {
      if (d.denied()) {
        res.add(acl.get().networkAclId());
      }
      why.add(d.describe());
    }
    return d.result();
  }

  /** An available {@code ecr.dkr} interface endpoint with private DNS that serves the subnet's VPC for this registry. */
  private static Optional<String> ecrEndpoint(RuleContext ctx, Reach reach, String subnet, RegistryHost registry) {
    if (!registry.ecrRegion().map(ctx.network().region()::equals).orElse(false)) {
      return Optional.empty();
    }
    String vpc = reach.routeTableOf(subnet).table().map(t -> t.vpcId())
        .or(() -> ctx.network().subnet(subnet).map(s -> s.vpcId())).orElse("");
    for (VpcEndpoint e : reach.endpoints(vpc, EndpointType.INTERFACE, "ecr.dkr")) {
      if (e.isAvailable() && e.privateDnsEnabled()) {
        return Optional.of(e.vpcEndpointId());
      }
    }
    return Optional.empty();
  }
}
