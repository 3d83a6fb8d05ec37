package dev.vpctrain.testkit.example;

import static dev.vpctrain.testkit.assertions.VpcTrainAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import dev.vpctrain.testkit.junit.FakeAwsTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example launcher built on {@code VpcTrain.launch}, tested against the fake world. */
@FakeAwsTest
class GuardedLauncherTest {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

  // tag::launches[]
  @Test
  @FakeAwsTest(scenario = "ready-private-endpoints")
  void launchesAndWaitsWhenTheNetworkIsReady(FakeAws aws) throws Exception {
    GuardedLauncher launcher = new GuardedLauncher(aws.vpcTrain().build(),
        NightlyTraining.acme(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B));

    TrainingOutcome outcome = launcher.trainNightly(DAY);

    assertThat(outcome.isCompleted()).isTrue();
    assertThat(launcher.progress()).containsSubsequence("Downloading", "Training", "Uploading", "Completed");
    assertThat(aws.sageMaker()).createdJob("resnet50-2026-01-05").isCompleted();
  }
  // end::launches[]

  // tag::plain[]
  @Test
  @FakeAwsTest(scenario = "no-s3-endpoint")
  void aVpcTrainBuiltFromTheFakeClientsAloneRefusesToo(FakeAws aws) {
    VpcTrain vpctrain = VpcTrain.builder()
        .ec2(aws.ec2Client()).s3(aws.s3Client()).sageMaker(aws.sageMakerClient())
        .clock(aws.clock()).sleeper(aws.sleeper())
        .build();
    GuardedLauncher launcher = new GuardedLauncher(vpctrain,
        NightlyTraining.acme(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B));

    assertThatThrownBy(() -> launcher.trainNightly(DAY)).hasMessageContaining("s3.route.missing");
    assertThat(aws.sageMaker()).createdNoJobs();
  }
  // end::plain[]

  // tag::refuses[]
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "no-s3-endpoint,     s3.route.missing,        subnet-0a1b2c3d4e5f60101",
      "public-subnet-igw,  s3.route.igw-only,       subnet-0a1b2c3d4e5f60201",
      "dedicated-tenancy,  vpc.tenancy.dedicated,   subnet-0a1b2c3d4e5f60101",
      "sg-no-self-ingress, sg.self-ingress.missing, subnet-0a1b2c3d4e5f60101",
      "subnet-out-of-ips,  subnet.ip-capacity,      subnet-0a1b2c3d4e5f60101"})
  void refusesToLaunchIntoABrokenNetwork(String scenario, String rule, String subnet, FakeAws aws) {
    aws.load(Scenarios.named(scenario));
    GuardedLauncher launcher = new GuardedLauncher(aws.vpcTrain().build(), NightlyTraining.acme(subnet));

    assertThatThrownBy(() -> launcher.trainNightly(DAY))
        .isInstanceOf(PreflightFailedException.class)
        .hasMessageContaining(rule);
    assertThat(aws.sageMaker()).createdNoJobs();
  }
  // end::refuses[]
}
