package dev.vpctrain.core.remediation;

import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * S3 endpoint and bucket policies. Statements are only ever added to a policy (every existing one
 * kept); the one replacement, of a default full-access endpoint policy by a least-privilege one,
 * is optional hardening.
 */
final class S3PolicyFixes {
  static final String DENIES = "s3.endpoint-policy.denies";
  static final String PACKAGES = "s3.packages.not-blocked";
  static final String FULL_ACCESS = "s3.endpoint-policy.full-access";
  static final String NOT_RESTRICTED = "s3.bucket-policy.not-restricted";

  private S3PolicyFixes() {}

  static void plan(PlanContext p) {
    Map<String, List<Map<String, Object>>> additions = new LinkedHashMap<>();
    Map<String, Set<String>> fixes = new LinkedHashMap<>();
    for (Finding f : p.failing(DENIES)) {
      for (String vpce : endpointsOf(p, f)) {
        additions.computeIfAbsent(vpce, k -> new ArrayList<>()).addAll(Policies.jobAllowStatements(p.job, p.partition));
        fixes.computeIfAbsent(vpce, k -> new LinkedHashSet<>()).add(f.ruleId());
      }
    }
    for (Finding f : p.failing(PACKAGES)) {
      for (String vpce : endpointsOf(p, f)) {
        additions.computeIfAbsent(vpce, k -> new ArrayList<>()).addAll(Policies.repositoryDenyStatements(p.partition));
        fixes.computeIfAbsent(vpce, k -> new LinkedHashSet<>()).add(f.ruleId());
      }
    }
    for (Map.Entry<String, List<Map<String, Object>>> e : additions.entrySet()) {
      addStatements(p, e.getKey(), e.getValue(), fixes.get(e.getKey()));
    }
    for (Finding f : p.failing(FULL_ACCESS)) {
      for (String vpce : endpointsOf(p, f)) {
        Optional<VpcEndpoint> endpoint = p.net.vpcEndpoint(vpce);
        if (additions.containsKey(vpce) || endpoint.isEmpty()) {
          continue;
        }
        p.add(Severity.INFO, List.of(f.ruleId()), "Replace the full-access policy of S3 endpoint " + vpce,
            "The guide recommends a custom endpoint policy. This one allows exactly the job's S3 requests and denies the "
                + "Amazon Linux repositories. It narrows the endpoint: other workloads in the VPC that use S3 through it "
                + "would lose access, so the step is optional.",
            new Change.SetEndpointPolicy(vpce, endpoint.get().policyDocument(),
                Policies.leastPrivilegeEndpointPolicy(p.job, p.partition)));
      }
    }
    bucketPolicies(p);
  }

  private static void addStatements(PlanContext p, String vpce, List<Map<String, Object>> statements, Set<String> fixes) {
    Optional<VpcEndpoint> endpoint = p.net.vpcEndpoint(vpce);
    if (endpoint.isEmpty()) {
      return;
    }
    Optional<String> current = endpoint.get().policyDocument();
    String merged;
    try {
      merged = Policies.merge(current, statements, "policy of " + vpce);
    } catch (RuntimeException ex) {
      return; // the policy rules report the malformed policy; there is nothing safe to merge into
    }
    boolean denies = fixes.contains(DENIES);
    List<String> blocked = denies ? EndpointPolicyCheck.explicitDenials(p, merged, vpce) : List.of();
    if (!blocked.isEmpty()) {
      p.add(Severity.ERROR, List.of(DENIES), "Lift the Deny in the policy of S3 endpoint " + vpce,
          "A Deny statement of the endpoint policy blocks the job's requests, so adding Allow statements cannot help; "
              + "vpctrain never weakens a Deny you wrote.",
          new Change.Advice("Change or remove the Deny statement of the policy of " + vpce + " that blocks: "
              + String.join("; ", blocked) + ". Then run vpctrain plan again."));
      p.handled.add(DENIES);
      if (fixes.contains(PACKAGES)) {
        addStatements(p, vpce, Policies.repositoryDenyStatements(p.partition), Set.of(PACKAGES));
      }
      return;
    }
    if (current.isPresent() && Policies.samePolicy(current.get(), merged)) {
      return; // every statement is there already: nothing this plan can add
    }
    Severity severity = denies ? Severity.ERROR : p.job.blockPackageRepositories() ? Severity.WARNING : Severity.INFO;
    p.add(severity, List.copyOf(fixes), "Add statements to the policy of S3 endpoint " + vpce,
        (denies ? "The endpoint policy does not allow the job's S3 requests; the added Allow statements cover exactly "
            + "the job's buckets, prefixes and actions. " : "")
            + (fixes.contains(PACKAGES)
                ? "The AWS guide recommends denying the Amazon Linux package repositories through the endpoint. " : "")
            + "Every existing statement is kept.",
        new Change.SetEndpointPolicy(vpce, current, merged));
  }

  private static void bucketPolicies(PlanContext p) {
    for (Finding f : p.failing(NOT_RESTRICTED)) {
      List<String> vpces = endpointsOf(p, f);
      if (vpces.isEmpty()) {
        vpces = jobPathEndpoints(p);
      }
      for (String bucket : p.bucketsOf(f)) {
        BucketFacts facts = p.net.buckets().get(bucket);
        if (vpces.isEmpty() || facts == null) {
          continue; // the job reaches S3 through a NAT gateway, or not at all: no endpoint to restrict to
        }
        Optional<String> current = facts.policy();
        String merged;
        try {
          merged = Policies.merge(current,
              List.of(Policies.restrictToEndpointStatement(bucket, vpces, p.partition)), "policy of bucket " + bucket);
        } catch (RuntimeException ex) {
          continue;
        }
        p.add(Severity.INFO, List.of(f.ruleId()), "Restrict bucket " + bucket + " to S3 endpoint" + (vpces.size() == 1 ? " " : "s ")
            + String.join(", ", vpces),
            "The guide recommends that a training bucket accept requests only through the VPC endpoint. The added Deny "
                + "statement also blocks console and CLI access from outside the VPC, so the step is optional; every "
                + "existing statement is kept.",
            new Change.SetBucketPolicy(bucket, current, merged));
      }
    }
  }

  /**
   * The endpoints every job subnet's S3 path goes through; empty unless every job subnet's path is
   * an endpoint (a bucket restricted to endpoints would refuse a NAT path).
   */
  static List<String> jobPathEndpoints(PlanContext p) {
    Set<String> out = new LinkedHashSet<>();
    List<String> subnets = p.jobSubnets();
    for (String subnet : subnets) {
      Optional<String> e = p.reach.s3Path(subnet, p.region).endpointId();
      if (e.isEmpty()) {
        return List.of();
      }
      out.add(e.get());
    }
    return new ArrayList<>(out);
  }

  /** The S3 gateway endpoints a finding is about: those it names, else those on its subnets' S3 paths. */
  static List<String> endpointsOf(PlanContext p, Finding f) {
    List<String> named = PlanContext.endpointIds(f);
    if (!named.isEmpty()) {
      return named;
    }
    Set<String> onPath = new LinkedHashSet<>();
    for (String r : f.resources()) {
      if (r.startsWith("subnet-") && p.net.subnet(r).isPresent()) {
        p.reach.s3Path(r, p.region).endpointId().ifPresent(onPath::add);
      }
    }
    return new ArrayList<>(onPath);
  }
}
