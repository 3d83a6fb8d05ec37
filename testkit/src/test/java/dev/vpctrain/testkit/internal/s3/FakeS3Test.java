package dev.vpctrain.testkit.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class FakeS3Test {
  private final FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
  private final S3Client s3 = aws.s3Client();

  @Test
  void aBucketWithoutPolicyAnswersNoSuchBucketPolicy() {
    assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket(Scenarios.ARTIFACT_BUCKET)))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The bucket policy does not exist");
          assertThat(e.awsErrorDetails().serviceName()).isEqualTo("S3");
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-request-id")).contains(e.requestId());
        });
  }

  @Test
  void putBucketPolicyIsWhatGetBucketPolicyAndThePreflightSee() {
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
        + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-artifacts/*\"}]}";

    s3.putBucketPolicy(r -> r.bucket(Scenarios.ARTIFACT_BUCKET).policy(policy));

    assertThat(s3.getBucketPolicy(r -> r.bucket(Scenarios.ARTIFACT_BUCKET)).policy()).isEqualTo(policy);
    assertThat(aws.snapshot().buckets().get(Scenarios.ARTIFACT_BUCKET).policyState()).isEqualTo(PolicyState.PRESENT);
    assertThatThrownBy(() -> s3.putBucketPolicy(r -> r.bucket(Scenarios.ARTIFACT_BUCKET).policy("nonsense")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy"));
  }

  @Test
  void locationIsNullForUsEast1AndTheRegionElsewhere() {
    aws.network(n -> n.bucket("eu-data", b -> b.region("eu-west-1")));

    assertThat(s3.getBucketLocation(r -> r.bucket(Scenarios.DATA_BUCKET)).locationConstraintAsString()).isNull();
    assertThat(s3.getBucketLocation(r -> r.bucket("eu-data")).locationConstraintAsString()).isEqualTo("eu-west-1");
    assertThatThrownBy(() -> s3.getBucketLocation(r -> r.bucket("nobody-has-this")))
        .isInstanceOf(NoSuchBucketException.class).hasMessageContaining("The specified bucket does not exist");
  }
}
