package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code egress.interface-endpoint.dns}: an interface endpoint for a required service exists but
 * its private DNS is off, or the VPC's {@code enableDnsHostnames} is false, so the service's
 * normal hostname does not resolve to it — and a job subnet has no NAT path to fall back on.
 */
public final class EgressInterfaceEndpointDns extends EgressRule {
  public EgressInterfaceEndpointDns() {
    super("egress.interface-endpoint.dns", Severity.ERROR,
        "Interface endpoints of required services answer to the services' normal hostnames");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, OutsideAccess oa) {
    List<Finding> out = new ArrayList<>();
    for (AwsService s : oa.services()) {
      if (!s.hasVpcEndpoint()) {
        continue;
      }
      if (!ctx.network().has(Section.VPC_ENDPOINTS)) {
        if (!allHaveNat(oa)) {
          out.add(unverified("Whether an interface endpoint for " + oa.serviceName(s) + " resolves is unknown: "
              + ctx.network().unknownReason(Section.VPC_ENDPOINTS) + ".", null));
        }
        continue;
      }
      List<VpcEndpoint> eps = oa.interfaceEndpoints(s);
      if (eps.isEmpty()) {
        continue;
      }
      Tri dnsWorks = Tri.NO;
      for (VpcEndpoint e : eps) {
        dnsWorks = dnsWorks.or(Tri.of(e.privateDnsEnabled()).and(oa.dnsHostnames()));
      }
      if (dnsWorks == Tri.YES) {
        continue;
      }
      VpcEndpoint e = eps.get(0);
      List<String> noNat = new ArrayList<>();
      List<String> unknownNat = new ArrayList<>();
      for (String subnet : oa.subnets()) {
        Access nat = oa.natPath(subnet);
        if (nat.isNo()) {
          noNat.add(subnet);
        } else if (nat.isUnknown()) {
          unknownNat.add(subnet + ": " + nat.reason());
        }
      }
      if (dnsWorks == Tri.UNKNOWN) {
        if (!noNat.isEmpty() || !unknownNat.isEmpty()) {
          out.add(unverified("Interface endpoint " + e.vpcEndpointId() + " for " + oa.serviceName(s)
              + " has private DNS on, but " + oa.dnsHostnamesUnknownReason() + ".", null, e.vpcEndpointId()));
        }
        continue;
      }
      String why = problem(oa, e);
      if (!noNat.isEmpty()) {
        Set<String> res = new LinkedHashSet<>();
        res.add(e.vpcEndpointId());
        res.addAll(noNat);
        out.add(fail("Interface endpoint " + e.vpcEndpointId() + " for " + oa.serviceName(s) + " exists but " + why
                + ", so the service's normal hostname does not resolve to it, and " + String.join(", ", noNat)
                + (noNat.size() == 1 ? " has" : " have") + " no NAT path to fall back on.",
            fix(oa, e), res.toArray(new String[0])));
      } else if (!unknownNat.isEmpty()) {
        out.add(unverified("Interface endpoint " + e.vpcEndpointId() + " for " + oa.serviceName(s) + " exists but "
            + why + "; whether a NAT path serves instead is unknown (" + String.join("; ", unknownNat) + ").",
            null, e.vpcEndpointId()));
      }
    }
    if (out.isEmpty()) {
      return one(pass("Every interface endpoint of a required service answers to the service's normal hostname, "
          + "or the job subnets have a NAT path to fall back on."));
    }
    return out;
  }

  private static boolean allHaveNat(OutsideAccess oa) {
    return oa.subnets().stream().allMatch(s -> oa.natPath(s).isYes());
  }

  private static String problem(OutsideAccess oa, VpcEndpoint e) {
    List<String> p = new ArrayList<>();
    if (!e.privateDnsEnabled()) {
      p.add("its private DNS is off");
    }
    if (oa.dnsHostnames() == Tri.NO) {
      p.add(oa.vpcId().orElse("the VPC") + " has enableDnsHostnames false");
    }
    return String.join(" and ", p);
  }

  private static String fix(OutsideAccess oa, VpcEndpoint e) {
    List<String> cmds = new ArrayList<>();
    if (oa.dnsHostnames() == Tri.NO) {
      cmds.add("aws ec2 modify-vpc-attribute --vpc-id " + oa.vpcId().orElse(e.vpcId())
          + " --enable-dns-hostnames '{\"Value\":true}'");
    }
    if (!e.privateDnsEnabled()) {
      cmds.add("aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + e.vpcEndpointId() + " --private-dns-enabled");
    }
    return "Turn private DNS on: " + String.join(" && ", cmds) + ".";
  }
}
