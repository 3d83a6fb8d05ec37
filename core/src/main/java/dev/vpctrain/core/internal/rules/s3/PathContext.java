package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.internal.policy.ContextValue;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.vpc.JobVpc;
import java.util.ArrayList;
import java.util.List;

/**
 * The condition keys of the job's S3 requests as they arrive over one path. Through a gateway or
 * interface endpoint {@code aws:SourceVpce} and {@code aws:SourceVpc} are set and
 * {@code aws:SourceIp} is absent; through a NAT gateway {@code aws:SourceIp} is its public IP and the
 * endpoint keys are absent; over a path the snapshot cannot tell, all three are unknown. Always:
 * {@code aws:SecureTransport = true}, SigV4 in headers, TLS 1.2 (the floor of AWS SDKs), no MFA, no
 * calling service. Keys not named here (for example {@code aws:PrincipalOrgID},
 * {@code aws:VpcSourceIp}, {@code aws:CurrentTime}) stay unknown.
 *
 * <p>{@code via} says how the request arrives, for messages ("through endpoint vpce-…", "through NAT
 * gateway nat-… (203.0.113.10)"); {@code endpointId} is the endpoint it passes
 * ({@code aws:SourceVpce}) and {@code vpcId} that endpoint's VPC ({@code aws:SourceVpc});
 * {@code natGatewayId} the NAT gateway it passes and {@code sourceIp} the public IP S3 sees
 * ({@code aws:SourceIp}); each null when it does not apply.
 */
record PathContext(String via, RequestContext context, String endpointId, String vpcId, String natGatewayId,
    String sourceIp) {
  /** The contexts of requests to {@code bucket} over {@code path}: one, or one per NAT public IP. */
  static List<PathContext> of(RuleContext ctx, S3Path path, String bucket) {
    List<PathContext> out = new ArrayList<>();
    if (path.viaEndpoint()) {
      String vpc = path.sourceVpc().or(() -> JobVpc.vpcId(ctx)).orElse(null);
      RequestContext.Builder b = base(ctx, bucket)
          .put("aws:SourceVpce", path.endpointId().get())
          .absent("aws:SourceIp")
          .unknown("aws:VpcSourceIp");
      if (vpc != null) {
        b.put("aws:SourceVpc", vpc);
      } else {
        b.unknown("aws:SourceVpc");
      }
      out.add(new PathContext("through endpoint " + path.endpointId().get(), b.build(), path.endpointId().get(), vpc, null, null));
    } else if (path.kind() == S3Path.Kind.NAT) {
      String nat = path.natGatewayId().orElse("?");
      if (path.publicIps().isEmpty()) {
        out.add(new PathContext("through NAT gateway " + nat + " (public IP unknown)",
            natBase(ctx, bucket).unknown("aws:SourceIp").build(), null, null, nat, null));
      }
      for (String ip : path.publicIps()) {
        out.add(new PathContext("through NAT gateway " + nat + " (" + ip + ")", natBase(ctx, bucket).put("aws:SourceIp", ip).build(),
            null, null, nat, ip));
      }
    } else {
      out.add(new PathContext("over a path the snapshot does not show, as " + path.detail(),
          base(ctx, bucket).unknown("aws:SourceVpce", "aws:SourceVpc", "aws:SourceIp", "aws:VpcSourceIp").build(),
          null, null, null, null));
    }
    return out;
  }

  /** A request from outside the job's paths: through {@code vpce} of {@code vpc}, or from {@code sourceIp}. */
  static PathContext elsewhere(RuleContext ctx, String bucket, String vpce, String vpc, String sourceIp) {
    RequestContext.Builder b = base(ctx, bucket);
    if (vpce != null) {
      b.put("aws:SourceVpce", vpce).put("aws:SourceVpc", vpc).absent("aws:SourceIp").unknown("aws:VpcSourceIp");
      return new PathContext("through another VPC endpoint (" + vpce + " of " + vpc + ")", b.build(), vpce, vpc, null, null);
    }
    b.put("aws:SourceIp", sourceIp).absent("aws:SourceVpce", "aws:SourceVpc", "aws:VpcSourceIp");
    return new PathContext("from the internet (" + sourceIp + ")", b.build(), null, null, null, sourceIp);
  }

  private static RequestContext.Builder natBase(RuleContext ctx, String bucket) {
    return base(ctx, bucket).absent("aws:SourceVpce", "aws:SourceVpc", "aws:VpcSourceIp");
  }

  private static RequestContext.Builder base(RuleContext ctx, String bucket) {
    RequestContext.Builder b = RequestContext.builder()
        .put("aws:SecureTransport", "true")
        .put("s3:signatureversion", "AWS4-HMAC-SHA256")
        .put("s3:authType", "REST-HEADER")
        .put("s3:TlsVersion", "1.2")
        .absent("aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:SourceAccount", "aws:SourceArn",
            "aws:SourceOrgID", "aws:SourceOrgPaths");
    BucketFacts facts = ctx.network().buckets().get(bucket);
    String region = facts == null ? null : facts.region().orElse(null);
    if (region != null) {
      b.put("aws:RequestedRegion", region);
    }
    return b;
  }

  /** {@code context} with the keys of one request: {@code s3:prefix} for ListBucket, encryption for PutObject. */
  static RequestContext forRequest(RuleContext ctx, RequestContext context, JobRequest request) {
    return request.context(ctx, context);
  }
}
