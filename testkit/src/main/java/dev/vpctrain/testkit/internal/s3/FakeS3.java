package dev.vpctrain.testkit.internal.s3;

import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.testkit.network.NetworkBuilder;
import dev.vpctrain.testkit.internal.sdk.AwsError;
import dev.vpctrain.testkit.internal.sdk.ClientDispatch;
import dev.vpctrain.testkit.internal.sdk.FakeClientOf;
import dev.vpctrain.testkit.internal.sdk.ServiceErrors;
import dev.vpctrain.testkit.internal.world.World;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The fake S3 service: bucket locations and policies of the world's buckets. A bucket the world
 * does not have is {@code NoSuchBucket}; a bucket without a policy answers
 * {@code NoSuchBucketPolicy}, as S3 does. Public for the client proxy only.
 */
@FakeClientOf(value = S3Client.class, name = "FakeS3Client")
public final class FakeS3 {
  private static final ServiceErrors ERRORS = new ServiceErrors("S3", S3Exception::builder,
      Map.of("NoSuchBucket", NoSuchBucketException::builder));

  private final World world;

  private FakeS3(World world) {
    this.world = world;
  }

  /** An {@code S3Client} over {@code world}. */
  public static S3Client client(World world) {
    return new FakeS3Client(new ClientDispatch("s3", "s3", new FakeS3(world), world, ERRORS, "x-amz-request-id"));
  }

  public S3ServiceClientConfiguration serviceClientConfiguration() {
    return S3ServiceClientConfiguration.builder().region(Region.of(world.region())).build();
  }

  public GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest r) {
    BucketFacts b = bucket(world.network(), r.bucket());
    String region = b.region().orElseThrow(() -> unknown(world.network(), "s3:GetBucketLocation", b.bucket()));
    return GetBucketLocationResponse.builder()
        .locationConstraint(region.equals("us-east-1") ? null : region)
        .build();
  }

  public GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest r) {
    BucketFacts b = bucket(world.network(), r.bucket());
    if (b.policyState() == PolicyState.NONE) {
      throw new AwsError("NoSuchBucketPolicy", "The bucket policy does not exist", 404);
    }
    if (b.policyState() == PolicyState.UNKNOWN) {
      throw unknown(world.network(), "s3:GetBucketPolicy", b.bucket());
    }
    return GetBucketPolicyResponse.builder().policy(b.policy().orElseThrow()).build();
  }

  public PutBucketPolicyResponse putBucketPolicy(PutBucketPolicyRequest r) {
    String policy = r.policy();
    if (policy == null || !policy.trim().startsWith("{")) {
      throw AwsError.client("MalformedPolicy", "Policies must be valid JSON and the first byte must be '{'");
    }
    world.updateNetwork(n -> {
      bucket(n, r.bucket());
      return NetworkBuilder.from(n).ids(world.ids()).bucket(r.bucket(), d -> d.policy(policy)).build();
    });
    return PutBucketPolicyResponse.builder().build();
  }

  public DeleteBucketPolicyResponse deleteBucketPolicy(DeleteBucketPolicyRequest r) {
    world.updateNetwork(n -> {
      bucket(n, r.bucket());
      return NetworkBuilder.from(n).ids(world.ids()).bucket(r.bucket(), d -> d.noPolicy()).build();
    });
    return DeleteBucketPolicyResponse.builder().build();
  }

  private static BucketFacts bucket(NetworkSnapshot n, String name) {
    if (name == null || name.isEmpty()) {
      throw AwsError.client("InvalidBucketName", "The specified bucket is not valid.");
    }
    BucketFacts b = n.buckets().get(name);
    if (b == null) {
      throw new AwsError("NoSuchBucket", "The specified bucket does not exist", 404);
    }
    return b;
  }

  private static AwsError unknown(NetworkSnapshot n, String operation, String bucket) {
    Optional<CaptureError> e = n.errors().stream()
        .filter(x -> x.operation().equalsIgnoreCase(operation) && (x.resource().isEmpty() || x.resource().equals(bucket)))
        .findFirst();
    if (e.isPresent()) {
      return new AwsError(e.get().code(), e.get().message(), e.get().code().startsWith("AccessDenied") ? 403 : 400);
    }
    return new AwsError("AccessDenied", "Access Denied", 403);
  }
}
