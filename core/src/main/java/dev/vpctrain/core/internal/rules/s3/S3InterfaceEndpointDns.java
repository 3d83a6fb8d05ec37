package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.InterfaceEndpointUse;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code s3.interface-endpoint.dns}: a subnet's only S3 path is an S3 interface endpoint, but S3's
 * normal hostnames do not resolve to it — its private DNS is off, or the VPC's
 * {@code enableDnsSupport} or {@code enableDnsHostnames} is false — so they resolve to public
 * addresses the subnet cannot reach.
 */
public final class S3InterfaceEndpointDns extends S3InterfaceEndpointRule {
  public S3InterfaceEndpointDns() {
    super("s3.interface-endpoint.dns", "S3's hostnames resolve to the S3 interface endpoint a job subnet depends on");
  }

  @Override
  Tri condition(InterfaceEndpointUse use) {
    return use.dns();
  }

  @Override
  String detail(InterfaceEndpointUse use) {
    return use.dns() == Tri.NO ? "S3's names do not resolve to it: " + use.dnsDetail()
        : "whether S3's names resolve to it is unknown: " + use.dnsDetail();
  }

  @Override
  Finding failure(RuleContext ctx, List<InterfaceEndpointUse> uses, List<S3Path> paths) {
    InterfaceEndpointUse u = uses.get(0);
    String vpc = u.endpoint().vpcId();
    Set<String> res = new LinkedHashSet<>();
    res.add(u.endpointId());
    uses.forEach(x -> res.add(x.subnetId()));
    if (u.dnsProblems().stream().anyMatch(p -> p.startsWith(vpc))) {
      res.add(vpc);
    }
    List<String> cmds = new ArrayList<>();
    for (String p : u.dnsProblems()) {
      if (p.endsWith("enableDnsSupport off")) {
        cmds.add("aws ec2 modify-vpc-attribute --vpc-id " + vpc + " --enable-dns-support '{\"Value\":true}'");
      } else if (p.endsWith("enableDnsHostnames off")) {
        cmds.add("aws ec2 modify-vpc-attribute --vpc-id " + vpc + " --enable-dns-hostnames '{\"Value\":true}'");
      }
    }
    if (!u.endpoint().privateDnsEnabled()) {
      cmds.add("aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + u.endpointId() + " --private-dns-enabled");
    }
    return fail("S3 interface endpoint " + u.endpointId() + " is the only S3 path of " + subnets(ctx, uses)
            + ", but S3's hostnames do not resolve to it, as " + u.dnsDetail() + ": they resolve to public addresses, which "
            + "the subnet" + (uses.size() == 1 ? "" : "s") + " cannot reach: "
            + paths.get(0).routedPath().map(S3Path::detail).orElse(paths.get(0).detail()) + ".",
        "Make S3's names resolve to the endpoint: " + String.join(" && ", cmds)
            + " (private DNS needs both VPC DNS attributes on). Or give the route table" + (uses.size() == 1 ? "" : "s")
            + " an S3 gateway endpoint route.",
        res.toArray(new String[0]));
  }

  @Override
  String passMessage(List<String> endpoints) {
    return "S3's hostnames resolve to the S3 interface endpoint" + (endpoints.size() == 1 ? " " : "s ")
        + String.join(", ", endpoints) + " the job subnets use (private DNS on, enableDnsSupport and enableDnsHostnames on).";
  }
}
