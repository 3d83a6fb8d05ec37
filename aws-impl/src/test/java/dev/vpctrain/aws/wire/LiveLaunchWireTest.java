package dev.vpctrain.aws.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.aws.support.TestNetworks;
import dev.vpctrain.aws.testing.AwsTestClients;
import dev.vpctrain.aws.testing.FakeAccount;
import dev.vpctrain.aws.testing.FakeAwsServer;
import dev.vpctrain.core.job.TrainingJobSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** VpcTrain with the user's EC2, S3 and SageMaker clients only: the preflight uses live discovery. */
class LiveLaunchWireTest {
  static FakeAwsServer aws;
  static Ec2Client ec2;
  static S3Client s3;
  static SageMakerClient sageMaker;

  final TrainingJobSpec job = TestNetworks.job("resnet50-nightly");

  @BeforeAll
  static void start() {
    aws = FakeAwsServer.start(FakeAccount.of(TestNetworks.network(false)));
    ec2 = AwsTestClients.ec2(aws.baseUrl());
    s3 = AwsTestClients.s3(aws.baseUrl());
    sageMaker = Clients.sageMaker(aws.baseUrl());
  }

  @AfterAll
  static void stop() {
    ec2.close();
    s3.close();
    sageMaker.close();
    aws.close();
  }

  void sageMakerStubs() {
    String json = "application/x-amz-json-1.1";
    aws.wireMock().stubFor(post(urlEqualTo("/")).atPriority(1)
        .withHeader("X-Amz-Target", equalTo("SageMaker.DescribeTrainingJob"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", json)
            .withBody("{\"__type\":\"ValidationException\",\"message\":\"Requested resource not found.\"}")));
    aws.wireMock().stubFor(post(urlEqualTo("/")).atPriority(1)
        .withHeader("X-Amz-Target", equalTo("SageMaker.CreateTrainingJob"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", json)
            .withBody("{\"TrainingJobArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/resnet50-nightly\"}")));
  }

  VpcTrain vpctrain() {
    return VpcTrain.builder().ec2(ec2).s3(s3).sageMaker(sageMaker).ruleEngine(TestNetworks.engine()).build();
  }

  int creates() {
    return aws.wireMock().findAll(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("SageMaker.CreateTrainingJob"))).size();
  }

  @Test
  void liveDiscoveryFindsTheMissingEndpointAndNothingIsCreated() {
    aws.reset(FakeAccount.of(TestNetworks.network(false)));
    sageMakerStubs();

    assertThatThrownBy(() -> vpctrain().launch(job))
        .isInstanceOf(PreflightFailedException.class)
        .hasMessageContaining("s3.route.missing")
        .hasMessageContaining(TestNetworks.SUBNET_A);
    assertThat(aws.calls(true)).containsKeys("DescribeSubnets", "DescribeVpcEndpoints");
    assertThat(creates()).isZero();
  }

  @Test
  void liveDiscoveryLetsAReadyJobThrough() {
    aws.reset(FakeAccount.of(TestNetworks.network(true)));
    sageMakerStubs();

    TrainingRun run = vpctrain().launch(job);

    assertThat(run.preflight().orElseThrow().isReady()).isTrue();
    assertThat(creates()).isEqualTo(1);
  }
}
