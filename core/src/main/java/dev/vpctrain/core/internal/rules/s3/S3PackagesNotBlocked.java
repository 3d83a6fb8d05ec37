package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.policy.Caller;
import dev.vpctrain.core.internal.policy.Coverage;
import dev.vpctrain.core.internal.policy.Decision;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.Policy;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.policy.JobCaller;
import dev.vpctrain.core.internal.rules.policy.RecommendedPolicies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code s3.packages.not-blocked}: the S3 endpoint policy should keep the job's instances from the
 * Amazon Linux repository buckets ({@code packages.<region>.amazonaws.com},
 * {@code repo.<region>.amazonaws.com}, {@code amazonlinux.<region>.amazonaws.com}). Blocked means
 * the policy allows no {@code s3:GetObject} on any of their objects, anonymously or as the job's
 * role. INFO; WARNING when the spec asks to block package installs.
 */
public final class S3PackagesNotBlocked extends BaseRule {
  public S3PackagesNotBlocked() {
    super("s3.packages.not-blocked", Severity.INFO, "The S3 endpoint policy blocks the Amazon Linux repositories");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    Severity sev = ctx.job().blockPackageRepositories() ? Severity.WARNING : Severity.INFO;
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC."));
    }
    Reach reach = ReachContext.of(ctx);
    Map<String, Set<String>> byEndpoint = new LinkedHashMap<>();
    Map<String, Set<String>> byNat = new LinkedHashMap<>();
    Map<String, S3Path> unknownPaths = new LinkedHashMap<>();
    for (String subnet : new LinkedHashSet<>(ctx.job().vpc().get().subnets())) {
      S3Path path = reach.s3Path(subnet, ctx.region());
      if (path.viaEndpoint()) {
        byEndpoint.computeIfAbsent(path.endpointId().get(), k -> new LinkedHashSet<>()).add(subnet);
      } else if (path.kind() == S3Path.Kind.NAT) {
        byNat.computeIfAbsent(path.natGatewayId().orElse("?"), k -> new LinkedHashSet<>()).add(subnet);
      } else if (path.kind() == S3Path.Kind.UNKNOWN || path.kind() == S3Path.Kind.UNMODELED) {
        unknownPaths.put(subnet, path);
      }
    }
    List<Finding> out = new ArrayList<>();
    byEndpoint.forEach((endpoint, subnets) -> out.add(checkEndpoint(ctx, reach, endpoint, subnets, sev)));
    byNat.forEach((nat, subnets) -> out.add(finding(Outcome.FAIL, sev,
        "The S3 traffic of " + Texts.join(subnets) + " goes through NAT gateway " + nat
            + ", where no endpoint policy applies: the Amazon Linux repositories are reachable.",
        "Add an S3 gateway endpoint to the route tables of " + Texts.join(subnets) + " with a policy such as:\n"
            + RecommendedPolicies.s3EndpointPolicy(ctx) + "\nCreate it with: aws ec2 create-vpc-endpoint --vpc-id <vpc> "
            + "--service-name com.amazonaws." + ctx.region() + ".s3 --route-table-ids <route tables> "
            + "--policy-document file://endpoint-policy.json",
        Texts.resources(nat, subnets, List.of()))));
    unknownPaths.forEach((subnet, path) -> out.add(finding(Outcome.UNVERIFIED, sev,
        "Whether " + subnet + " can reach the Amazon Linux repositories cannot be checked: its S3 path is not known: "
            + path.detail() + ".",
        null, subnet).withGrouping(Grouping.of(subnet, "Whether " + Grouping.SUBJECTS + " can reach the Amazon Linux "
            + "repositories cannot be checked: their S3 path is not known: "
            + path.routeTable().sharedReason().orElse(path.detail()) + "."))));
    if (out.isEmpty()) {
      return one(pass("The job's subnets have no working S3 path, so the Amazon Linux repositories are not reachable."));
    }
    return out;
  }

  private Finding checkEndpoint(RuleContext ctx, Reach reach, String endpoint, Set<String> subnets, Severity sev) {
    S3PolicyAnalysis.Lookup lookup = S3PolicyAnalysis.endpointPolicy(ctx, endpoint);
    String[] resources = Texts.resources(endpoint, subnets, List.of());
    if (!lookup.hasPolicy()) {
      return finding(Outcome.UNVERIFIED, sev, "Whether S3 endpoint " + endpoint + " blocks the Amazon Linux repositories cannot be "
          + "checked: " + lookup.problem() + ".", null, resources);
    }
    Policy policy = lookup.policy();
    S3Path path = reach.s3Path(subnets.iterator().next(), ctx.region());
    String undecided = null;
    for (String bucket : repositoryBuckets(ctx.region())) {
      PathContext pc = PathContext.of(ctx, path, bucket).get(0);
      for (Caller caller : List.of(Caller.anonymous(), JobCaller.of(ctx))) {
        Decision d = policy.evaluate(PolicyRequest.builder()
            .caller(caller)
            .action("s3:GetObject")
            .resource(Target.startingWith("arn:" + ctx.partition() + ":s3:::" + bucket + "/"))
            .context(pc.context().toBuilder().absent("s3:prefix").build())
            .coverage(Coverage.ANY)
            .build());
        if (d.type() == DecisionType.ALLOW) {
          return finding(Outcome.FAIL, sev, "The policy of S3 endpoint " + endpoint + " (used by " + Texts.join(subnets)
                  + ") does not block the Amazon Linux repositories: s3:GetObject on " + bucket + " by " + caller + " is "
                  + d.explanation() + ".",
              "Deny the repositories in the endpoint policy (and allow only the buckets in use), for example:\n"
                  + RecommendedPolicies.s3EndpointPolicy(ctx) + "\nApply it with: " + RecommendedPolicies.applyEndpointPolicy(endpoint),
              resources);
        }
        if (d.isUnknown() && undecided == null) {
          undecided = "s3:GetObject on " + bucket + " by " + caller + " is " + d.explanation();
        }
      }
    }
    if (undecided != null) {
      return finding(Outcome.UNVERIFIED, sev, "Whether S3 endpoint " + endpoint + " blocks the Amazon Linux repositories cannot be "
          + "decided: " + undecided + ".", null, resources);
    }
    return pass("The policy of S3 endpoint " + endpoint + " blocks the Amazon Linux repositories.", resources);
  }

  /** The repository buckets of {@code region}. */
  static List<String> repositoryBuckets(String region) {
    return List.of("packages." + region + ".amazonaws.com", "repo." + region + ".amazonaws.com",
        "amazonlinux." + region + ".amazonaws.com");
  }
}
