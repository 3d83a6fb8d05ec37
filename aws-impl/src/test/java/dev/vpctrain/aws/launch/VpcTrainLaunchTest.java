package dev.vpctrain.aws.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.job.RequestDifference;
import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.aws.support.Describes;
import dev.vpctrain.aws.support.FakeSageMaker;
import dev.vpctrain.aws.support.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Verdict;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VpcTrainLaunchTest {
  final TrainingJobSpec job = TestNetworks.job("resnet50-nightly");
  final FakeSageMaker sageMaker = new FakeSageMaker();

  VpcTrain vpctrain(NetworkSnapshot network) {
    return VpcTrain.builder().sageMaker(sageMaker).networkSource(j -> network).ruleEngine(TestNetworks.engine()).build();
  }

  @Test
  void refusesANotReadyJobNamingTheRuleAndCreatesNothing() {
    assertThatThrownBy(() -> vpctrain(TestNetworks.network(false)).launch(job))
        .isInstanceOfSatisfying(PreflightFailedException.class, e -> {
          assertThat(e.verdict()).isEqualTo(Verdict.NOT_READY);
          assertThat(e.ruleIds()).containsExactly("s3.route.missing");
          assertThat(e.report().problems()).hasSize(2);
        })
        .hasMessageContaining("s3.route.missing")
        .hasMessageContaining(TestNetworks.SUBNET_B)
        .hasMessageContaining("rtb-0a1b2c3d4e5f60711");
    assertThat(sageMaker.creates).isEmpty();
  }

  @Test
  void refusesUnverifiedByDefaultAndLaunchesWhenThePolicyAllowsIt() {
    assertThatThrownBy(() -> vpctrain(TestNetworks.withoutVpcs()).launch(job))
        .isInstanceOf(PreflightFailedException.class)
        .hasMessageContaining("verdict UNVERIFIED")
        .hasMessageContaining("vpc.tenancy.dedicated");
    assertThat(sageMaker.creates).isEmpty();

    VpcTrain lenient = VpcTrain.builder().sageMaker(sageMaker).networkSource(j -> TestNetworks.withoutVpcs())
        .ruleEngine(TestNetworks.engine())
        .launchPolicy(LaunchPolicy.standard().unverified(LaunchPolicy.Decision.ALLOW)).build();
    assertThat(lenient.launch(job).attached()).isFalse();
    assertThat(sageMaker.creates).hasSize(1);
  }

  @Test
  void warningsPassByDefaultAndBlockWhenThePolicySaysSo() {
    TrainingJobSpec oneSubnet = job.toBuilder().vpc(v -> v.subnets(TestNetworks.SUBNET_A)).build();
    VpcTrain strict = VpcTrain.builder().sageMaker(sageMaker).networkSource(j -> TestNetworks.network(true))
        .ruleEngine(TestNetworks.engine())
        .launchPolicy(LaunchPolicy.standard().warnings(LaunchPolicy.Decision.REFUSE)).build();

    assertThatThrownBy(() -> strict.launch(oneSubnet))
        .isInstanceOf(PreflightFailedException.class)
        .hasMessageContaining("verdict READY")
        .hasMessageContaining("vpc.subnets.single-az WARNING FAIL");
    assertThat(sageMaker.creates).isEmpty();

    assertThat(vpctrain(TestNetworks.network(true)).launch(oneSubnet).preflight().orElseThrow().verdict())
        .isEqualTo(Verdict.READY);
    assertThat(sageMaker.creates).hasSize(1);
  }

  @Test
  void readyJobIsCreatedWithItsCompleteRequest() {
    TrainingRun run = vpctrain(TestNetworks.network(true)).launch(job);

    assertThat(sageMaker.describes).containsExactly("resnet50-nightly");
    assertThat(sageMaker.creates).containsExactly(TrainingJobRequests.toRequest(job));
    assertThat(run.jobArn()).contains("arn:aws:sagemaker:us-east-1:123456789012:training-job/resnet50-nightly");
    assertThat(run.attached()).isFalse();
    assertThat(run.spec()).contains(job);
    assertThat(run.preflight().orElseThrow().isReady()).isTrue();
  }

  @Test
  void attachesToAnExistingIdenticalJobWithoutPreflightOrCreate() {
    sageMaker.thenDescribe(new Describes(job).transition("Training", 3, "Training in progress").now("InProgress"));
    AtomicInteger snapshots = new AtomicInteger();
    VpcTrain v = VpcTrain.builder().sageMaker(sageMaker).ruleEngine(TestNetworks.engine())
        .networkSource(j -> {
          snapshots.incrementAndGet();
          return TestNetworks.network(false);
        }).build();

    TrainingRun run = v.launch(job);

    assertThat(run.attached()).isTrue();
    assertThat(sageMaker.creates).isEmpty();
    assertThat(snapshots).hasValue(0);
  }

  @Test
  void refusesAnExistingJobWithADifferentRequestNamingTheMembers() {
    TrainingJobSpec other = job.toBuilder().instanceCount(4).outputPath("s3://acme-ml-artifacts/other/").build();
    sageMaker.thenDescribe(new Describes(other).now("InProgress"));

    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job))
        .isInstanceOfSatisfying(JobConflictException.class, e -> assertThat(e.differences())
            .extracting(RequestDifference::path)
            .containsExactlyInAnyOrder("ResourceConfig.InstanceCount", "OutputDataConfig.S3OutputPath"))
        .hasMessageContaining("ResourceConfig.InstanceCount (requested 2, existing 4)")
        .hasMessageContaining("resnet50-nightly");
    assertThat(sageMaker.creates).isEmpty();
  }

  @Test
  void resourceInUseOnCreateAttachesWhenTheRequestMatches() {
    sageMaker.thenDescribe(FakeSageMaker.notFound()).thenDescribe(new Describes(job).now("InProgress"));
    sageMaker.failCreate(FakeSageMaker.error("ResourceInUse", 400, "Training job names must be unique"));

    TrainingRun run = vpctrain(TestNetworks.network(true)).launch(job);

    assertThat(run.attached()).isTrue();
    assertThat(run.preflight()).isPresent();
    assertThat(sageMaker.describes).hasSize(2);
  }

  @Test
  void validationAndLimitErrorsNameOperationCodeAndMessage() {
    sageMaker.failCreate(FakeSageMaker.error("ValidationException", 400,
        "1 validation error detected: Value 'ml.p9.huge' at 'resourceConfig.instanceType' failed to satisfy constraint"));
    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job))
        .isInstanceOfSatisfying(LaunchException.class, e -> {
          assertThat(e.operation()).isEqualTo("sagemaker:CreateTrainingJob");
          assertThat(e.isValidationError()).isTrue();
          assertThat(e.statusCode()).isEqualTo(400);
        })
        .hasMessage("sagemaker:CreateTrainingJob failed: ValidationException (HTTP 400): 1 validation error detected: "
            + "Value 'ml.p9.huge' at 'resourceConfig.instanceType' failed to satisfy constraint");

    sageMaker.failCreate(FakeSageMaker.error("ResourceLimitExceeded", 400,
        "The account-level service limit 'ml.p4d.24xlarge for training job usage' is 0 Instances"));
    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job))
        .isInstanceOfSatisfying(LaunchException.class, e -> assertThat(e.isLimitExceeded()).isTrue())
        .hasMessageContaining("ResourceLimitExceeded")
        .hasMessageContaining("is 0 Instances");
  }

  @Test
  void aFailingExistenceCheckStopsBeforePreflightAndCreate() {
    sageMaker.thenDescribe(FakeSageMaker.error("AccessDeniedException", 400, "not authorized to perform: sagemaker:DescribeTrainingJob"));

    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job))
        .isInstanceOfSatisfying(LaunchException.class, e -> {
          assertThat(e.operation()).isEqualTo("sagemaker:DescribeTrainingJob");
          assertThat(e.isAccessDenied()).isTrue();
        });
    assertThat(sageMaker.creates).isEmpty();
  }

  @Test
  void missingClientsAreNamed() {
    assertThatThrownBy(() -> VpcTrain.builder().networkSource(j -> TestNetworks.network(true)).build().launch(job))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VpcTrain.launch needs a SageMakerClient")
        .hasMessageContaining("sageMaker(client)");
    assertThatThrownBy(() -> VpcTrain.builder().sageMaker(sageMaker).build().launch(job))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("an Ec2Client and an S3Client");
    assertThatThrownBy(() -> VpcTrain.builder().build().preflight(job))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VpcTrain.preflight needs the job's network");
    assertThatThrownBy(() -> VpcTrain.builder().build().logTail("x"))
        .hasMessageContaining("CloudWatchLogsClient");
    assertThatThrownBy(() -> VpcTrain.builder().build().metricsReader())
        .hasMessageContaining("CloudWatchClient");
    assertThat(sageMaker.describes).isEmpty();
  }

  @Test
  void liveDiscoveryWithAClientThatHasNoRegionSaysHowToSetIt() {
    software.amazon.awssdk.services.ec2.Ec2Client ec2 = new software.amazon.awssdk.services.ec2.Ec2Client() {
      @Override
      public String serviceName() {
        return "ec2";
      }

      @Override
      public void close() {}
    };
    software.amazon.awssdk.services.s3.S3Client s3 = new software.amazon.awssdk.services.s3.S3Client() {
      @Override
      public String serviceName() {
        return "s3";
      }

      @Override
      public void close() {}
    };

    assertThatThrownBy(() -> VpcTrain.builder().ec2(ec2).s3(s3).build().preflight(job))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VpcTrain.builder().region(\"us-east-1\")");
  }

  @Test
  void preflightUsesTheGivenNetworkSource() {
    assertThat(vpctrain(TestNetworks.dedicated()).preflight(job).failure("vpc.tenancy.dedicated")).isPresent();
    assertThat(vpctrain(TestNetworks.network(true)).preflight(job).verdict()).isEqualTo(Verdict.READY);
  }
}
