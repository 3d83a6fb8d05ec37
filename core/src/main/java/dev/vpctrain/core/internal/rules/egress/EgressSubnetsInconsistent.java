package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.HostPort;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code egress.subnets.inconsistent}: the job subnets differ in what they can reach — S3 (in the
 * job's region), each required AWS service, each internet destination — so the job works or
 * fails depending on the subnet SageMaker picks.
 */
public final class EgressSubnetsInconsistent extends EgressRule {
  public EgressSubnetsInconsistent() {
    super("egress.subnets.inconsistent", Severity.WARNING, "The job subnets can all reach the same destinations");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, OutsideAccess oa) {
    if (oa.subnets().size() < 2) {
      return one(pass("The job has one subnet.", oa.subnets().toArray(new String[0])));
    }
    Map<String, Map<String, Tri>> byNeed = new LinkedHashMap<>();
    for (String subnet : oa.subnets()) {
      if (!ctx.job().buckets().isEmpty()) {
        byNeed.computeIfAbsent("S3", k -> new LinkedHashMap<>()).put(subnet, s3(oa.reach().s3Path(subnet, ctx.region())));
      }
      for (AwsService s : oa.services()) {
        byNeed.computeIfAbsent(s.endpointName(), k -> new LinkedHashMap<>()).put(subnet, oa.service(s, subnet).result());
      }
      for (HostPort h : oa.internet()) {
        byNeed.computeIfAbsent(h.toString(), k -> new LinkedHashMap<>()).put(subnet, oa.internet(h, subnet).result());
      }
    }
    List<String> differences = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    Set<String> lacking = new LinkedHashSet<>();
    for (Map.Entry<String, Map<String, Tri>> need : byNeed.entrySet()) {
      List<String> yes = new ArrayList<>();
      List<String> no = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      need.getValue().forEach((subnet, t) -> (t == Tri.YES ? yes : t == Tri.NO ? no : unknown).add(subnet));
      if (!yes.isEmpty() && !no.isEmpty()) {
        differences.add(need.getKey() + " is reachable from " + String.join(", ", yes) + " but not from "
            + String.join(", ", no));
        lacking.addAll(no);
      } else if (!unknown.isEmpty()) {
        undecided.add(need.getKey() + " from " + String.join(", ", unknown));
      }
    }
    if (!differences.isEmpty()) {
      List<String> res = new ArrayList<>(lacking);
      oa.subnets().stream().filter(s -> !lacking.contains(s)).forEach(res::add);
      return one(fail("The job subnets differ in what they can reach: " + String.join("; ", differences)
              + ". The job works or fails depending on the subnet SageMaker picks.",
          "Give every job subnet the same paths (the same route table, endpoints and ACL), or list only the subnets "
              + "that reach everything in VpcConfig.Subnets (see the ERROR findings for " + String.join(", ", lacking)
              + ").",
          res.toArray(new String[0])));
    }
    if (!undecided.isEmpty()) {
      return one(unverified("Whether the job subnets reach the same destinations is unknown for "
          + String.join("; ", undecided) + ".", null, oa.subnets().toArray(new String[0])));
    }
    return one(pass("The job subnets reach the same destinations (" + String.join(", ", byNeed.keySet()) + ").",
        oa.subnets().toArray(new String[0])));
  }

  private static Tri s3(S3Path p) {
    if (p.isWorking()) {
      return Tri.YES;
    }
    return p.kind() == S3Path.Kind.UNKNOWN || p.kind() == S3Path.Kind.UNMODELED ? Tri.UNKNOWN : Tri.NO;
  }
}
