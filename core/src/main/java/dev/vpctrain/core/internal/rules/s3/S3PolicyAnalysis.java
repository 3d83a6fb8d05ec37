package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.policy.Decision;
import dev.vpctrain.core.internal.policy.ParsedPolicy;
import dev.vpctrain.core.internal.policy.Policy;
import dev.vpctrain.core.internal.policy.PolicyParseException;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.policy.JobCaller;
import dev.vpctrain.core.internal.rules.policy.PolicyDocuments;
import dev.vpctrain.core.internal.rules.vpc.JobVpc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every required S3 request of the job evaluated against the policies on its path: the policy of
 * the endpoint on each subnet's S3 path, and the bucket policy as the request arrives. Computed once
 * per preflight; the policy rules read it. Requests that share a policy and a context are evaluated
 * once and list every subnet they come from.
 */
final class S3PolicyAnalysis {
  /** Which policy. */
  enum Kind { ENDPOINT, BUCKET }

  /** One request evaluated against one policy. */
  static final class Evaluation {
    final Kind kind;
    /** The endpoint id or the bucket name. */
    final String owner;
    final PathContext via;
    final JobRequest request;
    final Decision decision;
    final Set<String> subnets = new LinkedHashSet<>();

    Evaluation(Kind kind, String owner, PathContext via, JobRequest request, Decision decision) {
      this.kind = kind;
      this.owner = owner;
      this.via = via;
      this.request = request;
      this.decision = decision;
    }
  }

  /** A policy or path that could not be evaluated, and why. */
  static final class Gap {
    final Kind kind;
    final String owner;
    final String reason;
    /** The reason as said of one subnet, where {@link #reason} speaks of several; null when the same. */
    final String single;
    final Set<String> subnets = new LinkedHashSet<>();

    Gap(Kind kind, String owner, String reason, String single) {
      this.kind = kind;
      this.owner = owner;
      this.reason = reason;
      this.single = single;
    }

    /** The reason, worded for the number of subnets the gap has. */
    String reason() {
      return subnets.size() == 1 && single != null ? single : reason;
    }
  }

  /** A policy to evaluate, or the problem that prevents it; both null for a bucket without a policy. */
  record Lookup(Policy policy, String problem) {
    static Lookup of(Policy policy) {
      return new Lookup(policy, null);
    }

    static Lookup problem(String problem) {
      return new Lookup(null, problem);
    }

    boolean hasPolicy() {
      return policy != null;
    }
  }

  private final String notApplicable;
  private final List<Evaluation> evaluations;
  private final List<Gap> gaps;
  private final Set<String> endpointsOnPaths;

  private S3PolicyAnalysis(String notApplicable, List<Evaluation> evaluations, List<Gap> gaps, Set<String> endpointsOnPaths) {
    this.notApplicable = notApplicable;
    this.evaluations = evaluations;
    this.gaps = gaps;
    this.endpointsOnPaths = endpointsOnPaths;
  }

  static S3PolicyAnalysis of(RuleContext ctx) {
    return ctx.cached(S3PolicyAnalysis.class, k -> compute(ctx));
  }

  /** Why the policy checks do not apply (no VPC, no S3 location); empty when they do. */
  Optional<String> notApplicable() {
    return Optional.ofNullable(notApplicable);
  }

  List<Evaluation> evaluations(Kind kind) {
    List<Evaluation> out = new ArrayList<>();
    evaluations.forEach(e -> {
      if (e.kind == kind) {
        out.add(e);
      }
    });
    return out;
  }

  List<Gap> gaps(Kind kind) {
    List<Gap> out = new ArrayList<>();
    gaps.forEach(g -> {
      if (g.kind == kind) {
        out.add(g);
      }
    });
    return out;
  }

  /** The endpoints on the S3 paths of the job's subnets (to the buckets), in order of discovery. */
  Set<String> endpointsOnPaths() {
    return endpointsOnPaths;
  }

