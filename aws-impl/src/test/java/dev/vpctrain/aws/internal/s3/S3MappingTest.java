package dev.vpctrain.aws.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;

class S3MappingTest {

  @Test
  void aMissingOrEmptyConstraintIsUsEast1AndEuIsIreland() {
    assertThat(S3Mapping.region(GetBucketLocationResponse.builder().build())).isEqualTo("us-east-1");
    assertThat(S3Mapping.region(GetBucketLocationResponse.builder().locationConstraint("").build())).isEqualTo("us-east-1");
    assertThat(S3Mapping.region(GetBucketLocationResponse.builder().locationConstraint("EU").build())).isEqualTo("eu-west-1");
    assertThat(S3Mapping.region(GetBucketLocationResponse.builder().locationConstraint("ap-south-2").build()))
        .isEqualTo("ap-south-2");
  }

  @Test
  void regionsRoundTripThroughTheSdkShape() {
    for (String region : new String[] {"us-east-1", "eu-west-1", "us-west-2", "il-central-1"}) {
      assertThat(S3Mapping.region(S3Mapping.sdkLocation(region))).isEqualTo(region);
    }
    assertThat(S3Mapping.sdkLocation("us-east-1").locationConstraintAsString()).isNull();
    assertThat(S3Mapping.sdkLocation("eu-west-1").locationConstraintAsString()).isEqualTo("eu-west-1");
  }

  @Test
  void policiesRoundTrip() {
    String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    assertThat(S3Mapping.policy(S3Mapping.sdkPolicy(doc))).isEqualTo(doc);
    assertThat(S3Mapping.policy(GetBucketPolicyResponse.builder().policy(doc).build())).isEqualTo(doc);
  }
}
