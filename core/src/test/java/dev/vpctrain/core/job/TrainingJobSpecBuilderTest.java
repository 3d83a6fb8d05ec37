package dev.vpctrain.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.report.Acceptance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written builder over the generated value: read-modify conveniences, nulls, copies. */
class TrainingJobSpecBuilderTest {
  private static TrainingJobSpec.Builder job() {
    return TrainingJobSpec.builder().name("j").instanceType("ml.m5.xlarge").instanceCount(1)
        .vpc(v -> v.subnets("subnet-a", "subnet-b").securityGroups("sg-a"));
  }

  @Test
  void missingNameIsTheOneBuildError() {
    assertThatThrownBy(() -> TrainingJobSpec.builder().roleArn("r").build())
        .isInstanceOf(NullPointerException.class).hasMessage("TrainingJobSpec.name is required");
    assertThatThrownBy(() -> job().name(null).build())
        .isInstanceOf(NullPointerException.class).hasMessage("TrainingJobSpec.name is required");
  }

  @Test
  void vpcConsumerEditsTheCurrentConfigAndStartsFreshAfterNull() {
    TrainingJobSpec edited = job().vpc(v -> v.subnets("subnet-c")).build();
    assertThat(edited.vpc().orElseThrow().subnets()).containsExactly("subnet-c");
    assertThat(edited.vpc().orElseThrow().securityGroups()).containsExactly("sg-a");

    TrainingJobSpec fresh = job().vpc((VpcSpec) null).vpc(v -> v.addSubnet("subnet-d")).build();
    assertThat(fresh.vpc().orElseThrow().subnets()).containsExactly("subnet-d");
    assertThat(fresh.vpc().orElseThrow().securityGroups()).isEmpty();
  }

  @Test
  void nullMeansAbsentAndToBuilderCopiesEverything() {
    TrainingJobSpec spec = job().roleArn("arn:aws:iam::123456789012:role/r").instanceType(null).instanceCount(null)
        .addInstanceGroup("g", "ml.p4d.24xlarge", 2).requires(AwsService.STS, AwsService.KMS)
        .requiresInternet("pypi.org", 443).acceptUnverified("s3.route.unmodeled").efa(true)
        .putApiExtra("Tags", "[]").codePackage("s3://acme-ml-code/src.tar.gz").build();
    assertThat(spec.instanceType()).isEmpty();
    assertThat(spec.instanceCount()).isEmpty();
    assertThat(spec.totalInstanceCount()).isEqualTo(2);
    assertThat(spec.toBuilder().build()).isEqualTo(spec).hasSameHashCodeAs(spec);
    assertThat(spec.toBuilder().efa(null).build().efa()).isEmpty();
    assertThat(spec.toBuilder().roleArn(null).build()).isNotEqualTo(spec);
  }

  @Test
  void requiredServicesAreSortedAndAcceptancesDistinct() {
    TrainingJobSpec spec = job().requires(AwsService.STS, AwsService.ECR_DKR, AwsService.KMS)
        .requires(AwsService.of("STS"))
        .acceptUnverified("s3.route.unmodeled").acceptUnverified("s3.route.unmodeled")
        .acceptedUnverified(List.of(Acceptance.of("dns.resolver.unmodeled"), Acceptance.of("dns.resolver.unmodeled")))
        .acceptUnverified("s3.route.unmodeled").build();
    assertThat(spec.requiredServices()).extracting(AwsService::endpointName).containsExactly("ecr.dkr", "kms", "sts");
    assertThat(spec.acceptedUnverified())
        .containsExactly(Acceptance.of("dns.resolver.unmodeled"), Acceptance.of("s3.route.unmodeled"));
  }

  @Test
  void codePackageMergesIntoTheCurrentHyperparametersAndALaterReplaceWins() {
    TrainingJobSpec merged = job().putApiExtra("HyperParameters", "{\"epochs\":\"3\"}")
        .codePackage("s3://acme-ml-code/src.tar.gz").build();
    assertThat(merged.apiExtras()).containsEntry("HyperParameters",
        "{\"epochs\":\"3\",\"sagemaker_submit_directory\":\"\\\"s3://acme-ml-code/src.tar.gz\\\"\"}");
    TrainingJobSpec replaced = job().codePackage("s3://acme-ml-code/src.tar.gz").apiExtras(Map.of()).build();
    assertThat(replaced.codePackage()).isEmpty();
  }
}
