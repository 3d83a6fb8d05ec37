package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.internal.reach.InterfaceEndpointUse;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common shape of the {@code s3.interface-endpoint.*} rules: one condition an S3 interface
 * endpoint must meet to count as a subnet's S3 path, checked for every job subnet whose S3 path is
 * (or may be) that endpoint. A subnet that has another working path is not this rule's business.
 */
abstract class S3InterfaceEndpointRule extends S3PathRule {
  S3InterfaceEndpointRule(String id, String title) {
    super(id, Severity.ERROR, title);
  }

  /** Whether {@code use} meets this rule's condition. */
  abstract Tri condition(InterfaceEndpointUse use);

  /** What is wrong (or unknown) about the condition, a sentence fragment. */
  abstract String detail(InterfaceEndpointUse use);

  /** The FAIL for the endpoint of {@code uses} (one per failing subnet, same endpoint). */
  abstract Finding failure(RuleContext ctx, List<InterfaceEndpointUse> uses, List<S3Path> paths);

  /** The PASS sentence when some subnet's S3 path is a working interface endpoint. */
  abstract String passMessage(List<String> endpoints);

  @Override
  final List<Finding> evaluatePaths(RuleContext ctx) {
    if (!S3Buckets.anyInJobRegion(ctx)) {
      return one(pass("Every bucket of the job is outside " + ctx.region() + ", which S3 interface endpoints of "
          + ctx.region() + " do not serve."));
    }
    List<String> subnets = JobSubnets.evaluable(ctx);
    if (subnets.isEmpty()) {
      return one(unverified("None of the job's subnets is in the snapshot, so whether an S3 interface endpoint is their S3 "
          + "path is unknown.", null, JobSubnets.ids(ctx).toArray(new String[0])));
    }
    Reach reach = ReachContext.of(ctx);
    List<Finding> out = new ArrayList<>();
    Map<String, List<InterfaceEndpointUse>> failing = new LinkedHashMap<>();
    Map<String, List<S3Path>> failingPaths = new LinkedHashMap<>();
    Map<String, List<InterfaceEndpointUse>> undecided = new LinkedHashMap<>();
    Map<String, S3Path> undecidedPath = new LinkedHashMap<>();
    List<String> working = new ArrayList<>();
    for (String subnet : subnets) {
      S3Path p = reach.s3Path(subnet, ctx.region());
      if (p.interfaceEndpoint().isEmpty()) {
        if (p.kind() == S3Path.Kind.UNKNOWN && mayHaveS3InterfaceEndpoint(ctx, reach, subnet)) {
          out.add(unverified("Whether an S3 interface endpoint is the S3 path of subnet " + JobSubnets.label(ctx, subnet)
              + " is unknown: " + p.detail() + ".", null, S3RouteRule.resources(subnet, p)));
        }
        continue;
      }
      InterfaceEndpointUse use = p.interfaceEndpoint().get();
      Tri isPath = endpointIsPath(p);
      Tri cond = condition(use);
      if (isPath == Tri.YES && cond == Tri.NO) {
        failing.computeIfAbsent(use.endpointId(), k -> new ArrayList<>()).add(use);
        failingPaths.computeIfAbsent(use.endpointId(), k -> new ArrayList<>()).add(p);
      } else if ((isPath == Tri.YES && cond == Tri.UNKNOWN) || (isPath == Tri.UNKNOWN && cond != Tri.YES)) {
        String key = use.endpointId() + "|" + isPath + "|" + cond + "|" + detail(use);
        undecided.computeIfAbsent(key, k -> new ArrayList<>()).add(use);
        undecidedPath.putIfAbsent(key, p);
      } else if (p.kind() == S3Path.Kind.INTERFACE_ENDPOINT && !working.contains(use.endpointId())) {
        working.add(use.endpointId());
      }
    }
    failing.forEach((endpoint, uses) -> out.add(0, failure(ctx, uses, failingPaths.get(endpoint))));
    undecided.forEach((key, uses) -> {
      InterfaceEndpointUse u = uses.get(0);
      S3Path p = undecidedPath.get(key);
      List<String> res = new ArrayList<>();
      uses.forEach(x -> res.add(x.subnetId()));
      res.add(u.endpointId());
      String subnetsText = subnets(ctx, uses);
      out.add(endpointIsPath(p) == Tri.YES
          ? unverified("S3 traffic of " + subnetsText + " goes to S3 interface endpoint " + u.endpointId() + ", and "
              + detail(u) + ".", null, res.toArray(new String[0]))
          : unverified("For " + subnetsText + ", " + detail(u) + "; whether S3 interface endpoint " + u.endpointId()
              + " is their S3 path is unknown (" + p.detail() + ").", null, res.toArray(new String[0])));
    });
    if (out.isEmpty()) {
      return one(pass(working.isEmpty()
          ? "No job subnet depends on an S3 interface endpoint for S3."
          : passMessage(working), subnets.toArray(new String[0])));
    }
    return out;
  }

  /**
   * YES when the path is the endpoint (also whenever S3's names resolve to it), UNKNOWN when it may
   * be, NO when another path decides.
   */
  static Tri endpointIsPath(S3Path p) {
    if (p.interfaceEndpoint().map(u -> u.dns() == Tri.YES).orElse(false)) {
      return Tri.YES;
    }
    switch (p.kind()) {
      case INTERFACE_ENDPOINT:
      case INTERFACE_ENDPOINT_UNUSABLE:
        return Tri.YES;
      case UNKNOWN:
      case UNMODELED:
        return Tri.UNKNOWN;
      default:
        return Tri.NO;
    }
  }

  private static boolean mayHaveS3InterfaceEndpoint(RuleContext ctx, Reach reach, String subnet) {
    if (!ctx.network().has(Section.VPC_ENDPOINTS)) {
      return true;
    }
    String vpc = reach.routeTableOf(subnet).table().map(t -> t.vpcId())
        .or(() -> ctx.network().subnet(subnet).map(s -> s.vpcId())).orElse(null);
    if (vpc == null) {
      return true;
    }
    return !reach.endpoints(vpc, EndpointType.INTERFACE, "s3").isEmpty();
  }

  /** The subnets of {@code uses}, as labels. */
  static String subnets(RuleContext ctx, List<InterfaceEndpointUse> uses) {
    List<String> out = new ArrayList<>();
    uses.forEach(u -> out.add(JobSubnets.label(ctx, u.subnetId())));
    return String.join(", ", out);
  }
}