  private static S3PolicyAnalysis compute(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return new S3PolicyAnalysis("The job does not run in a VPC.", List.of(), List.of(), Set.of());
    }
    List<JobRequest> requests = JobRequest.of(ctx);
    if (requests.isEmpty()) {
      return new S3PolicyAnalysis("The job touches no S3 location.", List.of(), List.of(), Set.of());
    }
    Reach reach = ReachContext.of(ctx);
    Map<List<Object>, Evaluation> evaluations = new LinkedHashMap<>();
    Map<List<Object>, Gap> gaps = new LinkedHashMap<>();
    Set<String> endpoints = new LinkedHashSet<>();
    Map<List<Object>, List<PathContext>> contexts = new HashMap<>();
    // One instance per distinct context: paths that differ only in detail share their contexts, so
    // the evaluation keys below compare them by identity rather than request context by context.
    Map<PathContext, PathContext> canonical = new HashMap<>();
    for (String subnet : new LinkedHashSet<>(ctx.job().vpc().get().subnets())) {
      for (String bucket : ctx.job().buckets()) {
        S3Path path = reach.s3Path(subnet, bucketRegion(ctx, bucket));
        List<JobRequest> forBucket = new ArrayList<>();
        requests.forEach(r -> {
          if (r.bucket().equals(bucket)) {
            forBucket.add(r);
          }
        });
        List<PathContext> pcs = contexts.computeIfAbsent(
            List.of(path.kind(), path.endpointId(), path.natGatewayId(), path.publicIps(), path.sourceVpc(), path.detail(),
                Optional.ofNullable(ctx.network().buckets().get(bucket)).flatMap(BucketFacts::region)),
            k -> canonical(canonical, PathContext.of(ctx, path, bucket)));
        endpointPolicy(ctx, reach, subnet, path, pcs, forBucket, evaluations, gaps, endpoints);
        bucketPolicy(ctx, subnet, bucket, path, pcs, forBucket, evaluations, gaps);
      }
    }
    return new S3PolicyAnalysis(null, List.copyOf(evaluations.values()), List.copyOf(gaps.values()), endpoints);
  }

  private static List<PathContext> canonical(Map<PathContext, PathContext> canonical, List<PathContext> pcs) {
    List<PathContext> out = new ArrayList<>(pcs.size());
    for (PathContext pc : pcs) {
      out.add(canonical.computeIfAbsent(pc, k -> k));
    }
    return out;
  }

  static String bucketRegion(RuleContext ctx, String bucket) {
    BucketFacts facts = ctx.network().buckets().get(bucket);
    return facts == null ? ctx.region() : facts.region().orElse(ctx.region());
  }

  private static void endpointPolicy(RuleContext ctx, Reach reach, String subnet, S3Path path, List<PathContext> pcs,
      List<JobRequest> requests,
      Map<List<Object>, Evaluation> evaluations, Map<List<Object>, Gap> gaps, Set<String> endpoints) {
    if (path.viaEndpoint()) {
      String id = path.endpointId().get();
      endpoints.add(id);
      Lookup policy = endpointPolicy(ctx, id);
      if (!policy.hasPolicy()) {
        gap(gaps, Kind.ENDPOINT, id, policy.problem(), subnet);
        return;
      }
      evaluate(ctx, policy.policy(), Kind.ENDPOINT, id, subnet, pcs, requests, evaluations);
    } else if (path.kind() == S3Path.Kind.UNKNOWN || path.kind() == S3Path.Kind.UNMODELED) {
      if (mayHaveS3Endpoints(ctx, reach)) {
        // subnets whose route tables are unknown for one reason are one gap
        String single = "which endpoint, if any, serves the S3 path of " + subnet + " is not known: " + path.detail();
        Optional<String> shared = path.routeTable().sharedReason();
        gap(gaps, Kind.ENDPOINT, shared.isPresent() ? "" : subnet, shared
            .map(why -> "which endpoint, if any, serves their S3 path is not known: " + why).orElse(single), single, subnet);
      }
    }
  }

  /** The endpoint's policy, or why it cannot be evaluated. */
  static Lookup endpointPolicy(RuleContext ctx, String endpointId) {
    if (!ctx.network().has(Section.VPC_ENDPOINTS)) {
      return Lookup.problem("the policy of endpoint " + endpointId + " is not known: " + ctx.network().unknownReason(Section.VPC_ENDPOINTS));
    }
    Optional<VpcEndpoint> e = ctx.network().vpcEndpoint(endpointId);
    if (e.isEmpty()) {
      return Lookup.problem("endpoint " + endpointId + " is not in the snapshot");
    }
    ParsedPolicy parsed = PolicyDocuments.endpointPolicyOrDefault(ctx, e.get());
    if (!parsed.isValid()) {
      return Lookup.problem("the policy of endpoint " + endpointId + " cannot be read: " + describe(parsed.error().get()));
    }
    return Lookup.of(parsed.policy().get());
  }

  private static boolean mayHaveS3Endpoints(RuleContext ctx, Reach reach) {
    if (!ctx.network().has(Section.VPC_ENDPOINTS)) {
      return true;
    }
    Optional<String> vpc = JobVpc.vpcId(ctx);
    if (vpc.isEmpty()) {
      return true;
    }
    return !reach.s3GatewayEndpoints(vpc.get()).isEmpty()
        || !reach.endpoints(vpc.get(), EndpointType.INTERFACE, "s3").isEmpty();
  }

  private static void bucketPolicy(RuleContext ctx, String subnet, String bucket, S3Path path, List<PathContext> pcs,
      List<JobRequest> requests,
      Map<List<Object>, Evaluation> evaluations, Map<List<Object>, Gap> gaps) {
    Lookup policy = bucketPolicy(ctx, bucket);
    if (policy.problem() != null) {
      gap(gaps, Kind.BUCKET, bucket, policy.problem(), subnet);
      return;
    }
    if (!policy.hasPolicy()) {
      return;
    }
    boolean arrives = path.isWorking() || path.kind() == S3Path.Kind.UNKNOWN || path.kind() == S3Path.Kind.UNMODELED;
    if (arrives) {
      evaluate(ctx, policy.policy(), Kind.BUCKET, bucket, subnet, pcs, requests, evaluations);
    }
  }

  /** The bucket's policy, neither policy nor problem when it has none, or why it cannot be evaluated. */
  static Lookup bucketPolicy(RuleContext ctx, String bucket) {
    BucketFacts facts = ctx.network().buckets().get(bucket);
    if (facts == null || facts.policyState() == PolicyState.UNKNOWN) {
      Optional<CaptureError> err = ctx.network().errors().stream()
          .filter(e -> e.operation().equalsIgnoreCase("s3:GetBucketPolicy") && e.resource().equals(bucket))
          .findFirst();
      return Lookup.problem("the bucket policy of " + bucket + " is not known: " + err
          .map(e -> "s3:GetBucketPolicy " + e.failure())
          .orElse("s3:GetBucketPolicy was not captured in the snapshot"));
    }
    if (facts.policyState() == PolicyState.NONE) {
      return new Lookup(null, null);
    }
    ParsedPolicy parsed = PolicyDocuments.bucketPolicy(ctx, facts).get();
    if (!parsed.isValid()) {
      return Lookup.problem("the bucket policy of " + bucket + " cannot be read: " + describe(parsed.error().get()));
    }
    return Lookup.of(parsed.policy().get());
  }

  private static void evaluate(RuleContext ctx, Policy policy, Kind kind, String owner, String subnet, List<PathContext> pcs,
      List<JobRequest> requests, Map<List<Object>, Evaluation> evaluations) {
    for (PathContext pc : pcs) {
      for (JobRequest r : requests) {
        List<Object> key = List.of(kind, owner, pc, r);
        Evaluation e = evaluations.get(key);
        if (e == null) {
          PolicyRequest request = PolicyRequest.builder()
              .caller(JobCaller.of(ctx))
              .action(r.action())
              .resource(r.resource())
              .context(PathContext.forRequest(ctx, pc.context(), r))
              .build();
          e = new Evaluation(kind, owner, pc, r, policy.evaluate(request));
          evaluations.put(key, e);
        }
        e.subnets.add(subnet);
      }
    }
  }

  /** "line 3 column 14 (Statement[0].Effect): expected …", without the source the caller names already. */
  static String describe(PolicyParseException e) {
    return e.location() + ": " + e.detail();
  }

  private static void gap(Map<List<Object>, Gap> gaps, Kind kind, String owner, String reason, String subnet) {
    gap(gaps, kind, owner, reason, null, subnet);
  }

  private static void gap(Map<List<Object>, Gap> gaps, Kind kind, String owner, String reason, String single,
      String subnet) {
    gaps.computeIfAbsent(List.of(kind, owner, reason), k -> new Gap(kind, owner, reason, single)).subnets.add(subnet);
  }
}
