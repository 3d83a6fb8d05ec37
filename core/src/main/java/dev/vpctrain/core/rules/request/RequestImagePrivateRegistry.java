package dev.vpctrain.core.rules.request;

import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.reach.AclDecision;
import dev.vpctrain.core.reach.Cidr;
import dev.vpctrain.core.reach.EgressPath;
import dev.vpctrain.core.reach.Ipv4RangeSet;
import dev.vpctrain.core.reach.NetworkAclEvaluator;
import dev.vpctrain.core.reach.Peer;
import dev.vpctrain.core.reach.Reach;
import dev.vpctrain.core.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.reach.SgDecision;
import dev.vpctrain.core.reach.Traffic;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.rules.subnet.JobSubnets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code request.image.private-registry}: with {@code TrainingRepositoryAccessMode = Vpc} the image
 * is pulled through the job's subnets, so they need a route to the registry host, a network ACL
 * that lets TCP to its port (and the replies) through, and job security groups that let it out;
 * without that mode only ECR images can be pulled.
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
    List<String> subnets = JobSubnets.evaluable(ctx);
    if (subnets.isEmpty()) {
      return one(unverified("None of the job's subnets is in the snapshot, so whether they reach registry " + registry + " is unknown.", null));
    }
    Reach reach = ReachContext.of(ctx);
    List<Finding> out = new ArrayList<>();
    for (String subnet : subnets) {
      Finding f = check(ctx, reach, subnet, image, registry);
      if (f != null) {
        out.add(f);
      }
    }
    if (!registry.isPrivateName() && !registry.isEcr() && out.stream().noneMatch(Finding::isFail)) {
      Finding egress = securityGroups(ctx, registry);
      if (egress != null) {
        out.add(egress);
      }
    }
    if (out.isEmpty()) {
      return one(pass("Every job subnet has a route to registry " + registry + " and the job's security groups allow TCP "
          + registry.port() + " to it.", subnets.toArray(new String[0])));
    }
    return out;
  }

  /** Null when the subnet's network ACL lets TCP to the registry and its replies through, else the finding. */
  private Finding acl(RuleContext ctx, String subnet, String label, RegistryHost registry) {
    if (registry.isAddress()) {
      Optional<Cidr> own = ctx.network().subnet(subnet).flatMap(s -> s.cidrBlock()).flatMap(Cidr::tryParse);
      if (own.isPresent() && own.get().contains(Cidr.parseAddress(registry.host()))) {
        return null; // traffic inside one subnet does not cross its network ACL
      }
    }
    NetworkAclEvaluator acls = NetworkAclEvaluator.of(ctx);
    Optional<NetworkAcl> acl = acls.aclOf(subnet);
    if (acl.isEmpty()) {
      return unverified("Whether the network ACL of subnet " + label + " lets TCP " + registry.port() + " to registry " + registry
          + " through is unknown: " + acls.whyNoAcl(subnet) + ".", null, subnet);
    }
    AclDecision d = acls.request(acl.get(), Traffic.tcp(registry.port()), peer(registry));
    if (d.denied()) {
      return fail("TrainingRepositoryAccessMode is Vpc, but subnet " + label + " cannot reach registry " + registry + ": "
              + d.describe() + " (network ACLs are stateless: the pull needs TCP " + registry.port() + " out and 1024-65535 back in).",
          "aws ec2 create-network-acl-entry --network-acl-id " + acl.get().networkAclId() + (d.egress()
              ? " --egress --port-range From=" + registry.port() + ",To=" + registry.port()
              : " --ingress --port-range From=1024,To=65535")
              + " --protocol tcp --rule-action allow --rule-number <n below the denying rule> --cidr-block "
              + (registry.isAddress() ? registry.host() + "/32" : "0.0.0.0/0"),
          subnet, acl.get().networkAclId());
    }
    if (!d.allowed()) {
      return unverified("Whether network ACL " + acl.get().networkAclId() + " of subnet " + label + " lets TCP " + registry.port()
          + " to registry " + registry + " through cannot be decided: " + d.unknownReason().orElse(d.describe()) + ".",
          null, subnet, acl.get().networkAclId());
    }
    return null;
  }

  private static Peer peer(RegistryHost registry) {
    return registry.isAddress()
        ? Peer.addresses("registry " + registry, Ipv4RangeSet.of(List.of(Cidr.host(Cidr.parseAddress(registry.host())))))
        : Peer.internetHost(registry.host());
  }

  /** Null when the job's security groups allow TCP to the registry, else the FAIL or UNVERIFIED finding. */
  private Finding securityGroups(RuleContext ctx, RegistryHost registry) {
    List<String> groups = new ArrayList<>(new java.util.LinkedHashSet<>(ctx.job().vpc().get().securityGroups()));
    Peer peer = peer(registry);
    SgDecision d = SecurityGroupEvaluator.of(ctx).egress(groups, Traffic.tcp(registry.port()), peer);
    String[] resources = groups.toArray(new String[0]);
    if (d.denied()) {
      String group = groups.isEmpty() ? "<sg-…>" : groups.get(0);
      String cidr = registry.isAddress() ? registry.host() + "/32" : "0.0.0.0/0";
      return fail("TrainingRepositoryAccessMode is Vpc, but none of the job's security groups (" + String.join(", ", groups)
              + ") allows outbound TCP " + registry.port() + " to registry " + registry + ".",
          "aws ec2 authorize-security-group-egress --group-id " + group + " --ip-permissions 'IpProtocol=tcp,FromPort="
              + registry.port() + ",ToPort=" + registry.port() + ",IpRanges=[{CidrIp=" + cidr + "}]'",
          resources);
    }
    if (!d.allowed()) {
      return unverified("Whether the job's security groups allow outbound TCP " + registry.port() + " to registry " + registry
          + " cannot be decided: " + d.unknownReason() + ".", null, resources);
    }
    return null;
  }

  private Finding check(RuleContext ctx, Reach reach, String subnet, String image, RegistryHost registry) {
    String label = JobSubnets.label(ctx, subnet);
    if (registry.isPrivateName()) {
      return unverified("Registry host " + registry.host() + " of " + image + " is a private name whose address the snapshot "
              + "cannot show, so whether subnet " + label + " reaches it is unknown.",
          "Confirm that " + registry.host() + " resolves inside the VPC (or over a modelled path) and that the job's security groups "
              + "allow TCP " + registry.port() + " to it.", subnet);
    }
    EgressPath p;
    if (registry.isAddress()) {
      p = reach.pathTo(subnet, Cidr.parseAddress(registry.host()), Traffic.tcp(registry.port()), peer(registry));
    } else {
      if (registry.isEcr() && servedByEcrEndpoint(ctx, reach, subnet, registry)) {
        return null;
      }
      p = reach.internetPath(subnet, Traffic.tcp(registry.port()), peer(registry));
    }
    String[] resources = p.routeTableId().isEmpty() ? new String[] {subnet} : new String[] {subnet, p.routeTableId()};
    switch (p.kind()) {
      case NAT:
      case LOCAL:
      case GATEWAY_ENDPOINT:
        return registry.isEcr() ? null : acl(ctx, subnet, label, registry);
      case UNKNOWN:
      case UNMODELED:
        return unverified("Whether subnet " + label + " reaches registry " + registry + " cannot be decided: " + p.detail() + ".",
            null, resources);
      default:
        if (registry.isEcr() && !ctx.network().has(dev.vpctrain.core.network.Section.VPC_ENDPOINTS)) {
          return unverified("Subnet " + label + " has no internet path to registry " + registry + " (" + p.detail()
              + "), and whether an ecr.dkr interface endpoint serves it is unknown: "
              + ctx.network().unknownReason(dev.vpctrain.core.network.Section.VPC_ENDPOINTS) + ".", null, resources);
        }
        String fix = registry.isAddress() && Cidr.parse(registry.host()).isNonPublic()
            ? "Add a route to " + registry.host() + " in route table " + p.routeTableId() + ", or pull from ECR."
            : "Give route table " + (p.routeTableId().isEmpty() ? "<rtb-…>" : p.routeTableId()) + " a default route to a NAT gateway "
                + "in a public subnet (aws ec2 create-route --route-table-id " + p.routeTableId()
                + " --destination-cidr-block 0.0.0.0/0 --nat-gateway-id <nat-…>)"
                + (registry.isEcr() ? ", or create interface endpoints com.amazonaws." + ctx.network().region() + ".ecr.dkr and .ecr.api with private DNS" : "")
                + ".";
        if (p.kind() == EgressPath.Kind.NAT_BLOCKED) {
          fix = "Let the NAT gateway's subnet ACL pass the pull (see egress.nat.nacl-blocked): TCP " + registry.port()
              + " in from the job subnets and out to the registry, TCP 1024-65535 back in from it and out to the job subnets.";
        }
        return fail("TrainingRepositoryAccessMode is Vpc, but subnet " + label + " has no " + (p.kind() == EgressPath.Kind.NAT_BLOCKED
            ? "NAT path" : "route") + " to registry " + registry + " of " + image + ": " + p.detail() + ".", fix, resources);
    }
  }

  /** True when an available {@code ecr.dkr} interface endpoint with private DNS serves the subnet's VPC for this registry. */
  private static boolean servedByEcrEndpoint(RuleContext ctx, Reach reach, String subnet, RegistryHost registry) {
    if (!registry.ecrRegion().map(ctx.network().region()::equals).orElse(false)) {
      return false;
    }
    String vpc = reach.routeTableOf(subnet).table().map(t -> t.vpcId())
        .or(() -> ctx.network().subnet(subnet).map(s -> s.vpcId())).orElse("");
    for (VpcEndpoint e : reach.endpoints(vpc, EndpointType.INTERFACE, "ecr.dkr")) {
      if (e.isAvailable() && e.privateDnsEnabled()) {
        return true;
      }
    }
    return false;
  }
}
