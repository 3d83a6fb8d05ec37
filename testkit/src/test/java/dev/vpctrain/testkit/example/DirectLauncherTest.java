package dev.vpctrain.testkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import dev.vpctrain.testkit.junit.FakeAwsExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The example launcher that calls the SageMaker SDK directly, tested against the fake world. */
class DirectLauncherTest {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
  private static final String S3_HINT = "Please ensure that the subnet's route table has a route to an S3 VPC endpoint "
      + "or a NAT device, and both the security groups and the subnet's network ACL allow outbound traffic to S3.";

  // tag::extension[]
  @RegisterExtension
  static final FakeAwsExtension AWS = FakeAwsExtension.builder()
      .scenario(Scenarios.readyPrivateEndpoints())
      .build();
  // end::extension[]

  // tag::completes[]
  @Test
  void aJobInASoundNetworkCompletesAndItsLogsAndMetricsAreReadable(FakeAws aws) {
    DirectLauncher launcher = new DirectLauncher(aws.sageMakerClient(), aws.logsClient(), aws.cloudWatchClient(),
        NightlyTraining.acme(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B));

    DirectLauncher.Result result = launcher.trainNightly(DAY);
    DirectLauncher.Summary summary = launcher.summarize(result.jobName());

    assertThat(result.status()).isEqualTo("Completed");
    assertThat(summary.lastLogLine()).contains("Reporting training SUCCESS");
    assertThat(summary.averageGpuUtilization()).isBetween(60.0, 99.0);
  }
  // end::completes[]

  static Stream<Arguments> brokenNetworks() {
    return Stream.of(
        Arguments.of(Scenarios.privateVpcWithoutS3Endpoint(), "ClientError: Data download failed:" + S3_HINT),
        Arguments.of(Scenarios.publicSubnetWithInternetGateway(), "ClientError: Data download failed:" + S3_HINT),
        Arguments.of(Scenarios.dedicatedTenancy(), "ClientError: VPC vpc-0a1b2c3d4e5f60001 has 'dedicated' instance tenancy"),
        Arguments.of(Scenarios.securityGroupWithoutSelfIngress(), "Cannot connect to host algo-2 at port 22"),
        Arguments.of(Scenarios.subnetOutOfIps(), "ClientError: Insufficient free IP addresses in subnet(s)"));
  }

  // tag::fails[]
  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenNetworks")
  void aJobInABrokenNetworkFailsAsItWouldInProduction(Scenario scenario, String failure, FakeAws aws) {
    aws.load(scenario);
    DirectLauncher launcher = new DirectLauncher(aws.sageMakerClient(), aws.logsClient(), aws.cloudWatchClient(),
        NightlyTraining.acme(scenario.job().vpc().orElseThrow().subnets().toArray(String[]::new)));

    DirectLauncher.Result result = launcher.trainNightly(DAY);

    assertThat(result.status()).isEqualTo("Failed");
    assertThat(result.failureReason()).contains(failure);
  }
  // end::fails[]

  // tag::hang[]
  @Test
  void aClusterThatCannotTalkHangsForAnHourOfVirtualTime(FakeAws aws) {
    aws.load(Scenarios.securityGroupWithoutSelfIngress());
    DirectLauncher launcher = new DirectLauncher(aws.sageMakerClient(), aws.logsClient(), aws.cloudWatchClient(),
        NightlyTraining.acme(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B));

    launcher.trainNightly(DAY);

    assertThat(Duration.between(aws.sageMaker().job("resnet50-2026-01-05").creationTime(), aws.clock().instant()))
        .isGreaterThan(Duration.ofHours(1));
  }
  // end::hang[]
}
