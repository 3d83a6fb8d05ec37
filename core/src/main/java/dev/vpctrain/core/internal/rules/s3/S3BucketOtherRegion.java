package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code s3.bucket.other-region}: a bucket outside the job's region FAILs for a subnet whose only
 * S3 path is an endpoint (gateway and interface endpoints serve their own region) without a NAT
 * path to fall back on; input data must be in the job's region at all (the {@code S3DataSource}
 * API contract). A subnet with no working S3 path at all is left to the {@code s3.route.*} rules.
 */
public final class S3BucketOtherRegion extends BaseRule {
  public S3BucketOtherRegion() {
    super("s3.bucket.other-region", Severity.ERROR, "The job's buckets are in its region or reachable from every job subnet");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    Map<String, List<S3Access>> byBucket = new LinkedHashMap<>();
    for (S3Access a : ctx.job().s3Accesses()) {
      byBucket.computeIfAbsent(a.location().bucket(), k -> new ArrayList<>()).add(a);
    }
    if (byBucket.isEmpty()) {
      return one(pass("The job touches no S3 location."));
    }
    String jobRegion = ctx.region();
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, List<S3Access>> e : byBucket.entrySet()) {
      String bucket = e.getKey();
      Optional<String> region = S3Buckets.region(ctx, bucket);
      if (region.isEmpty()) {
        out.add(unverified("The region of bucket " + bucket + " (" + fields(e.getValue()) + ") is unknown: "
                + S3Buckets.regionUnknownReason(ctx, bucket) + ".",
            "Capture it with: aws s3api get-bucket-location --bucket " + bucket, bucket));
        continue;
      }
      if (region.get().equals(jobRegion)) {
        continue;
      }
      List<S3Access> inputs = e.getValue().stream().filter(a -> a.field().startsWith("InputDataConfig")).toList();
      if (!inputs.isEmpty()) {
        String prefix = inputs.get(0).location().toString();
        out.add(fail("Input bucket " + bucket + " (" + fields(inputs) + ") is in " + region.get() + ", but the job runs in " + jobRegion
                + ": SageMaker requires input data in the job's region.",
            "Copy the data to a bucket in " + jobRegion + " and point the channel at it: aws s3 sync " + prefix
                + " s3://<bucket-in-" + jobRegion + ">/" + inputs.get(0).location().key() + " --source-region " + region.get()
                + " --region " + jobRegion,
            bucket));
        continue;
      }
      if (ctx.job().vpc().isEmpty()) {
        continue;
      }
      out.addAll(paths(ctx, bucket, region.get(), e.getValue()));
    }
    if (out.isEmpty()) {
      return one(pass(ctx.job().vpc().isEmpty() || allHome(ctx, byBucket)
          ? "Every bucket of the job is in " + jobRegion + "."
          : "No job subnet depends on an endpoint alone for the buckets outside " + jobRegion
              + " (a NAT path serves them, or s3.route.* report the subnet)."));
    }
    return out;
  }

  private List<Finding> paths(RuleContext ctx, String bucket, String region, List<S3Access> accesses) {
    List<Finding> out = new ArrayList<>();
    List<String> subnets = JobSubnets.evaluable(ctx);
    if (subnets.isEmpty()) {
      out.add(unverified("None of the job's subnets is in the snapshot, so the path to bucket " + bucket + " in " + region
          + " is unknown.", null, bucket));
      return out;
    }
    Reach reach = ReachContext.of(ctx);
    String what = "Bucket " + bucket + " (" + fields(accesses) + ") is in " + region + ", not the job's region " + ctx.region();
    for (String subnet : subnets) {
      S3Path p = reach.s3Path(subnet, region);
      if (p.isWorking()) {
        continue;
      }
      String label = JobSubnets.label(ctx, subnet);
      String[] resources = resources(bucket, subnet, p);
      if (p.kind() == S3Path.Kind.UNKNOWN || p.kind() == S3Path.Kind.UNMODELED) {
        out.add(unverified(what + ", and whether subnet " + label + " reaches S3 in " + region + " cannot be decided: " + p.detail() + ".",
            null, resources));
        continue;
      }
      S3Path home = reach.s3Path(subnet, ctx.region());
      if (home.kind() == S3Path.Kind.UNKNOWN) {
        out.add(unverified(what + ", and the S3 path of subnet " + label + " cannot be decided: " + home.detail() + ".", null, resources));
        continue;
      }
      if (!home.viaEndpoint()) {
        continue; // the subnet has no working S3 path at all: s3.route.* name it
      }
      String why = "subnet " + label + "'s only S3 path is " + (home.kind() == S3Path.Kind.GATEWAY_ENDPOINT ? "gateway" : "interface")
          + " endpoint " + home.endpointId().orElse("?") + ", which serves S3 in " + ctx.region() + " only (" + p.detail() + ")";
      String table = p.routeTableId().isEmpty() ? "<rtb-…>" : p.routeTableId();
      out.add(fail(what + ", and " + why + ".",
          "Use a bucket in " + ctx.region() + " for " + fields(accesses) + ", or give " + subnet
              + " a default route to a working NAT gateway (aws ec2 create-route --route-table-id " + table
              + " --destination-cidr-block 0.0.0.0/0 --nat-gateway-id <nat-…>).",
          resources));
    }
    return out;
  }

  private static boolean allHome(RuleContext ctx, Map<String, List<S3Access>> byBucket) {
    for (String b : byBucket.keySet()) {
      if (!S3Buckets.region(ctx, b).map(ctx.region()::equals).orElse(false)) {
        return false;
      }
    }
    return true;
  }

  private static String[] resources(String bucket, String subnet, S3Path p) {
    List<String> r = new ArrayList<>(List.of(bucket, subnet));
    if (!p.routeTableId().isEmpty()) {
      r.add(p.routeTableId());
    }
    return r.toArray(new String[0]);
  }

  private static String fields(List<S3Access> accesses) {
    List<String> f = new ArrayList<>();
    for (S3Access a : accesses) {
      if (!f.contains(a.field())) {
        f.add(a.field());
      }
    }
    return String.join(", ", f);
  }
}
