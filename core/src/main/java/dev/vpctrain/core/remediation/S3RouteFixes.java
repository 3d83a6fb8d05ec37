package dev.vpctrain.core.remediation;

import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The S3 path: one S3 gateway endpoint on the route tables of the job subnets that lack a working
 * route to S3 (created with a least-privilege policy, or an existing one given the missing tables).
 * A more specific prefix-list route wins over a default route to an internet gateway or a dead NAT
 * gateway, so nothing of the user's is removed. A dead prefix-list route is left to a person.
 */
final class S3RouteFixes {
  static final List<String> RULES = List.of("s3.route.missing", "s3.route.igw-only", "s3.route.blackhole");

  private S3RouteFixes() {}

  static void plan(PlanContext p) {
    if (p.vpcId.isEmpty()) {
      return;
    }
    Set<String> tables = new LinkedHashSet<>();
    Set<String> fixes = new LinkedHashSet<>();
    for (String rule : RULES) {
      for (Finding f : p.failing(rule)) {
        for (String subnet : f.resources()) {
          if (!subnet.startsWith("subnet-") || p.net.subnet(subnet).isEmpty()) {
            continue;
          }
          S3Path path = p.reach.s3Path(subnet, p.region);
          if (path.kind() == S3Path.Kind.BLACKHOLE && path.route().flatMap(r -> r.prefixListId()).isPresent()) {
            continue; // a dead gateway-endpoint route: only deleting it helps, which is the user's call
          }
          path.routeTable().table().ifPresent(t -> {
            tables.add(t.routeTableId());
            fixes.add(rule);
          });
        }
      }
    }
    if (tables.isEmpty()) {
      return;
    }
    String vpc = p.vpcId.get();
    Optional<VpcEndpoint> existing = p.reach.s3GatewayEndpoints(vpc).stream()
        .filter(e -> e.state().map(s -> !s.equalsIgnoreCase("deleted") && !s.equalsIgnoreCase("deleting")
            && !s.equalsIgnoreCase("failed")).orElse(true))
        .findFirst();
    if (existing.isPresent()) {
      List<String> add = new ArrayList<>(tables);
      add.removeAll(existing.get().routeTableIds());
      if (add.isEmpty()) {
        return;
      }
      p.add(Severity.ERROR, List.copyOf(fixes),
          "Add route table" + plural(add) + String.join(", ", add) + " to S3 gateway endpoint " + existing.get().vpcEndpointId(),
          "The job subnets' route tables have no working route to S3; the endpoint adds a route to the S3 prefix "
              + "list, which wins over any default route.",
          new Change.AddEndpointRouteTables(existing.get().vpcEndpointId(), add));
    } else {
      p.add(Severity.ERROR, List.copyOf(fixes),
          "Create an S3 gateway endpoint in " + vpc + " for route table" + plural(tables) + String.join(", ", tables),
          "The job subnets have no working route to S3; a gateway endpoint is free and keeps S3 traffic in the AWS "
              + "network. Its policy allows exactly the job's S3 requests and blocks the Amazon Linux repositories.",
          new Change.CreateGatewayEndpoint(vpc, "com.amazonaws." + p.region + ".s3", List.copyOf(tables),
              Policies.leastPrivilegeEndpointPolicy(p.job, p.partition)));
    }
  }

  private static String plural(java.util.Collection<String> c) {
    return c.size() == 1 ? " " : "s ";
  }
}
