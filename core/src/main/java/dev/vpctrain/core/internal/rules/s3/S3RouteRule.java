package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.RouteMatch;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import java.util.ArrayList;
import java.util.List;

/**
 * The common shape of the {@code s3.route.*} rules: the S3 path of every job subnet in the job's
 * region, one finding per subnet that fails (or cannot be decided), else one PASS. The findings of
 * subnets that share a route table carry one {@link Grouping}, so the report shows one finding per
 * route table naming its subnets, and so do those of subnets whose route tables are unknown for one
 * reason.
 */
abstract class S3RouteRule extends S3PathRule {
  S3RouteRule(String id, Severity severity, String title) {
    super(id, severity, title);
  }

  /** The finding for a decided path, or null when this rule holds for it. */
  abstract Finding judge(RuleContext ctx, Reach reach, S3Path path);

  /** True when an UNKNOWN path still decides this rule (its deciding route is known and of another kind). */
  abstract boolean decidedDespite(RouteMatch route);

  /** The PASS sentence. */
  abstract String passMessage();

  /** The PASS sentence for {@code subnets} (by default {@link #passMessage()}). */
  String passMessage(RuleContext ctx, Reach reach, List<String> subnets) {
    return passMessage();
  }

  @Override
  final List<Finding> evaluatePaths(RuleContext ctx) {
    if (!S3Buckets.anyInJobRegion(ctx)) {
      return one(pass("Every bucket of the job is outside " + ctx.region() + "; s3.bucket.other-region checks their path."));
    }
    List<String> subnets = JobSubnets.evaluable(ctx);
    if (subnets.isEmpty()) {
      return one(unverified("None of the job's subnets is in the snapshot, so their S3 path is unknown.", null,
          JobSubnets.ids(ctx).toArray(new String[0])));
    }
    Reach reach = ReachContext.of(ctx);
    List<Finding> out = new ArrayList<>();
    for (String subnet : subnets) {
      S3Path p = reach.s3Path(subnet, ctx.region());
      if (p.kind() == S3Path.Kind.UNKNOWN) {
        if (p.route().isEmpty() || !decidedDespite(p.route().get())) {
          Finding f = unverified("The S3 path of subnet " + JobSubnets.label(ctx, subnet) + " cannot be decided: " + p.detail() + ".",
              null, resources(subnet, p));
          // the detail names the subnet; subnets whose route tables are unknown for one reason are one finding
          out.add(p.routeTable().sharedReason().map(why -> grouped(ctx, subnet, f,
              "The S3 path of subnets " + Grouping.SUBJECTS + " cannot be decided: " + why + ".")).orElse(f));
        }
        continue;
      }
      Finding f = judge(ctx, reach, p);
      if (f != null) {
        out.add(f);
      }
    }
    if (out.isEmpty()) {
      return one(pass(passMessage(ctx, reach, subnets), subnets.toArray(new String[0])));
    }
    return out;
  }

  /** Subnet, route table and the target of the deciding route. */
  static String[] resources(String subnet, S3Path p) {
    List<String> r = new ArrayList<>();
    r.add(subnet);
    if (!p.routeTableId().isEmpty()) {
      r.add(p.routeTableId());
    }
    p.endpointId().ifPresent(r::add);
    p.target().filter(t -> !r.contains(t)).ifPresent(r::add);
    return r.toArray(new String[0]);
  }

  /**
   * {@code f}, one subnet's finding, merged by the report with those of the other job subnets of the
   * same cause (their route table): {@code groupMessage} is the message for them, with
   * {@link Grouping#SUBJECTS} where the subnets go.
   */
  static Finding grouped(RuleContext ctx, String subnet, Finding f, String groupMessage) {
    return f.withGrouping(Grouping.of(label(ctx, subnet), groupMessage));
  }

  static String vpcOf(S3Path p) {
    return p.routeTable().table().map(t -> t.vpcId()).orElse("<vpc-id>");
  }

  static String label(RuleContext ctx, String subnet) {
    return JobSubnets.label(ctx, subnet);
  }
}
