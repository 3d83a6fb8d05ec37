package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code egress.interface-endpoint.az}: an interface endpoint used by the job has no network
 * interface in the Availability Zone of a job subnet (it works, with cross-AZ cost and latency).
 */
public final class EgressInterfaceEndpointAz extends EgressRule {
  public EgressInterfaceEndpointAz() {
    super("egress.interface-endpoint.az", Severity.INFO,
        "Interface endpoints used by the job have a network interface in every job subnet's Availability Zone");
  }

  private static String subnetsReason(RuleContext ctx) {
    return ctx.network().has(Section.SUBNETS) ? "" : " (" + ctx.network().unknownReason(Section.SUBNETS) + ")";
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, OutsideAccess oa) {
    List<Finding> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (AwsService s : oa.services()) {
      if (oa.endpoint(s).isUnknown()) {
        out.add(unverified("Whether the job reaches " + oa.serviceName(s) + " through an interface endpoint is unknown: "
            + oa.endpoint(s).reason() + ".", null));
        continue;
      }
      Optional<VpcEndpoint> found = oa.usableEndpoint(s);
      if (found.isEmpty() || !seen.add(found.get().vpcEndpointId())) {
        continue;
      }
      VpcEndpoint e = found.get();
      Set<String> endpointAzs = new LinkedHashSet<>();
      List<String> unknown = new ArrayList<>();
      for (String sub : e.subnetIds()) {
        Optional<String> az = ctx.network().subnet(sub).flatMap(Subnet::availabilityZone);
        if (az.isPresent()) {
          endpointAzs.add(az.get());
        } else {
          unknown.add("the Availability Zone of the endpoint's subnet " + sub + " is not in the snapshot"
              + subnetsReason(ctx));
        }
      }
      Map<String, String> missing = new LinkedHashMap<>();
      for (String sub : oa.subnets()) {
        Optional<String> az = ctx.network().subnet(sub).flatMap(Subnet::availabilityZone);
        if (az.isEmpty()) {
          unknown.add("the Availability Zone of job subnet " + sub + " is not in the snapshot" + subnetsReason(ctx));
        } else if (!endpointAzs.contains(az.get())) {
          missing.putIfAbsent(az.get(), sub);
        }
      }
      if (!missing.isEmpty()) {
        List<String> res = new ArrayList<>(List.of(e.vpcEndpointId()));
        res.addAll(missing.values());
        out.add(fail("Interface endpoint " + e.vpcEndpointId() + " (" + e.serviceName()
                + ") has no network interface in " + String.join(", ", missing.keySet()) + ", where job subnet"
                + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing.values())
                + (missing.size() == 1 ? " lies" : " lie") + ": calls cross Availability Zones (extra cost and latency).",
            "Add a subnet of each missing zone to the endpoint: aws ec2 modify-vpc-endpoint --vpc-endpoint-id "
                + e.vpcEndpointId() + " --add-subnet-ids " + String.join(" ", missing.values()) + ".",
            res.toArray(new String[0])));
      } else if (!unknown.isEmpty()) {
        out.add(unverified("Whether interface endpoint " + e.vpcEndpointId() + " serves every job subnet's zone is "
            + "unknown: " + String.join("; ", unknown) + ".", null, e.vpcEndpointId()));
      }
    }
    if (out.isEmpty()) {
      return one(pass(seen.isEmpty() ? "No required service is reached through an interface endpoint."
          : "Interface endpoints " + String.join(", ", seen) + " have a network interface in every job subnet's zone.",
          seen.toArray(new String[0])));
    }
    return out;
  }
}
